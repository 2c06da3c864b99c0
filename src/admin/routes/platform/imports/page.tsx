import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { errorMessage, ForAudience } from "../../marketplace/components/common"
import { ImportJobsTable } from "../../marketplace/components/import-jobs-table"
import { useTriggerAll, useVendorNames } from "../components/api"

/** Import monitoring: every vendor's feed imports (by vendor, status, language), and the nightly run on demand. */
const PlatformImportsPage = () => {
  const vendorNames = useVendorNames().data
  const trigger = useTriggerAll()
  const run = () =>
    trigger.mutate(undefined, {
      onSuccess: ({ started, skipped }) => toast.success(`${started.length} imports started, ${skipped.length} skipped (still running)`),
      onError: (err) => toast.error(errorMessage(err)),
    })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Import monitoring</Heading>
          <Text size="small" className="text-ui-fg-subtle">Every vendor's Letzshop imports. "Import all now" runs what the nightly job runs.</Text>
        </div>
        <Button size="small" isLoading={trigger.isPending} onClick={run}>Import all now</Button>
      </div>
      {vendorNames ? <ImportJobsTable vendorNames={vendorNames} /> : <Text size="small" className="px-6 py-4">Loading…</Text>}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Import monitoring", rank: 4 })

export default function PlatformImportsPageGuarded() {
  return (
    <ForAudience audience="platform">
      <PlatformImportsPage />
    </ForAudience>
  )
}

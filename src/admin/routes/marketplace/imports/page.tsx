import { ForAudience } from "../components/common"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ImportJobsTable } from "../components/import-jobs-table"

/** The vendor's import jobs with live progress; each opens its counters and row errors. */
const ImportsPage = () => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h1">Imports</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each run of a Letzshop feed into staging. Start one from the feed settings.
        </Text>
      </div>
      <Button size="small" variant="secondary" asChild>
        <Link to="/marketplace/feeds">Feed settings</Link>
      </Button>
    </div>
    <ImportJobsTable />
  </Container>
)

export const config = defineRouteConfig({ label: "Imports", rank: 2 })

export default function ImportsPageGuarded() {
  return (
    <ForAudience audience="vendor">
      <ImportsPage />
    </ForAudience>
  )
}

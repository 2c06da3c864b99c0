import { ForAudience } from "./components/common"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useActiveVendor } from "../../lib/vendor"
import { useFeedConfig, useImportJobs, usePublishJobs, useStagedCount } from "./components/api"
import { dateTime, JobStatusBadge, ProgressBar } from "./components/common"

/** The Letzshop pipeline at a glance: feeds, the latest import and publish, what staging holds. */
const MarketplacePage = () => {
  const { vendor } = useActiveVendor()
  const feeds = useFeedConfig().data?.feed_config
  const lastImport = useImportJobs({ limit: 1, offset: 0 }).data?.import_jobs[0]
  const lastPublish = usePublishJobs({ limit: 1, offset: 0 }).data?.publish_jobs[0]
  const counts: [string, number | undefined, string][] = [
    ["Staged items", useStagedCount({}).data, "/marketplace/staging"],
    ["Selected", useStagedCount({ selected: true }).data, "/marketplace/staging"],
    ["Published", useStagedCount({ published: true }).data, "/marketplace/staging"],
    ["Upstream changed", useStagedCount({ published: true, has_upstream_changes: true }).data, "/marketplace/staging"],
  ]
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Marketplace</Heading>
            <Text size="small" className="text-ui-fg-subtle">Letzshop feeds of {vendor?.name ?? "your shop"}: import, review, publish.</Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <Link to="/marketplace/feeds">Feed settings</Link>
          </Button>
        </div>
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          {counts.map(([label, value, to]) => (
            <Link key={label} to={to} className="rounded-lg border p-3">
              <Text size="small" className="text-ui-fg-subtle">{label}</Text>
              <Text weight="plus" className="text-xl tabular-nums">{value ?? "…"}</Text>
            </Link>
          ))}
        </div>
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            Feeds: {feeds ? Object.keys(feeds.urls).map((l) => l.toUpperCase()).join(", ") || "none configured" : "…"}
            {feeds ? ` · nightly re-import ${feeds.schedule_enabled ? "on" : "off"}` : ""}
          </Text>
        </div>
      </Container>
      <Container className="flex flex-col gap-y-3">
        <div className="flex items-center justify-between">
          <Heading level="h2">Latest import</Heading>
          <Link to="/marketplace/imports"><Text size="small" className="text-ui-fg-interactive">All imports</Text></Link>
        </div>
        {lastImport ? (
          <Link to={`/marketplace/imports/${lastImport.id}`} className="flex items-center gap-x-4">
            <JobStatusBadge status={lastImport.status} />
            <Text size="small">{lastImport.language.toUpperCase()} · {dateTime(lastImport.created_at)} · {lastImport.rows_done} rows</Text>
            <div className="flex-1"><ProgressBar value={lastImport.progress} label="Latest import" /></div>
          </Link>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">No import yet.</Text>
        )}
      </Container>
      <Container className="flex flex-col gap-y-3">
        <div className="flex items-center justify-between">
          <Heading level="h2">Latest publish</Heading>
          <Link to="/marketplace/publish-jobs"><Text size="small" className="text-ui-fg-interactive">All publish jobs</Text></Link>
        </div>
        {lastPublish ? (
          <div className="flex items-center gap-x-4">
            <JobStatusBadge status={lastPublish.status} />
            <Text size="small">{dateTime(lastPublish.created_at)} · {lastPublish.items_done} / {lastPublish.items_total} items</Text>
            <div className="flex-1"><ProgressBar value={lastPublish.progress} label="Latest publish" /></div>
          </div>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">Nothing published yet.</Text>
        )}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Marketplace", icon: BuildingStorefront })

export default function MarketplacePageGuarded() {
  return (
    <ForAudience audience="vendor">
      <MarketplacePage />
    </ForAudience>
  )
}

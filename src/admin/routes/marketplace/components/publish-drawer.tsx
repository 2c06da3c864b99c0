import { Button, Drawer, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { type Override, type StagedFilter, usePublish, usePublishJob, useStagedProducts } from "./api"
import { errorMessage, isJobActive, JobStatusBadge, money, parseCents, ProgressBar } from "./common"
import { UpstreamBadge } from "./staged-columns"

export type PublishScope = { kind: "selected"; title: string } | { kind: "filter"; filter: StagedFilter; title: string }

const PAGE_SIZE = 50

/**
 * The publish drawer: the items about to be published, 50 to a page, a price
 * and sale-price override for any of them (kept by the API apart from the
 * feed, so a re-import never undoes it; typed prices stay while paging), then
 * the publish job's live progress.
 */
export function PublishDrawer({ open, onOpenChange, scope }: { open: boolean; onOpenChange: (open: boolean) => void; scope: PublishScope }) {
  const filter = scope.kind === "selected" ? { selected: true } : scope.filter
  const [page, setPage] = useState(0)
  const { data } = useStagedProducts(filter, { limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))
  const [prices, setPrices] = useState<Record<string, { price: string; sale: string }>>({})
  const [jobId, setJobId] = useState<string | null>(null)
  const publish = usePublish()
  const job = usePublishJob(jobId).data?.publish_job

  useEffect(() => {
    if (!open) {
      setPrices({})
      setJobId(null)
      setPage(0)
    }
  }, [open])

  const overrides: Record<string, Override> = {}
  let invalid = false
  for (const [id, { price, sale }] of Object.entries(prices)) {
    const o: Override = {}
    const p = parseCents(price)
    const s = parseCents(sale)
    if (Number.isNaN(p) || Number.isNaN(s)) invalid = true
    if (p != null) o.price_amount = p
    if (s != null) o.sale_price_amount = s
    if (Object.keys(o).length) overrides[id] = o
  }

  const submit = () =>
    publish.mutate(
      { ...(scope.kind === "filter" ? { filter: scope.filter } : {}), overrides },
      { onSuccess: ({ publish_job }) => setJobId(publish_job.id), onError: (err) => toast.error(errorMessage(err)) }
    )

  const edit = (id: string, field: "price" | "sale", value: string) =>
    setPrices((all) => ({ ...all, [id]: { ...(all[id] ?? { price: "", sale: "" }), [field]: value } }))

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content className="max-w-3xl">
        <Drawer.Header>
          <Drawer.Title>{scope.title}</Drawer.Title>
          <Drawer.Description>
            {count} items. Leave a price empty to use the feed's.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {job ? (
            <div className="flex flex-col gap-y-2" data-testid="publish-job">
              <div className="flex items-center justify-between">
                <Text weight="plus">Publish job</Text>
                <JobStatusBadge status={job.status} />
              </div>
              <ProgressBar value={job.progress} label="Publish progress" testId="publish-progress" />
              <Text size="small" className="text-ui-fg-subtle">
                {job.items_done} of {job.items_total} items · {job.created} products created · {job.updated} updated
              </Text>
              {job.skipped?.map((s) => (
                <Text key={s.staged_id} size="small" className="text-ui-fg-subtle">Skipped {s.staged_id}: {s.reason}</Text>
              ))}
              {job.failed?.map((f) => (
                <Text key={f.chunk} size="small" className="text-ui-fg-error">Chunk {f.chunk} failed: {f.code} {f.message}</Text>
              ))}
            </div>
          ) : (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Item</Table.HeaderCell>
                  <Table.HeaderCell>Feed price</Table.HeaderCell>
                  <Table.HeaderCell>Your price</Table.HeaderCell>
                  <Table.HeaderCell>Your sale price</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data?.staged_products.map((s) => (
                  <Table.Row key={s.id} data-testid={`publish-row-${s.external_id}`}>
                    <Table.Cell>
                      <div className="flex flex-col py-1">
                        <Text size="small" weight="plus">{s.title}</Text>
                        <Text size="xsmall" className="text-ui-fg-subtle">{s.external_id}</Text>
                        <UpstreamBadge at={s.upstream_changed_at} />
                      </div>
                    </Table.Cell>
                    <Table.Cell className="tabular-nums">
                      {money(s.price_amount, s.currency_code ?? "EUR")}
                      {s.sale_price ? ` / ${money(s.sale_price.amount, s.sale_price.currency)}` : ""}
                    </Table.Cell>
                    <Table.Cell>
                      <Input size="small" inputMode="decimal" placeholder="e.g. 19.90" aria-label={`Price for ${s.external_id}`}
                        value={prices[s.id]?.price ?? ""} onChange={(e) => edit(s.id, "price", e.target.value)} />
                    </Table.Cell>
                    <Table.Cell>
                      <Input size="small" inputMode="decimal" placeholder="–" aria-label={`Sale price for ${s.external_id}`}
                        value={prices[s.id]?.sale ?? ""} onChange={(e) => edit(s.id, "sale", e.target.value)} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {!job && count > PAGE_SIZE && (
            <Table.Pagination
              count={count}
              pageSize={PAGE_SIZE}
              pageIndex={page}
              pageCount={pageCount}
              canPreviousPage={page > 0}
              canNextPage={page + 1 < pageCount}
              previousPage={() => setPage((p) => Math.max(0, p - 1))}
              nextPage={() => setPage((p) => Math.min(pageCount - 1, p + 1))}
            />
          )}
          {invalid && <Text size="small" className="text-ui-fg-error">A price is a number with at most two decimals.</Text>}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">{job ? "Close" : "Cancel"}</Button>
          </Drawer.Close>
          {!job && (
            <Button size="small" disabled={invalid || !count} isLoading={publish.isPending} onClick={submit}>
              Publish {count} items
            </Button>
          )}
          {job && isJobActive(job.status) && <Text size="small">Publishing…</Text>}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

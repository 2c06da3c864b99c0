import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useQueries, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { useCan } from "../lib/vendor"
import { usePublish, usePublishJob } from "../routes/marketplace/components/api"
import { dateTime, errorMessage, isJobActive, money } from "../routes/marketplace/components/common"
import { UpstreamBadge } from "../routes/marketplace/components/staged-columns"

type Variant = { id: string; title: string; metadata: Record<string, unknown> | null }
type Staged = {
  id: string
  external_id: string
  title: string | null
  price_amount: number | null
  currency_code: string | null
  upstream_changed_at: string | null
  gone_at: string | null
  last_seen_at: string | null
  published_at?: string | null
}

/**
 * On a product imported from a Letzshop feed: the staged item behind each
 * variant (publishing writes `metadata.staged_product_id` on it), whether the
 * feed changed since it was published, and a re-publish of those items.
 * Nothing shows for a product made by hand.
 */
const ProductStagedSourceWidget = ({ data: product }: DetailWidgetProps<{ id: string }>) => {
  const canView = useCan("imports.view")
  const canPublish = useCan("products.create")
  const publish = usePublish()
  // The re-publish runs in the background: its job is polled, and staging read again once it is over.
  const [jobId, setJobId] = useState<string | null>(null)
  const job = usePublishJob(jobId).data?.publish_job
  const { data } = useQuery({
    queryKey: ["maart", "product-staged-source", product.id],
    queryFn: () =>
      sdk.client.fetch<{ product: { variants: Variant[] } }>(`/admin/products/${product.id}`, {
        query: { fields: "id,variants.id,variants.title,variants.metadata" },
      }),
    enabled: canView,
  })
  const stagedIds = (data?.product.variants ?? []).map((v) => v.metadata?.staged_product_id).filter((id): id is string => typeof id === "string")
  const staged = useQueries({
    queries: stagedIds.map((id) => ({
      queryKey: ["maart", "marketplace", "staged", id],
      queryFn: () => sdk.client.fetch<{ staged_product: Staged }>(`/admin/marketplace/staged-products/${id}`),
    })),
  })
    .map((q) => q.data?.staged_product)
    .filter((s): s is Staged => !!s)
  if (!stagedIds.length) return null
  const changed = staged.filter((s) => s.upstream_changed_at)

  const republish = () =>
    publish.mutate(
      { ids: changed.map((s) => s.id) },
      { onSuccess: ({ publish_job }) => setJobId(publish_job.id), onError: (err) => toast.error(errorMessage(err)) }
    )

  return (
    <Container className="divide-y p-0" data-testid="product-staged-source">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Letzshop source</Heading>
        {changed.length > 0 && canPublish && (
          <Button size="small" variant="secondary" isLoading={publish.isPending || isJobActive(job?.status)} onClick={republish}>
            Re-publish
          </Button>
        )}
      </div>
      {staged.map((s) => (
        <div key={s.id} className="flex flex-col gap-y-1 px-6 py-3">
          <div className="flex items-center justify-between gap-x-2">
            <Text size="small" weight="plus">{s.external_id}</Text>
            <UpstreamBadge at={s.upstream_changed_at} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {s.title} · feed price {money(s.price_amount, s.currency_code ?? "EUR")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {s.gone_at ? `Gone from the feed since ${dateTime(s.gone_at)}` : `Last in the feed ${dateTime(s.last_seen_at)}`}
          </Text>
        </div>
      ))}
      <div className="px-6 py-3">
        <Link to="/marketplace/staging" className="txt-small text-ui-fg-interactive">Open staging</Link>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductStagedSourceWidget

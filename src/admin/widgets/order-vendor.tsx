import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { useIsPlatformAdmin } from "../lib/vendor"

type OrderVendor = { id: string; handle: string; name: string; status: "pending" | "active" | "suspended" }
const STATUS_COLOR = { active: "green", pending: "orange", suspended: "red" } as const

/**
 * For platform admins, who see every shop's orders: the vendor an order
 * belongs to (GET /admin/orders/:id/vendor: through its sales channel). A
 * vendor's team sees only its own orders, so the widget shows nothing to them.
 */
const OrderVendorWidget = ({ data: order }: DetailWidgetProps<{ id: string }>) => {
  const isPlatformAdmin = useIsPlatformAdmin()
  const { data, isLoading } = useQuery({
    queryKey: ["maart", "order-vendor", order.id],
    queryFn: () =>
      sdk.client.fetch<{ vendor: OrderVendor | null }>(`/admin/orders/${order.id}/vendor`),
    enabled: isPlatformAdmin,
  })
  if (!isPlatformAdmin) return null
  const vendor = data?.vendor
  return (
    <Container className="flex flex-col gap-y-2" data-testid="order-vendor">
      <Heading level="h2">Vendor</Heading>
      {isLoading ? (
        <Text size="small">Loading…</Text>
      ) : vendor ? (
        <div className="flex items-center justify-between">
          <Link to={`/platform/vendors?q=${encodeURIComponent(vendor.handle)}`} className="txt-small text-ui-fg-interactive">
            {vendor.name} ({vendor.handle})
          </Link>
          <StatusBadge color={STATUS_COLOR[vendor.status]}>{vendor.status}</StatusBadge>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">No vendor: an order of the platform itself.</Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderVendorWidget

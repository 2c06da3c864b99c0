import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container } from "@medusajs/ui"
import { VendorSwitcher } from "../components/vendor-switcher"
import { useActiveVendor } from "../lib/vendor"

/**
 * Medusa 2.21's dashboard has no header zone: the active shop (and the
 * switcher) sit above the lists a shop's team works in. Platform admins
 * without a membership see nothing here.
 */
const VendorSwitcherWidget = () => {
  const { memberships } = useActiveVendor()
  if (!memberships.length) {
    return null
  }
  return (
    <Container className="px-6 py-3">
      <VendorSwitcher compact />
    </Container>
  )
}

export const config = defineWidgetConfig({
  id: "maart:vendor-switcher",
  zone: ["product.list.before", "order.list.before", "customer.list.before", "inventory_item.list.before", "reservation.list.before"],
})

export default VendorSwitcherWidget

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../../lib/errors"
import { TENANCY_MODULE } from "../../../../../modules/tenancy"

/**
 * Platform admins: the shop an order belongs to, for the order page's widget. An order is a vendor's through
 * its sales channel (as the tenancy guard decides ownership); `vendor` is null for the platform's own channel.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "sales_channel_id"], filters: { id: req.params.id } })
  if (!order) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `Order ${req.params.id} was not found.`)
  }
  const [link] = order.sales_channel_id
    ? await req.scope
        .resolve(ContainerRegistrationKeys.LINK)
        .list({ [TENANCY_MODULE]: { vendor_id: { $ne: null } }, [Modules.SALES_CHANNEL]: { sales_channel_id: order.sales_channel_id } })
    : []
  const vendorId = (link as { vendor_id?: string } | undefined)?.vendor_id
  const {
    data: [vendor],
  } = vendorId
    ? await query.graph({ entity: "vendor", fields: ["id", "handle", "name", "status"], filters: { id: vendorId } })
    : { data: [] }
  res.json({ vendor: vendor ?? null })
}

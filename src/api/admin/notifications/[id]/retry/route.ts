import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ErrorCodes, maartError } from "../../../../../lib/errors"
import { retryOrderEmail } from "../../../../../workflows/notifications/retry-failed-order-emails"
import { logVendorId } from "../../middlewares"
import { retrieveVendorNotification } from "../../log"

/**
 * Sends a failed order email of the shop's log again, the way the retry job does (orders.edit).
 * `sent: false` with the attempt that already went out when there is one: posting twice sends once.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const vendorId = logVendorId(req)
  const record = vendorId ? await retrieveVendorNotification(req.scope, vendorId, req.params.id) : null
  if (!record || !vendorId) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No notification ${req.params.id}.`)
  }
  const { notification_id, sent } = await retryOrderEmail(req.scope, record)
  res.json({ notification: await retrieveVendorNotification(req.scope, vendorId, notification_id), sent })
}

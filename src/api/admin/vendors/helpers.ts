import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../lib/errors"

/** Re-reads one vendor with the fields the request asked for; VENDOR_NOT_FOUND when it is gone. */
export async function refetchVendor(req: MedusaRequest, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [vendor],
  } = await query.graph({ entity: "vendor", fields: req.queryConfig.fields, filters: { id } })
  if (!vendor) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${id} was not found.`)
  }
  return vendor
}

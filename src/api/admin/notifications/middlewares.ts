import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse, type MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../lib/errors"
import type { TenantRequest } from "../../tenancy/context"
import { requestPath } from "../../tenancy/route-match"
import { listVendorNotifications, retrieveVendorNotification } from "./log"
import { AdminNotificationTemplateSample, AdminUpsertNotificationTemplate, VendorNotificationLogParams } from "./validators"

/** The shop whose log a request reads: a member's active vendor, or the one a platform admin names. */
export function logVendorId(req: MedusaRequest): string | undefined {
  const tenant = (req as TenantRequest).tenant
  if (tenant?.kind === "vendor") {
    return tenant.vendor_id
  }
  return tenant?.kind === "platform" ? req.get("x-vendor-id") || undefined : undefined
}

/**
 * GET /admin/notifications and /admin/notifications/:id are Medusa's (the dashboard's notification
 * bell reads them). For a shop — a vendor member, or a platform admin naming one with x-vendor-id —
 * they answer the shop's log instead: only records with its `data.vendor_id`, another shop's id is a
 * 404, with the log's filters (validators.ts, a superset of Medusa's). Registered without a method, so
 * it runs after the tenancy guard (which has checked orders.view) and before Medusa's validator, which
 * would refuse the log's filters. Platform admins without a shop get Medusa's route, unchanged.
 */
export async function vendorNotificationLog(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const match = req.method === "GET" ? /^\/admin\/notifications(?:\/([^/]+))?$/.exec(requestPath(req.originalUrl)) : null
  const vendorId = logVendorId(req)
  if (!match || match[1] === "templates" || !vendorId) {
    return next()
  }
  try {
    if (!match[1]) {
      const parsed = VendorNotificationLogParams.safeParse(req.query)
      if (!parsed.success) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "))
      }
      res.json(await listVendorNotifications(req.scope, vendorId, parsed.data))
      return
    }
    const id = decodeURIComponent(match[1])
    const notification = await retrieveVendorNotification(req.scope, vendorId, id)
    if (!notification) {
      // Another shop's record is reported exactly like a missing one.
      throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No notification ${id}.`)
    }
    res.json({ notification })
  } catch (e) {
    next(e)
  }
}

export const adminNotificationRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/notifications*", middlewares: [vendorNotificationLog] },
  { methods: ["POST"], matcher: "/admin/notifications/templates/:template", middlewares: [validateAndTransformBody(AdminUpsertNotificationTemplate)] },
  {
    methods: ["POST"],
    matcher: "/admin/notifications/templates/:template/preview",
    middlewares: [validateAndTransformBody(AdminNotificationTemplateSample)],
  },
  { methods: ["POST"], matcher: "/admin/notifications/templates/:template/send-test", middlewares: [validateAndTransformBody(AdminNotificationTemplateSample)] },
]

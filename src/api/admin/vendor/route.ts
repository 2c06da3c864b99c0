import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateVendorWorkflow } from "../../../workflows/tenancy/workflows/update-vendor"
import { activeVendorId, type TenantRequest } from "../../tenancy/context"
import type { AdminUpdateActiveVendorType } from "./validators"

// The active vendor as its team sees it: profile and payment settings.
const FIELDS = ["id", "handle", "name", "status", "email", "phone", "default_language", "languages", "theme", "stripe_account_id", "updated_at"]

const activeVendor = async (req: MedusaRequest, id: string) =>
  (await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "vendor", fields: FIELDS, filters: { id } }, { throwIfKeyNotFound: true }))
    .data[0]

/** The active vendor (a platform admin names it with x-vendor-id). */
export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  res.json({ vendor: await activeVendor(req, activeVendorId(req)) })
}

/** Changes the active vendor's settings (the policy requires settings.edit): its Stripe Connect account. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateActiveVendorType> & TenantRequest, res: MedusaResponse) {
  const id = activeVendorId(req)
  await updateVendorWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  res.json({ vendor: await activeVendor(req, id) })
}

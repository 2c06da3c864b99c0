import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { updateVendorWorkflow } from "../../../workflows/tenancy/workflows/update-vendor"
import { activeVendorId, type TenantRequest } from "../../tenancy/context"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"
import { verificationRecord } from "../../../workflows/tenancy/steps/verify-vendor-domain"
import type { AdminUpdateActiveVendorType } from "./validators"

// The active vendor as its team sees it: profile and payment settings.
// The profile, theme, payment settings and domains (with the token its DNS record must carry).
const FIELDS = [
  "id", "handle", "name", "status", "email", "phone", "address", "default_language", "languages", "theme", "stripe_account_id", "updated_at",
  "domains.id", "domains.hostname", "domains.kind", "domains.verified_at", "domains.verification_token", "domains.created_at",
]

const activeVendor = async (req: MedusaRequest, id: string) => {
  const [vendor] = (
    await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "vendor", fields: FIELDS, filters: { id } }, { throwIfKeyNotFound: true })
  ).data
  // Where the shop always answers, and what each custom domain's owner must publish to verify it.
  const subdomain = req.scope.resolve<TenancyModuleService>(TENANCY_MODULE).subdomainOf(vendor.handle)
  const domains = (vendor.domains ?? []).flatMap((d) =>
    d ? [{ ...d, verification: d.verified_at || d.kind !== "custom" ? null : verificationRecord(d.hostname, d.verification_token ?? "") }] : []
  )
  return { ...vendor, subdomain, domains }
}

/** The active vendor (a platform admin names it with x-vendor-id). */
export async function GET(req: AuthenticatedMedusaRequest & TenantRequest, res: MedusaResponse) {
  res.json({ vendor: await activeVendor(req, activeVendorId(req)) })
}

/** Changes the active vendor's settings (the policy requires settings.edit): profile, theme, Stripe Connect account. */
export async function POST(req: AuthenticatedMedusaRequest<AdminUpdateActiveVendorType> & TenantRequest, res: MedusaResponse) {
  const id = activeVendorId(req)
  await updateVendorWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  res.json({ vendor: await activeVendor(req, id) })
}

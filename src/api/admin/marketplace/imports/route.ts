import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ErrorCodes, maartError } from "../../../../lib/errors"
import { createImportJobWorkflow } from "../../../../workflows/marketplace/workflows/create-import-job"
import type { TenantRequest } from "../../../tenancy/context"
import { refetchImportJob, withProgress } from "./helpers"
import type { AdminCreateImportJobType, AdminGetImportJobsParamsType } from "./validators"

/** Import jobs, newest first: a vendor's own; for platform admins every vendor's, filtered by vendor, status, dates. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetImportJobsParamsType> & TenantRequest, res: MedusaResponse) {
  const { from, to, ...filters } = req.filterableFields as Record<string, unknown> & { from?: Date; to?: Date }
  if (req.tenant?.kind === "vendor") {
    filters.vendor_id = req.tenant.vendor_id
  }
  if (from || to) {
    filters.created_at = { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) }
  }
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "import_job",
    fields: req.queryConfig.fields,
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ import_jobs: data.map(withProgress), count: metadata?.count, offset: metadata?.skip, limit: metadata?.take })
}

/** Queues a feed import (a URL or an uploaded file), which starts in the background: 202 with the job. */
export async function POST(req: AuthenticatedMedusaRequest<AdminCreateImportJobType> & TenantRequest, res: MedusaResponse) {
  const { vendor_id: asked, ...body } = req.validatedBody
  const vendorId = req.tenant?.kind === "vendor" ? req.tenant.vendor_id : asked ?? req.get("x-vendor-id")
  if (!vendorId) {
    throw maartError("INVALID_DATA", ErrorCodes.VENDOR_CONTEXT_REQUIRED, "Name the vendor (vendor_id) whose feed this is.")
  }
  if (asked && asked !== vendorId) {
    throw maartError("FORBIDDEN", ErrorCodes.OUTSIDE_VENDOR_SCOPE, `vendor_id ${asked} is not yours.`, { field: "vendor_id" })
  }
  const { result: job } = await createImportJobWorkflow(req.scope).run({
    input: { ...body, vendor_id: vendorId, triggered_by: req.auth_context.actor_id },
  })
  // The job starts from its `marketplace.import_job.created` event (src/subscribers/marketplace-import-job-created.ts).
  res.status(202).json({ import_job: await refetchImportJob(req, job.id) })
}

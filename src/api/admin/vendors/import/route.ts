import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importVendorsWorkflow } from "../../../../workflows/tenancy/workflows/import-vendors"
import type { AdminImportVendorsType } from "../validators"

/** POST /admin/vendors/import {csv, dry_run} — see importVendorsWorkflow. */
export async function POST(req: AuthenticatedMedusaRequest<AdminImportVendorsType>, res: MedusaResponse) {
  const { result } = await importVendorsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ import: result })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { apiDocument, assertApiDocsEnabled } from "../../../lib/api-docs"

/** The OpenAPI 3.1 document of Maart's own routes, generated from their validators (src/lib/openapi.ts). */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  assertApiDocsEnabled()
  res.json(await apiDocument())
}

import fs from "node:fs"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertApiDocsEnabled, SWAGGER_ASSETS, swaggerAssetPath } from "../../../../lib/api-docs"
import { ErrorCodes, maartError } from "../../../../lib/errors"

/** The reference page's scripts and styles, from the swagger-ui-dist package (no CDN). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  assertApiDocsEnabled()
  const type = SWAGGER_ASSETS[req.params.file]
  if (!type) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, `No asset ${req.params.file}.`)
  }
  res.setHeader("content-type", type)
  res.setHeader("cache-control", "public, max-age=3600")
  fs.createReadStream(swaggerAssetPath(req.params.file)).pipe(res)
}

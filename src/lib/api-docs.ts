import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ErrorCodes, maartError } from "./errors"
import type { OpenApiDocument } from "./openapi"

/** `/docs` is on in development, and in production only with API_DOCS=true. */
export function apiDocsEnabled(): boolean {
  const flag = process.env.API_DOCS
  return flag ? flag === "true" || flag === "1" : process.env.NODE_ENV !== "production"
}

export function assertApiDocsEnabled() {
  if (!apiDocsEnabled()) {
    throw maartError("NOT_FOUND", ErrorCodes.NOT_FOUND, "The API reference is served in development only (API_DOCS=true turns it on).")
  }
}

let document: Promise<OpenApiDocument> | undefined

/**
 * The document of this instance's routes, generated once per process by src/lib/openapi-cli in a child
 * process (generation re-evaluates the API's modules, which must not happen inside the server).
 */
export function apiDocument(): Promise<OpenApiDocument> {
  document ??= new Promise<OpenApiDocument>((resolve, reject) => {
    const compiled = path.join(__dirname, "openapi-cli.js")
    const args = fs.existsSync(compiled) ? [compiled] : ["-r", "ts-node/register", path.join(__dirname, "openapi-cli.ts")]
    execFile(
      process.execPath,
      args,
      { env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "true", NODE_OPTIONS: "" }, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`OpenAPI generation failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)))
    )
  }).catch((error) => {
    document = undefined // the next request tries again
    throw error
  })
  return document
}

/** swagger-ui-dist's files the page loads; nothing else of the package is served. */
export const SWAGGER_ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
}

export function swaggerAssetPath(file: string): string {
  return path.join(path.dirname(require.resolve("swagger-ui-dist/package.json")), file)
}

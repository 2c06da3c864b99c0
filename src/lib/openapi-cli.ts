/**
 * Prints (or writes with `--out <file>`) the OpenAPI document of Maart's routes: `npm run openapi`.
 * A process of its own, because generating it re-evaluates the API's modules (src/lib/openapi.ts).
 * `--api <dir>` names the API folder (default: the one next to this file's `lib`).
 */
import fs from "node:fs"
import path from "node:path"
import { buildOpenApiDocument, undocumentedInputs } from "./openapi"

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const apiDir = path.resolve(option("--api") ?? path.join(__dirname, "..", "api"))
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require(path.join(__dirname, "..", "..", "package.json"))
const document = buildOpenApiDocument(apiDir, version)
// `--check`: exit 1 when a route's input has no validator to document it from.
if (args.includes("--check")) {
  const missing = undocumentedInputs(document)
  missing.forEach((operation) => console.error(`[openapi] no validator documents the body of ${operation}`))
  process.exit(missing.length ? 1 : 0)
}
const json = JSON.stringify(document, null, 2) + "\n"
const out = option("--out")
if (out) {
  fs.writeFileSync(out, json)
  console.error(`[openapi] wrote ${out}`)
} else {
  process.stdout.write(json)
}
// The API's modules may hold timers or connections opened at load: the document is all this process is for.
process.exit(0)

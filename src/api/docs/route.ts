import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertApiDocsEnabled } from "../../lib/api-docs"

/** The browsable reference of Maart's own routes (swagger-ui over /docs/openapi.json). */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  assertApiDocsEnabled()
  res.setHeader("content-type", "text/html; charset=utf-8")
  res.send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Maart API reference</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="api-reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: "/docs/openapi.json",
      dom_id: "#api-reference",
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: "StandaloneLayout",
    })
  </script>
</body>
</html>`)
}

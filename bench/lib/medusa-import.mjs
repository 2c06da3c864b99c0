// Medusa's own product CSV import, as the dashboard runs it (js-sdk admin.product.createImport, local
// file provider): presigned-urls → uploads → POST /admin/products/imports → confirm, then polled until
// the products are listed or the import's workflow fails.
import { json } from "./server.mjs"

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const productCount = async (base, admin) => (await json(base, "GET", "/admin/products?limit=1&fields=id", null, admin)).count

/** How many products the store lists: take it before the import, pass it as `before`. */
export { productCount }

/**
 * Imports `csv` (a Buffer) and waits until `products` more than `before` are listed, the workflow ends
 * failed/reverted/compensating, or `deadline` (epoch ms) passes. Returns the import's summary, when it
 * was parsed (confirm sent), the last workflow state and how many products arrived.
 */
export async function medusaProductImport({ base, admin, csv, name, before, products, deadline, pollMs = 1000 }) {
  const file = { originalname: name, mime_type: "text/csv", size: csv.length }
  const presigned = await json(base, "POST", "/admin/uploads/presigned-urls", file, admin)
  const form = new FormData()
  form.append("files", new Blob([csv], { type: "text/csv" }), file.originalname)
  const upload = await fetch(`${base}/admin/uploads`, { method: "POST", headers: admin, body: form })
  if (!upload.ok) throw new Error(`POST /admin/uploads → ${upload.status} ${(await upload.text()).slice(0, 300)}`)
  const { files } = await upload.json()
  const created = await json(base, "POST", "/admin/products/imports",
    { file_key: files[0].id, originalname: presigned.originalname, extension: presigned.extension, size: presigned.size, mime_type: presigned.mime_type }, admin)
  const parsedAt = Date.now()
  await json(base, "POST", `/admin/products/imports/${created.transaction_id}/confirm`, {}, admin)
  let count = before
  let state = null
  while (count < before + products && Date.now() < deadline && !["failed", "reverted", "compensating"].includes(state)) {
    await sleep(pollMs)
    count = await productCount(base, admin)
    state = (await json(base, "GET", `/admin/workflows-executions?transaction_id=${created.transaction_id}&fields=state`, null, admin).catch(() => null))
      ?.workflow_executions?.[0]?.state ?? state
  }
  return { summary: created.summary, parsedAt, state, imported: count - before }
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACCEPT_INVITE_PAGE } from "./page"

/** The accept page behind an invitation email's link (`/team/invite?token=…`). */
export async function GET(_req: MedusaRequest, res: MedusaResponse) {
  res
    .status(200)
    .set({
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
      "x-frame-options": "DENY",
    })
    .send(ACCEPT_INVITE_PAGE)
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { triggerFeedImports } from "../workflows/marketplace/feed-import/trigger-feed-imports"

/** Nightly (MARKETPLACE_REIMPORT_CRON, default 03:00): every active vendor's scheduled feeds are imported again. */
export default async function reimportLetzshopFeeds(container: MedusaContainer) {
  await triggerFeedImports(container, { scheduled: true, triggered_by: "schedule" })
}

export const config = { name: "reimport-letzshop-feeds", schedule: process.env.MARKETPLACE_REIMPORT_CRON || "0 3 * * *" }

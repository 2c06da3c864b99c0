import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { createImportJobWorkflow } from "../workflows/create-import-job"

/**
 * Starts an import of every configured feed of the active vendors (or of the
 * given ones) — the default language first, so the others merge into it — and
 * skips a feed whose previous import is still queued or running. `scheduled`:
 * only vendors whose nightly schedule is on.
 */
export async function triggerFeedImports(container: MedusaContainer, { scheduled, triggered_by }: { scheduled: boolean; triggered_by: string }) {
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const configs = await marketplace.listFeedConfigs(scheduled ? { schedule_enabled: true } : {})
  const { data: vendors } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "vendor",
    fields: ["id", "default_language"],
    filters: { id: configs.map((c) => c.vendor_id), status: "active" },
  })
  const active = new Map(vendors.map((v) => [v.id, v.default_language ?? "fr"]))
  const started: { vendor_id: string; language: string; job_id: string }[] = []
  const skipped: { vendor_id: string; language: string; reason: string }[] = []
  for (const config of configs.filter((c) => active.has(c.vendor_id))) {
    const defaultLanguage = active.get(config.vendor_id)!
    const urls = Object.entries(config.urls as Record<string, string | null>).filter((entry): entry is [string, string] => !!entry[1]).sort(([a], [b]) => Number(b === defaultLanguage) - Number(a === defaultLanguage))
    for (const [language, url] of urls) {
      const busy = await marketplace.listImportJobs({ vendor_id: config.vendor_id, language, status: ["queued", "running"] }, { select: ["id"] })
      if (busy.length) {
        skipped.push({ vendor_id: config.vendor_id, language, reason: `import ${busy[0].id} is still running` })
        continue
      }
      const { result: job } = await createImportJobWorkflow(container).run({ input: { vendor_id: config.vendor_id, language, url, triggered_by } })
      // It starts from its created event, on whichever instance consumes events.
      started.push({ vendor_id: config.vendor_id, language, job_id: job.id })
    }
    if (scheduled) {
      await marketplace.updateFeedConfigs({ id: config.id, last_scheduled_at: new Date() })
    }
  }
  return { started, skipped }
}

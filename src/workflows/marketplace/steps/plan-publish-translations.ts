import type { CreateTranslationDTO, UpdateTranslationDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type PlannedTranslation = {
  reference: "product" | "product_variant"
  reference_id: string
  /** Fields per locale code (the feed's language codes: "de", "en", …). */
  by_locale: Record<string, Record<string, string>>
}

export const planPublishTranslationsStepId = "plan-publish-translations"

/**
 * What Medusa's translation module must change so the published products and
 * variants carry the planned texts in each non-default language: new locales
 * created, changed ones updated, locales no longer in the feed or overrides
 * removed. Reads only; nothing to do without the translation module.
 */
export const planPublishTranslationsStep = createStep(planPublishTranslationsStepId, async (planned: PlannedTranslation[], { container }) => {
  const batch = { create: [] as CreateTranslationDTO[], update: [] as UpdateTranslationDTO[], delete: [] as string[] }
  if (!planned.length || !container.hasRegistration(Modules.TRANSLATION)) {
    return new StepResponse(batch)
  }
  const existing = await container
    .resolve(Modules.TRANSLATION)
    .listTranslations({ reference_id: planned.map((p) => p.reference_id) }, { select: ["id", "reference_id", "locale_code", "translations"], take: null })
  const byKey = new Map(existing.map((t) => [`${t.reference_id}:${t.locale_code}`, t]))
  for (const p of planned) {
    const locales = new Set<string>()
    for (const [locale, fields] of Object.entries(p.by_locale)) {
      if (!Object.keys(fields).length) {
        continue
      }
      locales.add(locale)
      const current = byKey.get(`${p.reference_id}:${locale}`)
      if (!current) {
        batch.create.push({ reference: p.reference, reference_id: p.reference_id, locale_code: locale, translations: fields })
      } else {
        // An update merges into the stored fields: one that went away is blanked (Medusa skips empty translations).
        const next = { ...Object.fromEntries(Object.keys(current.translations ?? {}).map((k) => [k, ""])), ...fields }
        if (JSON.stringify(current.translations) !== JSON.stringify(next)) {
          batch.update.push({ id: current.id, translations: next })
        }
      }
    }
    batch.delete.push(...existing.filter((t) => t.reference_id === p.reference_id && !locales.has(t.locale_code)).map((t) => t.id))
  }
  return new StepResponse(batch)
})

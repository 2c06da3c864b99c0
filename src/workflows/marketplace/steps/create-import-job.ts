import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import type TenancyModuleService from "../../../modules/tenancy/service"

export type CreateImportJobInput = {
  vendor_id: string
  language: string
  url?: string | null
  file_id?: string | null
  file_name?: string | null
  triggered_by?: string | null
}

export const FEED_LANGUAGES = ["fr", "de", "en", "lb"]

export const createImportJobStepId = "create-import-job"

/**
 * A queued import job for one of a vendor's feeds: a URL (http/https), an
 * uploaded file, or — neither — the URL configured for that language.
 * Compensation deletes it.
 */
export const createImportJobStep = createStep(
  createImportJobStepId,
  async (input: CreateImportJobInput, { container }) => {
    const [vendor] = await container.resolve<TenancyModuleService>(TENANCY_MODULE).listVendors({ id: input.vendor_id }, { select: ["id"] })
    if (!vendor) {
      throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `No vendor ${input.vendor_id}.`)
    }
    if (!FEED_LANGUAGES.includes(input.language)) {
      throw maartError("INVALID_DATA", ErrorCodes.IMPORT_LANGUAGE_INVALID, `${input.language} is not a feed language (${FEED_LANGUAGES.join(", ")}).`)
    }
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    if (input.url && input.file_id) {
      throw maartError("INVALID_DATA", ErrorCodes.IMPORT_SOURCE_REQUIRED, "Give a feed url or the file_id of an uploaded file, not both.")
    }
    // Neither: the vendor's configured feed for that language.
    const [config] = input.url || input.file_id ? [] : await marketplace.listFeedConfigs({ vendor_id: input.vendor_id })
    const url = input.url ?? (config?.urls as Record<string, string> | undefined)?.[input.language] ?? null
    if (!url && !input.file_id) {
      throw maartError("INVALID_DATA", ErrorCodes.IMPORT_SOURCE_REQUIRED, `No ${input.language} feed is configured: give a url or the file_id of an uploaded file.`)
    }
    const job = await marketplace.createImportJobs({
      vendor_id: input.vendor_id,
      language: input.language,
      source_kind: url ? "url" : "file",
      source_url: url,
      file_id: input.file_id ?? null,
      file_name: input.file_name ?? null,
      triggered_by: input.triggered_by ?? null,
    })
    return new StepResponse(job, job.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deleteImportJobs(id)
  }
)

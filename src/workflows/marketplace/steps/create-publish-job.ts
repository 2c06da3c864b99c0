import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"
import { MARKETPLACE_MODULE } from "../../../modules/marketplace"
import type MarketplaceModuleService from "../../../modules/marketplace/service"
import type { StagedProductFilter } from "../../../modules/marketplace/service"
import { chunkByGroup } from "../publish-job/chunk-items"

export type CreatePublishJobInput = {
  vendor_id: string
  /** Staged ids, or a staging filter; neither: the selected items. */
  ids?: string[]
  filter?: StagedProductFilter
  requested_by?: string | null
}

export const createPublishJobStepId = "create-publish-job"

// More than a publish request may name (ids are capped at 10,000; a filter is not).
const MAX_ITEMS = 100_000

/**
 * A queued publish job for a vendor's staged items (by ids, by filter, or the
 * selected ones; gone items left out), resolved now and stored in chunks so the
 * set is fixed. One queued or running job per vendor: another one is refused with
 * 409 PUBLISH_JOB_RUNNING (a unique index decides between simultaneous requests).
 * Compensation deletes it.
 */
export const createPublishJobStep = createStep(
  createPublishJobStepId,
  async (input: CreatePublishJobInput, { container }) => {
    const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
    await refuseWhileRunning(marketplace, input.vendor_id)
    const filter = input.ids ? { ids: input.ids } : input.filter ?? { selected: true }
    const { rows } = await marketplace.searchStagedProducts(input.vendor_id, { ...filter, gone: false }, {
      offset: 0,
      limit: MAX_ITEMS,
      order: { field: "external_id", direction: "asc" },
    })
    const chunks = chunkByGroup(rows)
    const job = await marketplace
      .createPublishJobs({
        vendor_id: input.vendor_id,
        items: { chunks },
        items_total: rows.length,
        skipped: {},
        failed: {},
        requested_by: input.requested_by ?? null,
      })
      .catch(async (e) => {
        // Lost the race for the unique index to a simultaneous request.
        await refuseWhileRunning(marketplace, input.vendor_id)
        throw e
      })
    return new StepResponse(job, job.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).deletePublishJobs(id)
  }
)

async function refuseWhileRunning(marketplace: MarketplaceModuleService, vendorId: string) {
  const [running] = await marketplace.listPublishJobs({ vendor_id: vendorId, status: ["queued", "running"] }, { select: ["id", "status"] })
  if (running) {
    throw maartError("CONFLICT", ErrorCodes.PUBLISH_JOB_RUNNING, `Publish job ${running.id} is ${running.status}: follow it, or cancel it first.`, {
      job_id: running.id,
    })
  }
}

import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

/** A vendor as the dashboard needs it: who it is, and its sales channel and warehouses. */
export type StatsVendor = { id: string; handle: string; name: string; sales_channel_id: string | null; stock_location_ids: string[] }

export const loadStatsVendorsStepId = "load-stats-vendors"

/**
 * The vendors the figures are about: the one named (404 VENDOR_NOT_FOUND when there is no such
 * vendor), or every vendor on the platform when `vendor_id` is null. One query, links included.
 */
export const loadStatsVendorsStep = createStep(loadStatsVendorsStepId, async (input: { vendor_id: string | null }, { container }) => {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "vendor",
    fields: ["id", "handle", "name", "sales_channel.id", "stock_locations.id"],
    filters: input.vendor_id ? { id: input.vendor_id } : {},
  })
  if (input.vendor_id && !data.length) {
    throw maartError("NOT_FOUND", ErrorCodes.VENDOR_NOT_FOUND, `Vendor ${input.vendor_id} was not found.`)
  }
  const vendors: StatsVendor[] = data
    .map((v) => ({
      id: v.id,
      handle: v.handle,
      name: v.name,
      sales_channel_id: v.sales_channel?.id ?? null,
      stock_location_ids: (v.stock_locations ?? []).flatMap((l) => (l ? [l.id] : [])),
    }))
    .sort((a, b) => a.handle.localeCompare(b.handle))
  return new StepResponse(vendors)
})

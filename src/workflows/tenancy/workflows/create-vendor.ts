import type { LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createFulfillmentSets,
  createRemoteLinkStep,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createStockLocationsWorkflow,
  emitEventStep,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../../modules/tenancy"
import { createFeedConfigStep } from "../../marketplace/steps/create-feed-config"
import { createDefaultRolesStep } from "../../team/steps/create-default-roles"
import { createMembershipStep } from "../../team/steps/create-membership"
import { createPublishableKeyStep } from "../steps/create-publishable-key"
import { createVendorStep, type CreateVendorStepInput } from "../steps/create-vendor"
import { createVendorOwnerStep, type VendorOwnerInput } from "../steps/create-vendor-owner"
import { ensureShippingProfileStep } from "../steps/ensure-shipping-profile"
import { getPlatformRegionStep } from "../steps/get-platform-region"
import { validateVendorHandleStep } from "../steps/validate-vendor-handle"

export type CreateVendorWorkflowInput = CreateVendorStepInput & {
  owner: VendorOwnerInput
  /** The vendor's Letzshop feed URLs per language, kept in its marketplace feed configuration. */
  letzshop_feeds?: Record<string, string> | null
}

export const DEFAULT_SHIPPING_AMOUNT = 5

export const createVendorWorkflowId = "create-vendor"

/**
 * Provisions a vendor's whole shop: the vendor, its sales channel (the
 * webshop), a publishable key scoped to it, a stock location with a shipping
 * fulfillment set, a service zone over the platform region and a flat-rate
 * shipping option, its Letzshop feed configuration, the four default team roles,
 * the owner user and the owner's membership, all linked to the vendor. Any failure compensates every step: nothing is left behind.
 * Emits `vendor.created`.
 *
 * @example
 * const { result } = await createVendorWorkflow(container).run({
 *   input: { handle: "acme", name: "Acme", owner: { email: "owner@acme.lu", password: "…" } },
 * })
 */
export const createVendorWorkflow = createWorkflow(createVendorWorkflowId, (input: CreateVendorWorkflowInput) => {
  const handle = validateVendorHandleStep({ handle: input.handle })
  const region = getPlatformRegionStep()
  const shippingProfile = ensureShippingProfileStep()

  const vendorData = transform({ input, handle }, ({ input: { owner, letzshop_feeds, ...vendor }, handle }) => ({ ...vendor, handle }))
  const vendor = createVendorStep(vendorData)
  const owner = createVendorOwnerStep(input.owner)

  const salesChannels = createSalesChannelsWorkflow.runAsStep({
    input: transform({ vendor }, ({ vendor }) => ({
      salesChannelsData: [{ name: vendor.name, description: `Webshop of ${vendor.name} (${vendor.handle})` }],
    })),
  })
  const salesChannelId = transform({ salesChannels }, ({ salesChannels }) => salesChannels[0].id)

  const apiKey = createPublishableKeyStep(
    transform({ vendor, owner }, ({ vendor, owner }) => ({ title: `${vendor.name} storefront`, created_by: owner.id }))
  )
  const apiKeyId = transform({ apiKey }, ({ apiKey }) => apiKey.id)
  linkSalesChannelsToApiKeyWorkflow.runAsStep({
    input: transform({ apiKeyId, salesChannelId }, (d) => ({ id: d.apiKeyId, add: [d.salesChannelId] })),
  })

  const locations = createStockLocationsWorkflow.runAsStep({
    input: transform({ vendor }, ({ vendor }) => ({
      locations: [{ name: `${vendor.name} warehouse`, metadata: { vendor_id: vendor.id } }],
    })),
  })
  const locationId = transform({ locations }, ({ locations }) => locations[0].id)
  linkSalesChannelsToStockLocationWorkflow.runAsStep({
    input: transform({ locationId, salesChannelId }, (d) => ({ id: d.locationId, add: [d.salesChannelId] })),
  })

  const fulfillmentSets = createFulfillmentSets(
    transform({ vendor, region }, ({ vendor, region }) => [
      {
        name: `${vendor.handle} shipping`,
        type: "shipping",
        service_zones: [
          {
            name: `${vendor.handle} delivery zone`,
            geo_zones: region.country_codes.map((country_code) => ({ type: "country" as const, country_code })),
          },
        ],
      },
    ])
  )
  const serviceZoneId = transform({ fulfillmentSets }, ({ fulfillmentSets }) => fulfillmentSets[0].service_zones[0].id)

  // The location ships through the fulfillment set with the manual provider: link both
  // before the shipping option, which requires the provider to be enabled there.
  createRemoteLinkStep(
    transform({ locationId, fulfillmentSets }, (d): LinkDefinition[] => [
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: d.locationId },
        [Modules.FULFILLMENT]: { fulfillment_set_id: d.fulfillmentSets[0].id },
      },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: d.locationId },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      },
    ])
  ).config({ name: "link-vendor-location-fulfillment" })

  createShippingOptionsWorkflow.runAsStep({
    input: transform({ vendor, region, serviceZoneId, shippingProfile }, (d) => [
      {
        name: "Standard delivery",
        service_zone_id: d.serviceZoneId,
        shipping_profile_id: d.shippingProfile.id,
        provider_id: "manual_manual",
        price_type: "flat" as const,
        type: { label: "Standard", description: "Delivered in 2–3 working days", code: "standard" },
        prices: [
          { currency_code: d.region.currency_code, amount: DEFAULT_SHIPPING_AMOUNT },
          { region_id: d.region.id, amount: DEFAULT_SHIPPING_AMOUNT },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      },
    ]),
  })

  createFeedConfigStep(transform({ vendor, input }, ({ vendor, input }) => ({ vendor_id: vendor.id, urls: input.letzshop_feeds })))
  const roles = createDefaultRolesStep(transform({ vendor }, ({ vendor }) => ({ vendor_id: vendor.id })))
  const membership = createMembershipStep(
    transform({ vendor, owner, roles }, ({ vendor, owner, roles }) => ({
      vendor_id: vendor.id,
      user_id: owner.id,
      role_id: roles.find((r) => r.key === "owner")!.id,
    }))
  )

  createRemoteLinkStep(
    transform({ vendor, salesChannelId, apiKeyId, locationId }, (d): LinkDefinition[] => [
      { [TENANCY_MODULE]: { vendor_id: d.vendor.id }, [Modules.SALES_CHANNEL]: { sales_channel_id: d.salesChannelId } },
      { [TENANCY_MODULE]: { vendor_id: d.vendor.id }, [Modules.API_KEY]: { api_key_id: d.apiKeyId } },
      { [TENANCY_MODULE]: { vendor_id: d.vendor.id }, [Modules.STOCK_LOCATION]: { stock_location_id: d.locationId } },
    ])
  )

  emitEventStep({ eventName: "vendor.created", data: transform({ vendor }, ({ vendor }) => ({ id: vendor.id })) })

  const vendorCreated = createHook("vendorCreated", { vendor, owner, sales_channel_id: salesChannelId })

  return new WorkflowResponse(
    { vendor, owner, membership, sales_channel_id: salesChannelId, api_key_id: apiKeyId, stock_location_id: locationId },
    { hooks: [vendorCreated] }
  )
})

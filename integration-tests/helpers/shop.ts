import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ReturnStatus } from "@medusajs/framework/utils"
import { createOrderPaymentCollectionWorkflow, createOrderWorkflow, markPaymentCollectionAsPaid } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { MARKETPLACE_MODULE } from "../../src/modules/marketplace"
import { normalizeRow } from "../../src/modules/marketplace/feed/normalize-row"
import type MarketplaceModuleService from "../../src/modules/marketplace/service"
import { MEDIA_MODULE } from "../../src/modules/media"
import type MediaModuleService from "../../src/modules/media/service"
import { adminHeaders, createLamp } from "./platform"

type Headers = { headers: Record<string, string> }

export type Shop = {
  /** The owner's request headers. */
  headers: Headers
  vendor: any
  /** One record of each kind the vendor owns, by resource name (as in the policy table). */
  ids: Record<string, string>
}

/**
 * A vendor with one of everything, made through the Admin API as its owner
 * (so the tenancy rules and hooks do the tying): a product with a stocked
 * variant, a customer with an address, an order paid by hand (a captured payment) with a canceled return, a reservation and a
 * pending team invitation, a (failed) import job, a staged feed item, a (failed) publish job and a media
 * library record (no stored file behind it).
 */
export async function openShop(api: AxiosInstance, container: MedusaContainer, platform: Headers, handle: string): Promise<Shop> {
  const owner = { email: `owner@${handle}.test`, password: "password-1" }
  const { vendor } = (await api.post("/admin/vendors", { handle, name: handle.toUpperCase(), owner }, platform)).data
  const headers = await adminHeaders(api, owner.email, owner.password)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const product = await createLamp(api, headers, `${handle} lamp`, true)
  const {
    data: [variant],
  } = await query.graph({ entity: "variant", fields: ["id", "inventory_items.inventory_item_id"], filters: { product_id: product.id } })
  const itemId = variant.inventory_items![0]!.inventory_item_id
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId })
  await api.post(`/admin/inventory-items/${itemId}/location-levels/${level.location_id}`, { stocked_quantity: 5 }, headers)
  const { customer } = (await api.post("/admin/customers", { email: `buyer@${handle}.test` }, headers)).data
  const address = (await api.post(`/admin/customers/${customer.id}/addresses?fields=*addresses`, { address_1: "1 rue", country_code: "lu" }, headers)).data
    .customer.addresses[0]

  const [store] = await container.resolve(Modules.STORE).listStores()
  const { result: order } = await createOrderWorkflow(container).run({
    input: {
      region_id: store.default_region_id!,
      sales_channel_id: vendor.sales_channel.id,
      email: `buyer@${handle}.test`,
      items: [{ variant_id: variant.id, quantity: 1, title: "lamp", unit_price: 10 }],
    },
  })
  const {
    result: [collection],
  } = await createOrderPaymentCollectionWorkflow(container).run({ input: { order_id: order.id, amount: 10 } })
  const { result: payment } = await markPaymentCollectionAsPaid(container).run({ input: { order_id: order.id, payment_collection_id: collection.id } })
  const {
    data: [location],
  } = await query.graph({ entity: "stock_location", fields: ["fulfillment_sets.service_zones.shipping_options.id"], filters: { id: vendor.stock_locations[0].id } })
  const shippingOptionId = location.fulfillment_sets![0]!.service_zones[0].shipping_options[0].id
  // A return record of the order, canceled at once: it exists without an open order change.
  const orders = container.resolve(Modules.ORDER)
  const orderReturn = await orders.createReturns({ order_id: order.id, location_id: vendor.stock_locations[0].id })
  await orders.updateReturns({ id: orderReturn.id }, { status: ReturnStatus.CANCELED })
  const [reservation] = await container.resolve(Modules.INVENTORY).createReservationItems([
    { inventory_item_id: itemId, location_id: vendor.stock_locations[0].id, quantity: 1 },
  ])
  const viewerRole = (await api.get("/admin/team/roles", headers)).data.roles.find((r: { key: string }) => r.key === "viewer")
  const [membership] = (await api.get("/admin/team/members", headers)).data.members
  const { invite } = (await api.post("/admin/team/invites", { email: `staff@${handle}.test`, role_id: viewerRole.id }, headers)).data
  const importJob = await container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE).createImportJobs({
    vendor_id: vendor.id,
    language: "fr",
    source_kind: "url",
    source_url: `https://feeds.example/${handle}/fr.tsv`,
    status: "failed",
  })
  const marketplace = container.resolve<MarketplaceModuleService>(MARKETPLACE_MODULE)
  const columns = ["id", "title", "price"]
  await marketplace.stageBatch({
    vendor_id: vendor.id, language: "fr", default_language: "fr", run_key: `${importJob.id}:1`,
    rows: [{ ...normalizeRow(columns, [`${handle}-feed-1`, `${handle} feed item`, "9,90 EUR"], 2).row!, line: 2 }],
  })
  const [staged] = await marketplace.listStagedProducts({ vendor_id: vendor.id })
  const publishJob = await marketplace.createPublishJobs({ vendor_id: vendor.id, status: "failed", items: { chunks: [[staged.id]] }, items_total: 1, skipped: {}, failed: {} })
  const mediaFile = await container.resolve<MediaModuleService>(MEDIA_MODULE).createMediaFiles({
    vendor_id: vendor.id, file_id: `${handle}-logo.png`, url: `http://localhost/static/${handle}-logo.png`,
    filename: "logo.png", mime_type: "image/png", kind: "image", size: 68, width: 1, height: 1,
  })
  return {
    headers,
    vendor,
    ids: {
      product: product.id,
      product_variant: variant.id,
      inventory_item: itemId,
      inventory_level: level.id,
      customer: customer.id,
      address: address.id,
      stock_location: vendor.stock_locations[0].id,
      sales_channel: vendor.sales_channel.id,
      order: order.id,
      payment_collection: collection.id,
      return: orderReturn.id,
      payment: payment!.id,
      shipping_option: shippingOptionId,
      reservation: reservation.id,
      membership: membership.id,
      team_role: viewerRole.id,
      team_invite: invite.id,
      import_job: importJob.id,
      staged_product: staged.id,
      publish_job: publishJob.id,
      media_file: mediaFile.id,
    },
  }
}

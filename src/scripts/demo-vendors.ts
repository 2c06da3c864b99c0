import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, updateInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../modules/tenancy"
import type TenancyModuleService from "../modules/tenancy/service"
import { TEAM_MODULE } from "../modules/team"
import type TeamModuleService from "../modules/team/service"
import { createVendorWorkflow } from "../workflows/tenancy/workflows/create-vendor"
import { updateVendorStatusWorkflow } from "../workflows/tenancy/workflows/update-vendor-status"

type DemoProduct = { title: string; price: number; options?: Record<string, string[]> }

/** Two demo shops with different catalogs and themes, each answering on `<handle>.localhost`. */
export const DEMO_VENDORS: {
  handle: string
  name: string
  theme: Record<string, string>
  products: DemoProduct[]
}[] = [
  {
    handle: "lumiere",
    name: "Atelier Lumière",
    theme: { primary_color: "#7a3e1d", accent_color: "#f2c14e", font: "serif" },
    products: [
      { title: "Lampe de chevet en laiton", price: 89, options: { Finition: ["Laiton", "Noir"] } },
      { title: "Suspension en lin", price: 129 },
      { title: "Bougie parfumée Moselle", price: 24, options: { Taille: ["S", "M", "L"] } },
      { title: "Vase en grès", price: 45 },
      { title: "Guirlande lumineuse", price: 32 },
    ],
  },
  {
    handle: "velo",
    name: "Vëlo Buttek",
    theme: { primary_color: "#0b6e4f", accent_color: "#e4572e", font: "sans" },
    products: [
      { title: "Casque urbain", price: 69, options: { Size: ["S", "M", "L"] } },
      { title: "Antivol en U", price: 39 },
      { title: "Sacoche étanche", price: 79, options: { Color: ["Black", "Yellow"] } },
      { title: "Éclairage LED avant", price: 29 },
      { title: "Pompe à pied", price: 34 },
    ],
  },
]

const STOCK_PER_VARIANT = 25

function variantsOf(product: DemoProduct, currency: string) {
  const [optionTitle, values] = Object.entries(product.options ?? { Default: ["Default"] })[0]
  return {
    options: [{ title: optionTitle, values }],
    variants: values.map((value) => ({
      title: value,
      options: { [optionTitle]: value },
      manage_inventory: true,
      prices: [{ currency_code: currency, amount: product.price }],
    })),
  }
}

/**
 * Provisions the demo shops once (skipped when any vendor exists): vendor,
 * owner `owner@<handle>.localhost`, a verified `<handle>.localhost` domain,
 * products in its sales channel with stock at its warehouse — and one staff
 * member in both teams.
 */
export async function seedDemoVendors(container: MedusaContainer, ownerPassword: string, currency: string) {
  const tenancy = container.resolve<TenancyModuleService>(TENANCY_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if ((await tenancy.listVendors({}, { take: 1 })).length) {
    return []
  }

  const created: { handle: string; owner: string; vendor_id: string }[] = []
  for (const demo of DEMO_VENDORS) {
    const owner = `owner@${demo.handle}.localhost`
    const { result } = await createVendorWorkflow(container).run({
      input: {
        handle: demo.handle,
        name: demo.name,
        email: owner,
        theme: demo.theme,
        owner: { email: owner, password: ownerPassword, first_name: demo.name, last_name: "Owner" },
      },
    })
    const vendorId = result.vendor.id
    await updateVendorStatusWorkflow(container).run({ input: { id: vendorId, action: "verify" } })
    await tenancy.createVendorDomains({
      vendor_id: vendorId,
      hostname: `${demo.handle}.localhost`,
      kind: "custom",
      verified_at: new Date(),
    } as any)

    // The shop's shipping option serves the platform's default profile (provisioning
    // made it): products without a profile cannot be checked out.
    const [shippingProfile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
    // additional_data.vendor_id: the products-created hook ties products and their
    // inventory items to the vendor, with a level at its warehouse.
    const { result: products } = await createProductsWorkflow(container).run({
      input: {
        products: demo.products.map((p) => ({
          title: p.title,
          status: "published" as const,
          shipping_profile_id: shippingProfile?.id,
          sales_channels: [{ id: result.sales_channel_id }],
          ...variantsOf(p, currency),
        })),
        additional_data: { vendor_id: vendorId },
      },
    })
    const { data: variants } = await query.graph({
      entity: "variant",
      fields: ["inventory_items.inventory_item_id"],
      filters: { product_id: products.map((p) => p.id) },
    })
    await updateInventoryLevelsWorkflow(container).run({
      input: {
        updates: variants.flatMap((v: any) =>
          v.inventory_items.map((i: any) => ({
            inventory_item_id: i.inventory_item_id,
            location_id: result.stock_location_id,
            stocked_quantity: STOCK_PER_VARIANT,
          }))
        ),
      },
    })
    created.push({ handle: demo.handle, owner, vendor_id: vendorId })
  }
  await seedDemoTeamMember(container, ownerPassword, created)
  return created
}

export const DEMO_STAFF_EMAIL = "staff@maart.localhost"

/**
 * One member of both demo teams — Editor at the first shop, Viewer at the
 * second — to try the vendor switcher and the roles with.
 */
async function seedDemoTeamMember(container: MedusaContainer, password: string, shops: { vendor_id: string }[]) {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: { email: DEMO_STAFF_EMAIL, password } })
  if (error || !authIdentity) {
    throw new Error(`Could not register ${DEMO_STAFF_EMAIL}: ${error}`)
  }
  const user = await container.resolve(Modules.USER).createUsers({ email: DEMO_STAFF_EMAIL, first_name: "Demo", last_name: "Staff" })
  await container.resolve(Modules.AUTH).updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const team = container.resolve<TeamModuleService>(TEAM_MODULE)
  for (const [index, key] of (["editor", "viewer"] as const).entries()) {
    const [role] = await team.listTeamRoles({ vendor_id: shops[index].vendor_id, key })
    await team.createMemberships({ vendor_id: shops[index].vendor_id, user_id: user.id, role_id: role.id })
  }
}

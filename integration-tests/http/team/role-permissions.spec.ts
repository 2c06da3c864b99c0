import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ADMIN_POLICY, type Method } from "../../../src/api/tenancy/policy"
import type { Resource } from "../../../src/api/tenancy/ownership"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { openShop, type Shop } from "../../helpers/shop"
import { addMember } from "../../helpers/team"

jest.setTimeout(600 * 1000)

/**
 * Every role × every permission-bearing route. Written from the product's rules,
 * not from the code's mapping: what each route needs (left), and which default
 * role holds what (the seeds, right). A policy entry without a row here fails.
 */
const ROLES_OF: Record<string, ("owner" | "manager" | "editor" | "viewer")[]> = {
  member: ["owner", "manager", "editor", "viewer"],
  "products.view": ["owner", "manager", "editor", "viewer"],
  "products.create": ["owner", "manager", "editor"],
  "products.edit": ["owner", "manager", "editor"],
  "products.delete": ["owner"],
  "orders.view": ["owner", "manager", "editor", "viewer"],
  "orders.create": ["owner", "manager"],
  "orders.edit": ["owner", "manager", "editor"],
  "settings.edit": ["owner"],
  "team.view": ["owner", "manager"], // the Owner through team.manage
  "team.invite": ["owner", "manager"],
  "team.manage": ["owner"],
  "team.remove": ["owner"],
  "imports.view": ["owner", "manager", "editor", "viewer"],
  "imports.trigger": ["owner", "manager"],
  "imports.configure": ["owner"],
  "analytics.view": ["owner", "manager"],
}

// What each route needs. "member": any member of the vendor (platform configuration and the shop's own set-up, read).
const NEEDS: Record<string, string> = {
  ...Object.fromEntries(
    ["stores", "regions", "currencies", "locales", "price-preferences", "product-types", "product-tags", "product-categories", "collections", "return-reasons", "shipping-profiles", "sales-channels", "stock-locations"].flatMap((f) => [
      [`GET /admin/${f}`, "member"],
      [`GET /admin/${f}/:${f === "currencies" || f === "locales" ? "code" : "id"}`, "member"],
    ])
  ),
  "GET /admin/plugins": "member",
  "POST /admin/stock-locations/:id": "settings.edit",

  "GET /admin/products": "products.view",
  "POST /admin/products": "products.create",
  "GET /admin/products/:id": "products.view",
  "POST /admin/products/:id": "products.edit",
  "DELETE /admin/products/:id": "products.delete",
  "GET /admin/products/:id/options": "products.view",
  "POST /admin/products/:id/options/batch": "products.edit",
  "GET /admin/products/:id/variants": "products.view",
  "POST /admin/products/:id/variants": "products.edit",
  "POST /admin/products/:id/variants/batch": "products.edit",
  "GET /admin/products/:id/variants/:variant_id": "products.view",
  "POST /admin/products/:id/variants/:variant_id": "products.edit",
  "DELETE /admin/products/:id/variants/:variant_id": "products.edit",
  "POST /admin/products/:id/variants/:variant_id/inventory-items": "products.edit",
  "POST /admin/products/:id/variants/:variant_id/inventory-items/:inventory_item_id": "products.edit",
  "DELETE /admin/products/:id/variants/:variant_id/inventory-items/:inventory_item_id": "products.edit",
  "POST /admin/uploads": "products.edit",
  "POST /admin/uploads/presigned-urls": "products.edit",

  "GET /admin/inventory-items": "products.view",
  "GET /admin/inventory-items/:id": "products.view",
  "POST /admin/inventory-items/:id": "products.edit",
  "DELETE /admin/inventory-items/:id": "products.delete",
  "GET /admin/inventory-items/:id/location-levels": "products.view",
  "POST /admin/inventory-items/:id/location-levels": "products.edit",
  "POST /admin/inventory-items/:id/location-levels/:location_id": "products.edit",
  "DELETE /admin/inventory-items/:id/location-levels/:location_id": "products.edit",
  "POST /admin/inventory-items/:id/location-levels/batch": "products.edit",
  "POST /admin/inventory-items/location-levels/batch": "products.edit",

  "GET /admin/reservations": "orders.view",
  "POST /admin/reservations": "orders.create",
  "GET /admin/reservations/:id": "orders.view",
  "POST /admin/reservations/:id": "orders.edit",
  "DELETE /admin/reservations/:id": "orders.edit",
  "GET /admin/orders": "orders.view",
  "GET /admin/orders/:id": "orders.view",
  "POST /admin/orders/:id": "orders.edit",
  "GET /admin/orders/:id/preview": "orders.view",
  "GET /admin/orders/:id/changes": "orders.view",
  "GET /admin/orders/:id/line-items": "orders.view",
  "GET /admin/orders/:id/shipping-options": "orders.view",
  "POST /admin/orders/:id/cancel": "orders.edit",
  "POST /admin/orders/:id/complete": "orders.edit",
  "POST /admin/orders/:id/archive": "orders.edit",
  "POST /admin/orders/:id/fulfillments": "orders.edit",
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/cancel": "orders.edit",
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/shipments": "orders.edit",
  "POST /admin/orders/:id/fulfillments/:fulfillment_id/mark-as-delivered": "orders.edit",
  "GET /admin/returns": "orders.view",
  "POST /admin/returns": "orders.edit",
  "GET /admin/returns/:id": "orders.view",
  "POST /admin/returns/:id": "orders.edit",
  "POST /admin/returns/:id/request-items": "orders.edit",
  "POST /admin/returns/:id/receive-items": "orders.edit",
  "POST /admin/returns/:id/dismiss-items": "orders.edit",
  "POST /admin/returns/:id/receive/confirm": "orders.edit",
  "POST /admin/returns/:id/cancel": "orders.edit",
  "POST /admin/returns/:id/request-items/:action_id": "orders.edit",
  "DELETE /admin/returns/:id/request-items/:action_id": "orders.edit",
  "POST /admin/returns/:id/receive-items/:action_id": "orders.edit",
  "DELETE /admin/returns/:id/receive-items/:action_id": "orders.edit",
  "POST /admin/returns/:id/dismiss-items/:action_id": "orders.edit",
  "DELETE /admin/returns/:id/dismiss-items/:action_id": "orders.edit",
  "POST /admin/returns/:id/shipping-method/:action_id": "orders.edit",
  "DELETE /admin/returns/:id/shipping-method/:action_id": "orders.edit",
  "POST /admin/returns/:id/request": "orders.edit",
  "DELETE /admin/returns/:id/request": "orders.edit",
  "POST /admin/returns/:id/receive": "orders.edit",
  "DELETE /admin/returns/:id/receive": "orders.edit",
  "POST /admin/returns/:id/shipping-method": "orders.edit",
  "GET /admin/payments/:id": "orders.view",
  "POST /admin/payments/:id/capture": "orders.edit",
  "POST /admin/payments/:id/refund": "orders.edit",
  "POST /admin/payment-collections/:id/mark-as-paid": "orders.edit",
  // The order desk reads the shop's shipping options and the platform's refund reasons and payment providers.
  "GET /admin/shipping-options": "member",
  "GET /admin/shipping-options/:id": "member",
  "GET /admin/refund-reasons": "member",
  "GET /admin/refund-reasons/:id": "member",
  "GET /admin/payments/payment-providers": "member",
  "GET /admin/inventory/movements": "products.view",
  "GET /admin/claims": "orders.view",
  "GET /admin/exchanges": "orders.view",
  "GET /admin/customers": "orders.view",
  "POST /admin/customers": "orders.create",
  "GET /admin/customers/:id": "orders.view",
  "POST /admin/customers/:id": "orders.edit",
  "DELETE /admin/customers/:id": "orders.edit",
  "GET /admin/customers/:id/addresses": "orders.view",
  "POST /admin/customers/:id/addresses": "orders.edit",
  "GET /admin/customers/:id/addresses/:address_id": "orders.view",
  "POST /admin/customers/:id/addresses/:address_id": "orders.edit",
  "DELETE /admin/customers/:id/addresses/:address_id": "orders.edit",

  "GET /admin/team/members": "team.view",
  "POST /admin/team/members/:id": "team.manage",
  "DELETE /admin/team/members/:id": "team.remove",
  "GET /admin/team/roles": "team.view",
  "POST /admin/team/roles": "team.manage",
  "GET /admin/team/roles/:id": "team.view",
  "POST /admin/team/roles/:id": "team.manage",
  "DELETE /admin/team/roles/:id": "team.manage",
  "GET /admin/team/invites": "team.view",
  "POST /admin/team/invites": "team.invite",
  "DELETE /admin/team/invites/:id": "team.invite",
  "POST /admin/team/invites/:id/resend": "team.invite",
  "GET /admin/audit-log": "team.manage",
  "GET /admin/dashboard/stats": "analytics.view",
  "GET /admin/catalog-search": "products.view",
  // The media library: the catalog's files.
  "GET /admin/media": "products.view",
  "POST /admin/media": "products.edit",
  "GET /admin/media/:id": "products.view",
  "POST /admin/media/:id": "products.edit",
  "DELETE /admin/media/:id": "products.edit",
  "GET /admin/vendor": "member",
  "GET /admin/layouts/:zone/configuration": "member",
  "POST /admin/vendor": "settings.edit",
  "POST /admin/vendor/domains": "settings.edit",
  "DELETE /admin/vendor/domains/:domain_id": "settings.edit",
  "POST /admin/vendor/domains/:domain_id/verify": "settings.edit",
  "GET /admin/notifications": "orders.view",
  "GET /admin/notifications/:id": "orders.view",
  "POST /admin/notifications/:id/retry": "orders.edit",
  "GET /admin/notifications/templates": "member",
  "POST /admin/notifications/templates/:template": "settings.edit",
  "DELETE /admin/notifications/templates/:template": "settings.edit",
  "POST /admin/notifications/templates/:template/preview": "member",
  "POST /admin/notifications/templates/:template/send-test": "settings.edit",
  "GET /admin/marketplace/imports": "imports.view",
  "POST /admin/marketplace/imports": "imports.trigger",
  "GET /admin/marketplace/imports/:id": "imports.view",
  "GET /admin/marketplace/imports/:id/errors": "imports.view",
  "POST /admin/marketplace/imports/:id/errors/export": "imports.view",
  "POST /admin/marketplace/imports/:id/cancel": "imports.trigger",
  "GET /admin/marketplace/feed-config": "imports.view",
  "POST /admin/marketplace/feed-config": "imports.configure",
  "GET /admin/marketplace/staged-products": "imports.view",
  "GET /admin/marketplace/staged-products/:id": "imports.view",
  "POST /admin/marketplace/staged-products/selection": "products.create",
  "POST /admin/marketplace/staged-products/:id/override": "products.edit",
  "POST /admin/marketplace/publish": "products.create",
  "POST /admin/marketplace/unpublish": "products.edit",
  "GET /admin/marketplace/publish-jobs": "products.view",
  "GET /admin/marketplace/publish-jobs/:id": "products.view",
  "POST /admin/marketplace/publish-jobs/:id/cancel": "products.create",
}

const checked = ADMIN_POLICY.filter((e) => e.rule.scope !== "public" && e.rule.scope !== "self").flatMap((e) =>
  e.methods.map((method) => ({ method, route: e.route, entry: e }))
)
const stats = { cells: 0 }
afterAll(() => console.log(`role × route matrix: ${checked.length} routes × 4 roles = ${stats.cells} requests`))

describe("the role matrix", () => {
  it("has an expectation for every permission-bearing route in the policy table", () => {
    const missing = checked.map((c) => `${c.method} ${c.route}`).filter((k) => !(k in NEEDS))
    expect(missing).toEqual([])
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    const as: Record<string, { headers: Record<string, string> }> = {}

    beforeAll(async () => {
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      shop = await openShop(api, getContainer(), platform, "matrix")
      as.owner = shop.headers
      for (const role of ["manager", "editor", "viewer"]) {
        as[role] = (await addMember(api, getContainer(), shop.vendor.id, `${role}@matrix.test`, role)).headers
      }
    })

    const fill = (route: string, params: Record<string, Resource>) =>
      route.replace(/:(\w+)/g, (_, name: string) => (name === "address_id" ? shop.ids.address : params[name] ? shop.ids[params[name]] : "unknown_1"))

    // Refused roles first: an allowed DELETE would remove the record the others are tried on.
    it.each(checked.map((c) => [`${c.method} ${c.route}`, c] as const))("%s", async (_, { method, route, entry }) => {
      const needs = NEEDS[`${method} ${route}`]
      const allowed = ROLES_OF[needs]
      const params = "params" in entry.rule ? entry.rule.params : {}
      const query = entry.rule.scope === "owned-query" ? `?${entry.rule.query}=${shop.ids[entry.rule.resource]}` : ""
      const url = fill(route, params) + query
      const order = ["viewer", "editor", "manager", "owner"].sort((x, y) => Number(allowed.includes(x as never)) - Number(allowed.includes(y as never)))
      const outcome: Record<string, string> = {}
      for (const role of order) {
        stats.cells++
        const opts = { ...as[role], ...anyStatus }
        const res = method === "POST" ? await api.post(url, {}, opts) : await (api as any)[method.toLowerCase() as Lowercase<Method>](url, opts)
        outcome[role] = res.status === 403 && res.data.code === "PERMISSION_DENIED" ? "denied" : res.status === 401 ? "unauthenticated" : "allowed"
      }
      const expected = Object.fromEntries(order.map((role) => [role, allowed.includes(role as never) ? "allowed" : "denied"]))
      expect(outcome).toEqual(expected)
    })
  },
})

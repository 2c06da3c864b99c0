import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { bearer, shopAccounts } from "../../helpers/customers"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)

/** Reset links are read from what a real SMTP server receives. */
const mailbox = useMailbox()

type Shop = { vendor: any; key: Record<string, string>; owner: { headers: Record<string, string> } }

const EMAIL = "ana@example.lu"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let platform: { headers: Record<string, string> }
    let a: Shop
    let b: Shop

    const post = (url: string, body: object, headers: Record<string, string>) => api.post(url, body, { headers, ...anyStatus })
    const get = (url: string, headers: Record<string, string>) => api.get(url, { headers, ...anyStatus })

    async function openShop(handle: string): Promise<Shop> {
      const owner = { email: `owner@${handle}.test`, password: "password-1" }
      const { vendor } = (await api.post("/admin/vendors", { handle, name: handle, owner }, platform)).data
      await api.post(`/admin/vendors/${vendor.id}/verify`, {}, platform)
      return { vendor, key: { "x-publishable-api-key": vendor.api_key.token }, owner: await adminHeaders(api, owner.email, owner.password) }
    }

    const accounts = shopAccounts(api)
    const login = (shop: Shop, password: string, email = EMAIL) => accounts.login(shop.key, email, password)
    /** Registers at a shop the way a storefront does: identity, then the account with its token. */
    const register = (shop: Shop, password: string, extra: object = {}, email = EMAIL) => accounts.register(shop.key, email, password, extra)

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await openShop("custa")
      b = await openShop("custb")
    })

    it("gives one email two accounts at two shops, with two passwords, each usable only at its shop", async () => {
      const atA = await register(a, "password-at-a", { first_name: "Ana" })
      const atB = await register(b, "password-at-b", { first_name: "Anne" })
      expect(atA.customer.id).not.toBe(atB.customer.id)
      expect([atA.customer.email, atB.customer.email]).toEqual([EMAIL, EMAIL])

      // Each password opens only its own shop's account.
      expect((await login(a, "password-at-b")).status).toBe(401)
      expect((await login(b, "password-at-a")).status).toBe(401)
      // A shop's token is worthless at the other shop.
      const cross = await get("/store/customers/me", { ...b.key, authorization: atA.auth.authorization })
      expect([cross.status, cross.data.code]).toEqual([401, "CUSTOMER_OF_ANOTHER_SHOP"])
      expect((await get("/store/orders", { ...a.key, authorization: atB.auth.authorization })).status).toBe(401)

      // Profile and addresses are independent.
      expect((await post("/store/customers/me", { last_name: "Muller" }, atA.auth)).status).toBe(200)
      expect((await post("/store/customers/me/addresses", { address_1: "1 rue A", country_code: "lu" }, atA.auth)).status).toBe(200)
      const meA = (await get("/store/customers/me?fields=*addresses", atA.auth)).data.customer
      const meB = (await get("/store/customers/me?fields=*addresses", atB.auth)).data.customer
      expect([meA.first_name, meA.last_name, meA.addresses.length]).toEqual(["Ana", "Muller", 1])
      expect([meB.first_name, meB.last_name, meB.addresses.length]).toEqual(["Anne", null, 0])

      // Each vendor's team sees only its own customer.
      const listed = async (shop: Shop) =>
        (await get(`/admin/customers?q=${encodeURIComponent(EMAIL)}`, shop.owner.headers)).data.customers.map((c: any) => c.id)
      expect(await listed(a)).toEqual([atA.customer.id])
      expect(await listed(b)).toEqual([atB.customer.id])
    })

    it("resets the password of one shop's account only, with a link to that shop's storefront", async () => {
      await register(a, "password-at-a")
      await register(b, "password-at-b")
      mailbox.received.length = 0
      expect((await post("/auth/customer/shop-emailpass/reset-password", { identifier: EMAIL }, a.key)).status).toBe(201)
      // An address with no account at the shop gets the same answer and no mail.
      expect((await post("/auth/customer/shop-emailpass/reset-password", { identifier: "nobody@example.lu" }, a.key)).status).toBe(201)
      await mailbox.wait(1)
      expect(mailbox.received.map((m) => m.envelope.to)).toEqual([[EMAIL]])
      // In the shop's default language (French unless set), its own wording where it has one (docs/selling.md).
      expect(mailbox.received[0].mail.subject).toBe("Réinitialisez votre mot de passe chez custa")
      const link = mailbox.link(EMAIL, /\/reset-password\?token=/)!
      expect(link).toMatch(/^http:\/\/custa\.maart\.localhost\/reset-password\?token=/)
      const token = decodeURIComponent(new URL(link).searchParams.get("token")!)

      const update = await post("/auth/customer/shop-emailpass/update", { password: "new-at-a" }, { ...a.key, ...bearer(token) })
      expect(update.status).toBe(200)
      expect((await login(a, "new-at-a")).status).toBe(200)
      expect((await login(a, "password-at-a")).status).toBe(401)
      // The other shop's account keeps its password.
      expect((await login(b, "password-at-b")).status).toBe(200)
      expect((await login(b, "new-at-a")).status).toBe(401)
    })

    it("never attaches a guest cart at one shop to another shop's account with the same email", async () => {
      const atA = await register(a, "password-at-a")
      const [store] = await getContainer().resolve(Modules.STORE).listStores()
      const vendorOf = async (customerId: string) =>
        (await getContainer().resolve("query").graph({ entity: "customer", fields: ["vendor.id"], filters: { id: customerId } })).data[0]?.vendor?.id

      // With the email at creation, and added to a cart later.
      const created = (await post("/store/carts", { region_id: store.default_region_id, email: EMAIL }, b.key)).data.cart
      const later = (await post("/store/carts", { region_id: store.default_region_id }, b.key)).data.cart
      const updated = (await post(`/store/carts/${later.id}`, { email: EMAIL }, b.key)).data.cart
      for (const cart of [created, updated]) {
        expect(cart.customer_id).toBeTruthy()
        expect(cart.customer_id).not.toBe(atA.customer.id)
        expect(await vendorOf(cart.customer_id)).toBe(b.vendor.id)
      }
      // One guest customer for the email at shop B, reused; A's account is untouched.
      expect(updated.customer_id).toBe(created.customer_id)
      expect(await vendorOf(atA.customer.id)).toBe(a.vendor.id)
      // At its own shop, a guest cart with the account's email still finds the account (Medusa's behaviour).
      const home = (await post("/store/carts", { region_id: store.default_region_id, email: EMAIL }, a.key)).data.cart
      expect(home.customer_id).toBe(atA.customer.id)
    })

    it("opens no account with a platform-wide emailpass identity, and no shop-emailpass identity without a shop's key", async () => {
      // An emailpass identity is platform-wide: it cannot open an account at any shop.
      const emailpass = await post("/auth/customer/emailpass/register", { email: "x@example.lu", password: "password-1" }, a.key)
      const viaEmailpass = await post("/store/customers", { email: "x@example.lu" }, { ...a.key, ...bearer(emailpass.data.token) })
      expect([viaEmailpass.status, viaEmailpass.data.code]).toEqual([400, "CUSTOMER_IDENTITY_MISMATCH"])
      const noKey = await post("/auth/customer/shop-emailpass/register", { email: "x@example.lu", password: "password-1" }, {})
      expect([noKey.status, noKey.data.code]).toEqual([403, "SHOP_KEY_REQUIRED"])
      // Naming a shop by the provider's header is not the client's to do.
      const forged = await post("/auth/customer/shop-emailp%61ss/register", { email: "x@example.lu", password: "password-1" }, { "x-maart-shop-vendor": a.vendor.id })
      expect(forged.status).toBe(403)
      // Admin users keep emailpass and cannot use the shop provider.
      expect((await post("/auth/user/shop-emailpass", { email: "owner@custa.test", password: "password-1" }, a.key)).status).toBe(400)
    })

    it("opens an account only with this shop's identity for the same email, and returns it again on a retry", async () => {
      const identity = await post("/auth/customer/shop-emailpass/register", { email: "ben@example.lu", password: "password-1" }, a.key)
      const token = bearer(identity.data.token)
      const elsewhere = await post("/store/customers", { email: "ben@example.lu" }, { ...b.key, ...token })
      expect([elsewhere.status, elsewhere.data.code]).toEqual([400, "CUSTOMER_IDENTITY_MISMATCH"])
      const otherEmail = await post("/store/customers", { email: "eve@example.lu" }, { ...a.key, ...token })
      expect([otherEmail.status, otherEmail.data.code]).toEqual([400, "CUSTOMER_IDENTITY_MISMATCH"])

      const first = await post("/store/customers", { email: "ben@example.lu" }, { ...a.key, ...token })
      const again = await post("/store/customers", { email: "ben@example.lu" }, { ...a.key, ...token })
      expect([first.status, again.status]).toEqual([200, 200])
      expect(again.data.customer.id).toBe(first.data.customer.id)
      // The identity now carries the customer, as Medusa's own registration leaves it.
      const session = await login(a, "password-1", "ben@example.lu")
      expect((await get("/store/customers/me", { ...a.key, ...bearer(session.data.token) })).data.customer.id).toBe(first.data.customer.id)
    })

    it("makes exactly one account of simultaneous registrations of one email at one shop", async () => {
      const email = "race@example.lu"
      const identities = await Promise.all([1, 2].map(() => post("/auth/customer/shop-emailpass/register", { email, password: "password-1" }, a.key)))
      const tokens = identities.filter((r) => r.status === 200).map((r) => r.data.token as string)
      expect(tokens.length).toBeGreaterThan(0)
      const attempts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => post("/store/customers", { email }, { ...a.key, ...bearer(tokens[i % tokens.length]) }))
      )
      const ok = attempts.filter((r) => r.status === 200)
      expect(attempts.filter((r) => r.status !== 200).map((r) => r.data.code)).toEqual(
        attempts.filter((r) => r.status !== 200).map(() => "CUSTOMER_EMAIL_TAKEN")
      )
      expect(new Set(ok.map((r) => r.data.customer.id)).size).toBe(1)
      const live = await getContainer().resolve("customer").listCustomers({ email })
      expect(live.map((c: any) => c.id)).toEqual([ok[0].data.customer.id])
      const { data: vendors } = await getContainer()
        .resolve("query")
        .graph({ entity: "vendor", fields: ["customers.id", "customers.email"], filters: { id: a.vendor.id } })
      expect(vendors[0].customers!.filter((c: any) => c.email === email).map((c: any) => c.id)).toEqual([ok[0].data.customer.id])
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { shopAccounts } from "../../helpers/customers"
import { anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(120 * 1000)

// Default limits: 10 per account, 50 failed logins and 30 registrations per IP, per 15 minutes.
// The in-memory counters live across the tests of this file (the database does not): each test
// uses its own accounts, and its own client IPs through X-Forwarded-For, trusted as from one proxy.
process.env.TRUST_PROXY = "1"
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const from = (ip: string) => ({ headers: { "x-forwarded-for": ip }, ...anyStatus })
    const login = (actor: string, email: string, password: string, ip: string) =>
      api.post(`/auth/${actor}/emailpass`, { email, password }, from(ip))
    const register = (actor: string, email: string, ip: string) =>
      api.post(`/auth/${actor}/emailpass/register`, { email, password: "password-1" }, from(ip))

    /** An emailpass identity made through the auth module, so it costs no registration attempt. */
    const identity = (email: string) =>
      getContainer().resolve(Modules.AUTH).register("emailpass", { body: { email, password: "password-1" } })

    async function fail(times: number, actor: string, email: string, ip: string) {
      for (let i = 0; i < times; i++) {
        expect((await login(actor, email, "wrong-password", ip)).status).toBe(401)
      }
    }

    function expectTooMany(res: { status: number; headers: Record<string, any>; data: any }) {
      expect(res.status).toBe(429)
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(0)
      expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(15 * 60)
      expect(res.data).toEqual({
        type: "too_many_requests",
        code: "TOO_MANY_ATTEMPTS",
        message: expect.stringMatching(/Too many attempts/),
        request_id: res.headers["x-request-id"],
      })
    }

    describe("admin login", () => {
      it("refuses the 11th attempt after 10 wrong passwords, even with the right one", async () => {
        await seedPlatform(getContainer())
        await fail(10, "user", PLATFORM_ADMIN.email, "10.0.1.1")
        expectTooMany(await login("user", PLATFORM_ADMIN.email, PLATFORM_ADMIN.password, "10.0.1.1"))
        // The account is what is locked: from elsewhere, in another case, or by another actor type.
        expectTooMany(await login("user", PLATFORM_ADMIN.email.toUpperCase(), PLATFORM_ADMIN.password, "10.0.1.2"))
        expectTooMany(await login("customer", PLATFORM_ADMIN.email, PLATFORM_ADMIN.password, "10.0.1.3"))
      })

      it("cannot be reached past the limit by GET or an encoded provider name", async () => {
        // Both reach the emailpass login (a password check) just like POST /auth/user/emailpass.
        await identity("other-door@maart.test")
        const right = { email: "other-door@maart.test", password: "password-1" }
        expect((await api.request({ method: "GET", url: "/auth/user/emailpass", data: right, ...from("10.0.2.1") })).status).toBe(200)
        expect((await api.post("/auth/user/emailp%61ss", right, from("10.0.2.1"))).status).toBe(200)

        await fail(10, "user", "locked@maart.test", "10.0.2.1")
        const body = { email: "locked@maart.test", password: "wrong-password" }
        expectTooMany(await api.request({ method: "GET", url: "/auth/user/emailpass", data: body, ...from("10.0.2.1") }))
        expectTooMany(await api.post("/auth/user/emailp%61ss", body, from("10.0.2.1")))
      })

      it("lets no more than 10 of 20 parallel wrong passwords through", async () => {
        const attempts = Array.from({ length: 20 }, (_, i) => login("user", "rushed@maart.test", "wrong-password", `10.0.10.${i}`))
        const statuses = (await Promise.all(attempts)).map((r) => r.status).sort()
        expect(statuses).toEqual([...Array(10).fill(401), ...Array(10).fill(429)])
      })

      it("still serves another account from the same IP", async () => {
        await identity("target@maart.test")
        await fail(10, "user", "target@maart.test", "10.0.3.1")
        expectTooMany(await login("user", "target@maart.test", "password-1", "10.0.3.1"))
        expect((await register("user", "colleague@maart.test", "10.0.3.1")).status).toBe(200)
        const res = await login("user", "colleague@maart.test", "password-1", "10.0.3.1")
        expect(res.status).toBe(200)
        expect(res.data.token).toEqual(expect.any(String))
      })

      it("clears the account's failures on a successful login", async () => {
        await identity("typo-prone@maart.test")
        await fail(9, "user", "typo-prone@maart.test", "10.0.4.1")
        expect((await login("user", "typo-prone@maart.test", "password-1", "10.0.4.1")).status).toBe(200)
        await fail(9, "user", "typo-prone@maart.test", "10.0.4.1")
        expect((await login("user", "typo-prone@maart.test", "password-1", "10.0.4.1")).status).toBe(200)
      })

      it("refuses an IP after 50 failed logins, whatever the accounts", async () => {
        await identity("innocent@maart.test")
        for (let i = 0; i < 50; i++) {
          expect((await login("user", `nobody-${i}@maart.test`, "wrong-password", "10.0.5.1")).status).toBe(401)
        }
        expectTooMany(await login("user", "innocent@maart.test", "password-1", "10.0.5.1"))
        expect((await login("user", "innocent@maart.test", "password-1", "10.0.5.2")).status).toBe(200)
      })
    })

    describe("customer login", () => {
      it("refuses the 11th attempt after 10 wrong passwords", async () => {
        expect((await register("customer", "shopper@maart.test", "10.0.6.1")).status).toBe(200)
        await fail(10, "customer", "shopper@maart.test", "10.0.6.2")
        expectTooMany(await login("customer", "shopper@maart.test", "password-1", "10.0.6.2"))
        expect((await login("customer", "other-shopper@maart.test", "wrong-password", "10.0.6.2")).status).toBe(401)
      })
    })

    describe("shop customer login (shop-emailpass)", () => {
      it("counts an email's failures per shop: locked at one shop, still served at another", async () => {
        explainFailedRequests(api)
        // The demo shops, keys read from the database: the platform admin's login is locked by an earlier test.
        await seedPlatform(getContainer(), { demoVendorPassword: "demo-owner-pass" })
        const { data: shops } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "vendor", fields: ["handle", "api_key.token"], filters: { handle: ["lumiere", "velo"] } })
        const keyOf = (handle: string) => ({ "x-publishable-api-key": (shops.find((v: any) => v.handle === handle) as any).api_key.token })
        const [shopA, shopB] = [keyOf("lumiere"), keyOf("velo")]
        const accounts = shopAccounts(api)
        await accounts.register(shopA, "twoshops@maart.test", "password-at-a")
        await accounts.register(shopB, "twoshops@maart.test", "password-at-b")
        const shopLogin = (key: Record<string, string>, password: string, ip: string) =>
          api.post("/auth/customer/shop-emailpass", { email: "twoshops@maart.test", password }, { headers: { ...key, "x-forwarded-for": ip }, ...anyStatus })
        for (let i = 0; i < 10; i++) {
          expect((await shopLogin(shopA, "wrong-password", `10.0.10.${i}`)).status).toBe(401)
        }
        expectTooMany(await shopLogin(shopA, "password-at-a", "10.0.10.20"))
        // The same email at shop B is another account: its counter is its own.
        expect((await shopLogin(shopB, "password-at-b", "10.0.10.21")).status).toBe(200)
      })
    })

    describe("customer registration and password reset", () => {
      it("refuses the 11th registration of one email, from any IP", async () => {
        expect((await register("customer", "twice@maart.test", "10.0.7.0")).status).toBe(200)
        for (let i = 1; i < 10; i++) {
          // Medusa answers the same email and password again while no customer exists; each counts.
          expect((await register("customer", "twice@maart.test", `10.0.7.${i}`)).status).toBe(200)
        }
        expectTooMany(await register("customer", "twice@maart.test", "10.0.7.10"))
      })

      it("refuses the 31st registration from one IP", async () => {
        for (let i = 0; i < 30; i++) {
          expect((await register("customer", `signup-${i}@maart.test`, "10.0.8.1")).status).toBe(200)
        }
        expectTooMany(await register("customer", "signup-30@maart.test", "10.0.8.1"))
        expect((await register("customer", "signup-30@maart.test", "10.0.8.2")).status).toBe(200)
      })

      it("refuses the 11th reset-password request for one account", async () => {
        const reset = (ip: string) =>
          api.post("/auth/customer/emailpass/reset-password", { identifier: "forgetful@maart.test" }, from(ip))
        for (let i = 0; i < 10; i++) {
          expect((await reset(`10.0.9.${i}`)).status).toBe(201)
        }
        expectTooMany(await reset("10.0.9.10"))
      })
    })
  },
})

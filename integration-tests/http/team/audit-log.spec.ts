import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { AUDIT_MODULE } from "../../../src/modules/audit"
import type AuditModuleService from "../../../src/modules/audit/service"
import { TEAM_MODULE } from "../../../src/modules/team"
import type TeamModuleService from "../../../src/modules/team/service"
import { adminHeaders, anyStatus, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(180 * 1000)

type Headers = { headers: Record<string, string> }
type Shop = { vendor: { id: string }; owner: { id: string; email: string }; headers: Headers }
type Entry = Record<string, any>

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Entries are written after the response: poll briefly. */
async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) {
      return value
    }
    if (Date.now() > until) {
      throw new Error(`Timed out waiting for ${what}`)
    }
    await sleep(50)
  }
}

const lamp = (title: string) => ({
  title,
  options: [{ title: "Size", values: ["S"] }],
  variants: [{ title: "S", options: { Size: "S" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 10 }] }],
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let platform: Headers
    let a: Shop
    let b: Shop

    const audit = () => getContainer().resolve<AuditModuleService>(AUDIT_MODULE)
    const entryOf = (res: { headers: Record<string, any> }) =>
      eventually(async () => (await audit().listAuditEntries({ request_id: res.headers["x-request-id"] }))[0], `the entry of ${res.headers["x-request-id"]}`)

    async function openShop(handle: string): Promise<Shop> {
      const owner = { email: `owner@${handle}.test`, password: "password-1" }
      const { vendor } = (await api.post("/admin/vendors", { handle, name: handle.toUpperCase(), owner }, platform)).data
      const headers = await adminHeaders(api, owner.email, owner.password)
      const { user } = (await api.get("/admin/users/me", headers)).data
      return { vendor, owner: { id: user.id, email: user.email }, headers }
    }

    beforeAll(async () => {
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await openShop("audita")
      b = await openShop("auditb")
      // The two provisioning entries land before the runner snapshots the database.
      await eventually(async () => ((await audit().listAuditEntries({ route: "/admin/vendors" })).length === 2 ? true : undefined), "the vendors' entries")
    })

    describe("recording", () => {
      it("records a vendor owner's create and update with actor, vendor, action, target and request id", async () => {
        const created = await api.post("/admin/products", lamp("Audited lamp"), a.headers)
        const product = created.data.product
        const updated = await api.post(`/admin/products/${product.id}`, { title: "Audited lamp, renamed" }, a.headers)
        expect([created.status, updated.status]).toEqual([200, 200])

        const common = {
          id: expect.stringMatching(/^aud_/),
          actor_type: "user",
          actor_id: a.owner.id,
          actor_email: a.owner.email,
          vendor_id: a.vendor.id,
          is_platform_admin: false,
          method: "POST",
          target_id: product.id,
          status_code: 200,
          outcome: "succeeded",
          ip: expect.any(String),
          user_agent: expect.any(String),
          created_at: expect.any(Date),
        }
        expect(await entryOf(created)).toMatchObject({
          ...common,
          route: "/admin/products",
          path: "/admin/products",
          action: "products.create",
          request_id: created.headers["x-request-id"],
        })
        expect(await entryOf(updated)).toMatchObject({
          ...common,
          route: "/admin/products/:id",
          path: `/admin/products/${product.id}`,
          action: "products.edit",
          request_id: updated.headers["x-request-id"],
        })
      })

      it("records a platform admin's writes with the route Medusa answered on", async () => {
        const res = await api.post(`/admin/vendors/${a.vendor.id}`, { name: "Audit A" }, platform)
        expect(res.status).toBe(200)
        expect(await entryOf(res)).toMatchObject({
          actor_email: PLATFORM_ADMIN.email,
          is_platform_admin: true,
          vendor_id: null,
          route: "/admin/vendors/:id",
          action: "POST /admin/vendors/:id",
          target_id: a.vendor.id,
          outcome: "succeeded",
        })
        // A platform admin looking after a shop names it: the entry is that shop's.
        const named = await api.post("/admin/team/roles", { name: "Helpers", permissions: ["products.view"] }, { headers: { ...platform.headers, "x-vendor-id": a.vendor.id } })
        expect(named.status).toBe(201)
        expect(await entryOf(named)).toMatchObject({ vendor_id: a.vendor.id, is_platform_admin: true, action: "team.manage", target_id: named.data.role.id })
      })

      it("records no reads", async () => {
        const { product } = (await api.post("/admin/products", lamp("Read lamp"), a.headers)).data
        for (const url of ["/admin/products", `/admin/products/${product.id}`, "/admin/users/me", "/admin/audit-log", "/admin/team/members"]) {
          expect([url, (await api.get(url, a.headers)).status]).toEqual([url, 200])
        }
        await api.head("/admin/products", { ...a.headers, ...anyStatus })
        // A write after the reads: once its entry is there, any read's would have been too.
        const marker = await api.post(`/admin/products/${product.id}`, { title: "Marker" }, a.headers)
        await entryOf(marker)
        const mine = await audit().listAuditEntries({ actor_id: a.owner.id })
        expect(mine.map((e) => `${e.method} ${e.path}`).sort()).toEqual(["POST /admin/products", `POST /admin/products/${product.id}`])
      })

      it("records refused writes: another vendor's record (failed), a platform route (denied), bad input (failed)", async () => {
        const { product } = (await api.post("/admin/products", lamp("A's lamp"), a.headers)).data

        const foreign = await api.post(`/admin/products/${product.id}`, { title: "Hijacked" }, { ...b.headers, ...anyStatus })
        expect(foreign.status).toBe(404)
        expect(await entryOf(foreign)).toMatchObject({
          actor_id: b.owner.id,
          vendor_id: b.vendor.id,
          route: "/admin/products/:id",
          action: "products.edit",
          target_id: product.id,
          status_code: 404,
          outcome: "failed",
        })

        const platformOnly = await api.post("/admin/vendors", { handle: "sneaky", name: "Sneaky" }, { ...a.headers, ...anyStatus })
        expect(platformOnly.status).toBe(403)
        expect(await entryOf(platformOnly)).toMatchObject({
          actor_id: a.owner.id,
          vendor_id: a.vendor.id,
          route: "/admin/vendors",
          action: "POST /admin/vendors",
          target_id: null,
          status_code: 403,
          outcome: "denied",
        })

        const invalid = await api.post("/admin/products", { nonsense: true }, { ...a.headers, ...anyStatus })
        expect(invalid.status).toBe(400)
        expect(await entryOf(invalid)).toMatchObject({ action: "products.create", target_id: null, status_code: 400, outcome: "failed" })
      })

      it("records a write whose client left before the answer, with what the handler answered", async () => {
        const headers = { ...a.headers.headers, "x-request-id": "audit-test-client-left" }
        await expect(api.post("/admin/products", lamp("Abandoned lamp"), { headers, timeout: 40 })).rejects.toThrow(/timeout/)
        const entry = await eventually(async () => (await audit().listAuditEntries({ request_id: "audit-test-client-left" }))[0], "the entry")
        const { products } = (await api.get("/admin/products?fields=id", a.headers)).data
        expect(products).toHaveLength(1)
        expect(entry).toMatchObject({ vendor_id: a.vendor.id, action: "products.create", target_id: products[0].id, status_code: 200, outcome: "succeeded" })
      })

      it("never fails or holds up a request when the audit write fails", async () => {
        const service = audit()
        const original = service.record
        let fail!: (e: Error) => void
        const pending = new Promise<never>((_, reject) => (fail = reject))
        const record = jest.fn(() => pending)
        service.record = record as unknown as typeof service.record
        try {
          const res = await api.post("/admin/products", lamp("Unaudited lamp"), a.headers)
          expect(res.status).toBe(200)
          // The answer came while the audit write was still hanging; then it fails, and only the log knows.
          await eventually(async () => (record.mock.calls.length ? true : undefined), "the audit write")
          fail(new Error("audit database is down"))
          await sleep(100)
          expect((await api.get(`/admin/products/${res.data.product.id}`, a.headers)).status).toBe(200)
          expect(await service.listAuditEntries({ request_id: res.headers["x-request-id"] })).toEqual([])
        } finally {
          service.record = original
        }
      })
    })

    describe("GET /admin/audit-log", () => {
      // One product per shop, an update, and B's refused attempt on A's product.
      async function history() {
        const pa = (await api.post("/admin/products", lamp("A lamp"), a.headers)).data.product
        const pb = (await api.post("/admin/products", lamp("B lamp"), b.headers)).data.product
        const last = await api.post(`/admin/products/${pa.id}`, { title: "A lamp 2" }, a.headers)
        const refused = await api.post(`/admin/products/${pa.id}`, { title: "mine now" }, { ...b.headers, ...anyStatus })
        await entryOf(last)
        await entryOf(refused)
        return { pa, pb }
      }
      const list = async (headers: Headers, query = "") => {
        const res = await api.get(`/admin/audit-log${query}`, { ...headers, ...anyStatus })
        expect([query, res.status]).toEqual([query, 200])
        return res.data as { audit_entries: Entry[]; count: number; offset: number; limit: number }
      }

      it("shows a platform admin every vendor's entries, newest first", async () => {
        const { pa, pb } = await history()
        const { audit_entries, count, offset, limit } = await list(platform)
        expect({ count, offset, limit }).toEqual({ count: audit_entries.length, offset: 0, limit: 50 })
        const targets = audit_entries.map((e) => e.target_id)
        expect(targets).toEqual(expect.arrayContaining([pa.id, pb.id]))
        expect(new Set(audit_entries.map((e) => e.vendor_id))).toEqual(new Set([a.vendor.id, b.vendor.id, null]))
        const times = audit_entries.map((e) => new Date(e.created_at).getTime())
        expect(times).toEqual([...times].sort((x, y) => y - x))
        expect(Object.keys(audit_entries[0]).sort()).toEqual(
          ["id", "actor_type", "actor_id", "actor_email", "vendor_id", "is_platform_admin", "method", "route", "path", "action", "target_id", "request_id", "status_code", "outcome", "ip", "user_agent", "created_at"].sort()
        )
      })

      it("shows an owner their own vendor's entries only, whatever vendor they ask for", async () => {
        const { pa, pb } = await history()
        for (const query of ["", `?vendor_id=${b.vendor.id}`, `?target_id=${pb.id}`]) {
          const { audit_entries } = await list(a.headers, query)
          expect(audit_entries.every((e) => e.vendor_id === a.vendor.id)).toBe(true)
          expect(audit_entries.map((e) => e.target_id)).not.toContain(pb.id)
        }
        expect((await list(a.headers)).audit_entries.map((e) => e.action)).toEqual(["products.edit", "products.create"])

        // B sees its own refused attempt on A's product, and nothing of A's.
        const seenByB = (await list(b.headers)).audit_entries
        expect(seenByB.map((e) => [e.actor_id, e.action, e.target_id, e.outcome])).toEqual([
          [b.owner.id, "products.edit", pa.id, "failed"],
          [b.owner.id, "products.create", pb.id, "succeeded"],
        ])
      })

      it("filters by actor, vendor, action, target, outcome, method and time", async () => {
        const { pa } = await history()
        const removed = await api.delete(`/admin/products/${pa.id}`, a.headers)
        await entryOf(removed)
        const pick = async (query: string) => (await list(platform, query)).audit_entries.map((e) => [e.actor_id, e.method, e.action, e.outcome])

        expect(await pick(`?actor_id=${b.owner.id}`)).toEqual([
          [b.owner.id, "POST", "products.edit", "failed"],
          [b.owner.id, "POST", "products.create", "succeeded"],
        ])
        expect((await pick(`?vendor_id=${a.vendor.id}`)).map(([actor]) => actor)).toEqual([a.owner.id, a.owner.id, a.owner.id])
        expect(await pick("?action=products.edit")).toHaveLength(2)
        expect(await pick(`?target_id=${pa.id}`)).toHaveLength(4)
        expect(await pick(`?target_id=${pa.id}&outcome=failed`)).toEqual([[b.owner.id, "POST", "products.edit", "failed"]])
        expect(await pick("?method=DELETE")).toEqual([[a.owner.id, "DELETE", "products.delete", "succeeded"]])
        expect(await pick(`?action[]=products.delete&action[]=products.create&vendor_id=${a.vendor.id}`)).toHaveLength(2)

        const hour = 3600 * 1000
        const iso = (offset: number) => encodeURIComponent(new Date(Date.now() + offset).toISOString())
        expect(await pick(`?from=${iso(hour)}`)).toEqual([])
        expect(await pick(`?to=${iso(-hour)}`)).toEqual([])
        expect(await pick(`?from=${iso(-hour)}&to=${iso(hour)}&target_id=${pa.id}`)).toHaveLength(4)

        const page = await list(platform, `?target_id=${pa.id}&limit=1&offset=1`)
        expect([page.count, page.audit_entries.length, page.audit_entries[0].outcome]).toEqual([4, 1, "failed"])

        const bad = await api.get("/admin/audit-log?from=yesterday", { ...platform, ...anyStatus })
        expect([bad.status, bad.data.type]).toEqual([400, "invalid_data"])
      })

      it("is refused to a member whose role lacks team.manage", async () => {
        const container = getContainer()
        const created = await api.post("/admin/team/roles", { name: "Catalogue viewer", permissions: ["products.view"] }, { ...a.headers, ...anyStatus })
        expect(created.status).toBe(201)
        const email = "viewer@audita.test"
        const [user] = await container.resolve(Modules.USER).createUsers([{ email }])
        const auth = container.resolve(Modules.AUTH)
        const { authIdentity } = await auth.register("emailpass", { body: { email, password: "password-1" } })
        await auth.updateAuthIdentities({ id: authIdentity!.id, app_metadata: { user_id: user.id } })
        await container.resolve<TeamModuleService>(TEAM_MODULE).createMemberships({ vendor_id: a.vendor.id, user_id: user.id, role_id: created.data.role.id })

        const viewer = await adminHeaders(api, email, "password-1")
        expect((await api.get("/admin/products", viewer)).status).toBe(200)
        const res = await api.get("/admin/audit-log", { ...viewer, ...anyStatus })
        expect([res.status, res.data.code]).toEqual([403, "PERMISSION_DENIED"])
      })
    })

    describe("the table", () => {
      it("refuses UPDATE and DELETE, also through the module", async () => {
        const res = await api.post("/admin/products", lamp("Kept lamp"), a.headers)
        const entry = await entryOf(res)
        await expect(dbConnection.raw(`update audit_entry set outcome = 'failed' where id = ?`, [entry.id])).rejects.toThrow(/append-only: UPDATE/)
        await expect(dbConnection.raw(`delete from audit_entry where id = ?`, [entry.id])).rejects.toThrow(/append-only: DELETE/)
        await expect(audit().updateAuditEntries({ id: entry.id, outcome: "failed" })).rejects.toThrow(/append-only/)
        await expect(audit().softDeleteAuditEntries([entry.id])).rejects.toThrow(/append-only/)
        expect(await audit().listAuditEntries({ id: entry.id })).toEqual([expect.objectContaining({ outcome: "succeeded", deleted_at: null })])
      })
    })
  },
})

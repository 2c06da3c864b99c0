import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { checkoutFixtures, SHOPPER_ADDRESS, type Storefront } from "../../helpers/checkout"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, anyStatus, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"
import { addMember } from "../../helpers/team"

jest.setTimeout(300 * 1000)
delete process.env.REDIS_URL
// The retry job runs every minute in this app: an hour's back-off keeps it out of the way.
process.env.ORDER_EMAIL_RETRY_SECONDS = "3600"

const mailbox = useMailbox()
type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let a: Storefront
    let b: Storefront
    let platform: Headers
    let viewer: Headers
    const fixtures = checkoutFixtures(api, getContainer)
    const records = (orderId: string) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: orderId } as any, { order: { created_at: "ASC" } } as any)

    async function settled(orderId: string, n: number) {
      for (let i = 0; i < 100; i++) {
        const r = await records(orderId)
        if (r.length >= n && r.every((x) => x.status !== "pending")) return r
        await new Promise((res) => setTimeout(res, 100))
      }
      throw new Error(`order ${orderId}: its ${n} emails were not attempted`)
    }

    async function order(shop: Storefront, email = "lea@example.test") {
      const { variant } = await fixtures.stockedVariant(shop, `Lampe ${Math.random().toString(36).slice(2, 7)}`, 10)
      return fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email })
    }

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      a = await fixtures.storefront(platform, "mails")
      b = await fixtures.storefront(platform, "mailt")
      await api.post(`/admin/vendors/${a.vendor.id}`, { name: "Atelier Mails", email: "orders@mails.test", default_language: "fr" }, platform)
      viewer = (await addMember(api, getContainer(), a.vendor.id, "viewer@mails.test", "viewer")).headers
    })

    beforeEach(() => {
      mailbox.received.length = 0
    })

    it("lists every shop email with its variables, built-in texts and no override yet", async () => {
      const { data } = await api.get("/admin/notifications/templates", a.headers)
      expect(data.templates.map((t: any) => t.template)).toEqual(["order-confirmation", "vendor-order-notice", "password-reset"])
      const confirmation = data.templates[0]
      expect(confirmation.variables).toEqual(expect.arrayContaining(["order.display_id", "shop.name", "customer.first_name"]))
      expect(confirmation.languages.map((l: any) => [l.language, l.override])).toEqual([["fr", null], ["de", null], ["en", null]])
      expect(confirmation.languages[0].default.subject).toBe("Votre commande n° {{order.display_id}} chez {{shop.name}}")
    })

    it("sends the order confirmation with the shop's own subject and intro; reset to default brings the built-in back", async () => {
      const saved = await api.post(
        "/admin/notifications/templates/order-confirmation",
        { language: "fr", subject: "Merci {{ customer.first_name }} ! Commande {{order.display_id}}", intro: "**Bonjour** {{customer.first_name}},\n\nvotre commande chez {{shop.name}} est notée. <b>pas de HTML</b>" },
        a.headers
      )
      expect(saved.data.notification_template).toMatchObject({ template: "order-confirmation", language: "fr", vendor_id: a.vendor.id })

      const first = await order(a)
      await mailbox.wait(2)
      const [{ mail }] = mailbox.to("lea@example.test")
      expect(mail.subject).toBe(`Merci ${SHOPPER_ADDRESS.first_name} ! Commande ${first.display_id}`)
      expect(mail.html).toContain(`<p><strong>Bonjour</strong> ${SHOPPER_ADDRESS.first_name},</p><p>votre commande chez Atelier Mails est notée. &lt;b&gt;pas de HTML&lt;/b&gt;</p>`)
      expect(mail.text).toContain(`Bonjour ${SHOPPER_ADDRESS.first_name},\n\nvotre commande chez Atelier Mails est notée.`)
      // The shop's notice keeps its built-in text.
      expect(mailbox.to("orders@mails.test").map((m) => m.mail.subject)).toEqual([`Nouvelle commande n° ${first.display_id}`])

      const listed = (await api.get("/admin/notifications/templates", a.headers)).data.templates[0]
      expect(listed.languages[0].override.subject).toBe("Merci {{ customer.first_name }} ! Commande {{order.display_id}}")
      expect(listed.languages[1].override).toBeNull()

      const reset = await api.delete("/admin/notifications/templates/order-confirmation?language=fr", a.headers)
      expect(reset.data.deleted).toBe(true)
      mailbox.received.length = 0
      const second = await order(a, "jo@example.test")
      await mailbox.wait(2)
      expect(mailbox.to("jo@example.test").map((m) => m.mail.subject)).toEqual([`Votre commande n° ${second.display_id} chez Atelier Mails`])
      expect((await api.get("/admin/notifications/templates", a.headers)).data.templates[0].languages[0].override).toBeNull()
    })

    it("refuses a variable the email does not have, naming it; an unknown email or language", async () => {
      const res = await api.post("/admin/notifications/templates/order-confirmation", { language: "fr", intro: "Hello {{customer.password}}" }, { ...a.headers, ...anyStatus })
      expect([res.status, res.data.code, res.data.details?.variable]).toEqual([400, "NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN", "customer.password"])
      expect(res.data.message).toContain("{{customer.password}}")
      const reset = await api.post("/admin/notifications/templates/password-reset", { language: "de", subject: "{{order.display_id}}" }, { ...a.headers, ...anyStatus })
      expect([reset.status, reset.data.code]).toEqual([400, "NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN"])
      const unknown = await api.post("/admin/notifications/templates/team-invite", { language: "fr", subject: "x" }, { ...a.headers, ...anyStatus })
      expect([unknown.status, unknown.data.code]).toEqual([404, "NOTIFICATION_TEMPLATE_UNKNOWN"])
      const lang = await api.post("/admin/notifications/templates/order-confirmation", { language: "lb", subject: "x" }, { ...a.headers, ...anyStatus })
      expect([lang.status, lang.data.code]).toEqual([400, "NOTIFICATION_TEMPLATE_LANGUAGE_INVALID"])
      expect((await api.get("/admin/notifications/templates", a.headers)).data.templates[0].languages[0].override).toBeNull()
    })

    it("previews a draft with sample data and sends nothing; a test email goes to the acting user and shows in the log", async () => {
      const { data } = await api.post(
        "/admin/notifications/templates/order-confirmation/preview",
        { language: "en", subject: "Thanks {{customer.first_name}} for order {{order.display_id}} at {{shop.name}}" },
        viewer
      )
      expect(data.preview.subject).toBe("Thanks Léa for order 1001 at Atelier Mails")
      expect(data.preview.html).toContain("<html lang=\"en\">")
      expect(data.preview.text).toContain("Thank you for your order at Atelier Mails.")
      await mailbox.wait(1)
      expect(mailbox.received).toHaveLength(0)

      const sent = await api.post("/admin/notifications/templates/vendor-order-notice/send-test", { language: "de" }, a.headers)
      expect(sent.data.notification).toMatchObject({ to: "owner@mails.test", status: "success" })
      await mailbox.wait(1)
      expect(mailbox.to("owner@mails.test").map((m) => m.mail.subject)).toEqual(["Neue Bestellung Nr. 1001"])
      const log = await api.get("/admin/notifications?template=vendor-order-notice", a.headers)
      expect(log.data.notifications.map((n: any) => [n.id, n.test, n.language])).toEqual([[sent.data.notification.id, true, "de"]])
    })

    it("a shop can switch its own notice off, not the customer's confirmation", async () => {
      await api.post("/admin/notifications/templates/vendor-order-notice", { language: "fr", enabled: false }, a.headers)
      const notice = (await api.get("/admin/notifications/templates", a.headers)).data.templates[1]
      expect([notice.enabled, notice.languages[0].override]).toEqual([false, null])
      const placed = await order(a)
      await mailbox.wait(1)
      expect(mailbox.received.map((m) => m.envelope.to)).toEqual([["lea@example.test"]])
      expect((await records(placed.id)).map((r) => r.template)).toEqual(["order-confirmation"])
      const refused = await api.post("/admin/notifications/templates/order-confirmation", { language: "fr", enabled: false }, { ...a.headers, ...anyStatus })
      expect(refused.status).toBe(400)
    })

    it("shows each shop only its own records: lists, filters, counts, and another shop's id is a 404", async () => {
      const placed = await order(a)
      await settled(placed.id, 2)
      // The order's two emails, and the team invitation the shop's set-up sent.
      const mine = await api.get("/admin/notifications", a.headers)
      expect(mine.data.notifications.map((n: any) => n.template).sort()).toEqual(["order-confirmation", "team-invite", "vendor-order-notice"])
      expect(mine.data.count).toBe(3)
      expect((await api.get(`/admin/notifications?order_id=${placed.id}&limit=1`, a.headers)).data).toMatchObject({ count: 2, limit: 1 })
      expect(mine.data.notifications.map((n: any) => [n.template, n.status, n.order?.display_id])).toEqual(
        expect.arrayContaining([["order-confirmation", "success", placed.display_id], ["vendor-order-notice", "success", placed.display_id]])
      )
      const byRecipient = await api.get("/admin/notifications?q=LEA@example&status=success", a.headers)
      expect(byRecipient.data.notifications.map((n: any) => n.to)).toEqual(["lea@example.test"])
      expect((await api.get("/admin/notifications?status=failure", a.headers)).data.count).toBe(0)
      expect((await api.get(`/admin/notifications?date_from=${new Date(Date.now() + 60_000).toISOString()}`, a.headers)).data.count).toBe(0)

      const theirs = await api.get("/admin/notifications", b.headers)
      const widened = await api.get(`/admin/notifications?id=${mine.data.notifications[0].id}&order_id=${placed.id}`, b.headers)
      // B has its own invitation email only; A's ids as filters widen nothing.
      expect(theirs.data.notifications.map((n: any) => n.template)).toEqual(["team-invite"])
      expect(JSON.stringify(theirs.data)).not.toContain(a.vendor.id)
      expect(widened.data.count).toBe(0)
      const id = mine.data.notifications[0].id
      const foreign = await api.get(`/admin/notifications/${id}`, { ...b.headers, ...anyStatus })
      expect([foreign.status, foreign.data.code]).toEqual([404, "NOT_FOUND"])
      const foreignRetry = await api.post(`/admin/notifications/${id}/retry`, {}, { ...b.headers, ...anyStatus })
      expect(foreignRetry.status).toBe(404)
      expect((await api.get(`/admin/notifications/${id}`, a.headers)).data.notification).toMatchObject({ id, attempts: 1, data: { vendor_id: a.vendor.id } })
      // A platform admin keeps Medusa's own route (the dashboard's bell), unscoped.
      expect((await api.get("/admin/notifications?channel=email", platform)).data.count).toBeGreaterThanOrEqual(2)
    })

    it("re-sends a failed email once, even when the retry is posted twice", async () => {
      await mailbox.stop()
      const placed = await order(a)
      const failed = await settled(placed.id, 2)
      await mailbox.start()
      expect(failed.map((r) => r.status)).toEqual(["failure", "failure"])
      const confirmation = failed.find((r) => r.template === "order-confirmation")!
      const entry = (await api.get(`/admin/notifications/${confirmation.id}`, a.headers)).data.notification
      expect([entry.status, entry.retryable]).toEqual(["failure", true])

      // A Viewer reads the log but may not send.
      const refused = await api.post(`/admin/notifications/${confirmation.id}/retry`, {}, { ...viewer, ...anyStatus })
      expect([refused.status, refused.data.code]).toEqual([403, "PERMISSION_DENIED"])

      const [one, two] = await Promise.all([
        api.post(`/admin/notifications/${confirmation.id}/retry`, {}, { ...a.headers, ...anyStatus }),
        api.post(`/admin/notifications/${confirmation.id}/retry`, {}, { ...a.headers, ...anyStatus }),
      ])
      const again = await api.post(`/admin/notifications/${confirmation.id}/retry`, {}, a.headers)
      await mailbox.wait(2)
      expect(mailbox.to("lea@example.test")).toHaveLength(1)
      expect(mailbox.received).toHaveLength(1)
      expect([one.status, two.status]).toEqual([200, 200])
      expect(again.data).toMatchObject({ sent: false, notification: { status: "success", attempt: 2, attempts: 2, original_notification_id: confirmation.id } })
      const after = await records(placed.id)
      expect(after.filter((r) => r.template === "order-confirmation").map((r) => r.status)).toEqual(["failure", "success"])
      expect((await api.get(`/admin/notifications/${confirmation.id}`, a.headers)).data.notification.retryable).toBe(false)
    })

    it("a Viewer reads the templates but cannot change them or send a test", async () => {
      expect((await api.get("/admin/notifications/templates", viewer)).status).toBe(200)
      for (const [method, url] of [
        ["post", "/admin/notifications/templates/order-confirmation"],
        ["post", "/admin/notifications/templates/order-confirmation/send-test"],
        ["delete", "/admin/notifications/templates/order-confirmation?language=fr"],
      ] as const) {
        const res = method === "post" ? await api.post(url, { language: "fr", subject: "x" }, { ...viewer, ...anyStatus }) : await api.delete(url, { ...viewer, ...anyStatus })
        expect([url, res.status, res.data.code]).toEqual([url, 403, "PERMISSION_DENIED"])
      }
    })

    it("writes a shop customer's password reset in the shop's language with its own wording", async () => {
      await api.post("/admin/notifications/templates/password-reset", { language: "fr", subject: "{{shop.name}} : nouveau mot de passe" }, a.headers)
      const key = a.key
      await api.post("/auth/customer/shop-emailpass/register", { email: "reset@example.test", password: "password-1" }, key)
      await api.post("/auth/customer/shop-emailpass/reset-password", { identifier: "reset@example.test" }, key)
      await mailbox.wait(1)
      const [{ mail }] = mailbox.to("reset@example.test")
      expect(mail.subject).toBe("Atelier Mails : nouveau mot de passe")
      expect(mail.text).toContain("Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte.")
      const log = await api.get("/admin/notifications?template=password-reset", a.headers)
      expect(log.data.notifications.map((n: any) => [n.to, n.retryable])).toEqual([["reset@example.test", false]])
    })
  },
})

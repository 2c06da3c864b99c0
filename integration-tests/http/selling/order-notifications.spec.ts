import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { orderEmailRetry } from "../../../src/lib/env"
import { ORDER_CONFIRMATION, VENDOR_ORDER_NOTICE } from "../../../src/workflows/notifications/order-emails"
import { retryFailedOrderEmails } from "../../../src/workflows/notifications/retry-failed-order-emails"
import { sendOrderNotificationsWorkflow } from "../../../src/workflows/notifications/workflows/send-order-notifications"
import { checkoutFixtures, SHOPPER_ADDRESS, type Storefront } from "../../helpers/checkout"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, explainFailedRequests, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(300 * 1000)
delete process.env.REDIS_URL
// The scheduled job also runs every minute in this app: an hour's back-off keeps it out of the way,
// and the tests run the job's function with a clock an hour or two ahead.
process.env.ORDER_EMAIL_RETRY_SECONDS = "3600"
delete process.env.ORDER_EMAIL_MAX_ATTEMPTS

const mailbox = useMailbox()
const THEME = { primary_color: "#0a7d5a", accent_color: "#f2b705", logo_url: "https://cdn.example.test/notify/logo.png" }
const SHOP_EMAIL = "orders@notifya.test"
const hoursLater = (h: number) => new Date(Date.now() + h * 3600 * 1000 + 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Storefront
    let platform: { headers: Record<string, string> }
    const fixtures = checkoutFixtures(api, getContainer)
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
    const recordsOf = (orderId: string) =>
      notifications().listNotifications({ resource_id: orderId } as any, { order: { created_at: "ASC" } } as any)

    /** Waits until the order's emails have `n` records that are no longer pending. */
    async function settled(orderId: string, n: number) {
      for (let i = 0; i < 100; i++) {
        const records = await recordsOf(orderId)
        if (records.length >= n && records.every((r) => r.status !== "pending")) return records
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`order ${orderId}: its ${n} emails were not attempted`)
    }

    beforeAll(async () => {
      explainFailedRequests(api)
      await seedPlatform(getContainer())
      platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      shop = await fixtures.storefront(platform, "notifya")
      await api.post(`/admin/vendors/${shop.vendor.id}`, { name: "Atelier Notify", email: SHOP_EMAIL, theme: THEME, default_language: "fr" }, platform)
    })

    beforeEach(() => {
      mailbox.received.length = 0
    })

    it("sends one confirmation to the customer (French by default) and one notice to the shop, in its branding", async () => {
      const { variant } = await fixtures.stockedVariant(shop, "Lampe Opaline", 10)
      const order = await fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 2 }], { email: "lea@example.test" })
      await mailbox.wait(2)

      expect(mailbox.received.map((m) => m.envelope.to).sort()).toEqual([["lea@example.test"], [SHOP_EMAIL]])
      const [{ mail: confirmation }] = mailbox.to("lea@example.test")
      expect(confirmation.subject).toBe(`Votre commande n° ${order.display_id} chez Atelier Notify`)
      expect(confirmation.html).toContain(`<html lang="fr">`)
      expect(confirmation.html).toContain(`<img src="${THEME.logo_url}" alt="Atelier Notify"`)
      expect(confirmation.html).toContain(`background:${THEME.primary_color}`)
      expect(confirmation.html).toContain(`border-bottom:4px solid ${THEME.accent_color}`)
      // Two at 10 € (the lamp's price), formatted the French way; the address and the order number.
      expect(confirmation.text).toMatch(/2 × Lampe Opaline \(S\)\s+20,00\s€/)
      expect(confirmation.text).toContain(`Commande ${order.display_id}`)
      expect(confirmation.text).toContain(`${SHOPPER_ADDRESS.first_name} ${SHOPPER_ADDRESS.last_name}\n${SHOPPER_ADDRESS.address_1}`)

      const [{ mail: notice }] = mailbox.to(SHOP_EMAIL)
      expect(notice.subject).toBe(`Nouvelle commande n° ${order.display_id}`)
      expect(notice.text).toContain("Atelier Notify a reçu une nouvelle commande de lea@example.test.")
      expect(notice.text).toContain(`/app/orders/${order.id}`)
      expect(notice.html).toContain(`background:${THEME.primary_color}`)

      const records = await recordsOf(order.id)
      expect(records.map((r) => [r.template, r.to, r.status, (r as { idempotency_key?: string }).idempotency_key]).sort()).toEqual([
        [ORDER_CONFIRMATION, "lea@example.test", "success", `order-email:${order.id}:${ORDER_CONFIRMATION}:lea@example.test`],
        [VENDOR_ORDER_NOTICE, SHOP_EMAIL, "success", `order-email:${order.id}:${VENDOR_ORDER_NOTICE}:${SHOP_EMAIL}`],
      ])

      // order.placed delivered again (or the workflow re-run): nothing more is sent.
      const { result } = await sendOrderNotificationsWorkflow(getContainer()).run({ input: { order_id: order.id } })
      expect(result.map((r) => r.status)).toEqual(["skipped", "skipped"])
      await mailbox.wait(3)
      expect(mailbox.received).toHaveLength(2)
    })

    it("writes to a customer whose language is German in German; the shop's notice stays in the shop's language", async () => {
      const { variant } = await fixtures.stockedVariant(shop, "Lampe Opaline DE", 10)
      const order = await fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: "jonas@example.test", cart: { locale: "de-LU" } })
      await mailbox.wait(2)

      const [{ mail }] = mailbox.to("jonas@example.test")
      expect(mail.subject).toBe(`Ihre Bestellung Nr. ${order.display_id} bei Atelier Notify`)
      expect(mail.text).toContain("Vielen Dank für Ihre Bestellung bei Atelier Notify.")
      expect(mail.text).toMatch(/Gesamt: \d+,\d\d\s€/)
      expect(mail.html).toContain(`<html lang="de">`)
      expect(mailbox.to(SHOP_EMAIL).map((m) => m.mail.subject)).toEqual([`Nouvelle commande n° ${order.display_id}`])
    })

    it("a shop without a contact address is written to at its owners', in its default language — and so is a customer with none", async () => {
      const other = await fixtures.storefront(platform, "notifyb")
      await api.post(`/admin/vendors/${other.vendor.id}`, { default_language: "de" }, platform)
      const { variant } = await fixtures.stockedVariant(other, "Velo", 10)
      const order = await fixtures.placeOrder(other, [{ variant_id: variant.id, quantity: 1 }], { email: "ana@example.test" })
      // Three: the new shop's set-up sent a team invitation too, so two would not wait for the notice under load.
      await mailbox.wait(3)

      expect(mailbox.to("owner@notifyb.test").map((m) => m.mail.subject)).toEqual([`Neue Bestellung Nr. ${order.display_id}`])
      expect(mailbox.to("ana@example.test").map((m) => m.mail.subject)).toEqual([`Ihre Bestellung Nr. ${order.display_id} bei NOTIFYB`])
      // No theme: the shop's name in a neutral band instead of a logo.
      expect(mailbox.to("ana@example.test")[0].mail.html).toContain(`background:#111111`)
      expect(mailbox.to(SHOP_EMAIL)).toEqual([])
    })

    it("escapes HTML from a product title and an address", async () => {
      const { variant } = await fixtures.stockedVariant(shop, `<img src=x onerror="alert(1)">Lampe`, 10)
      const address = { ...SHOPPER_ADDRESS, first_name: "<script>alert('x')</script>", address_1: `"><b>1 rue</b>` }
      await fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: "mallory@example.test", cart: { shipping_address: address } })
      await mailbox.wait(2)

      for (const { mail } of mailbox.received) {
        const html = String(mail.html)
        expect(html).not.toMatch(/<img src=x|<script|<b>1 rue/)
        expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Lampe")
        expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        expect(html).toContain("&quot;&gt;&lt;b&gt;1 rue&lt;/b&gt;")
      }
      expect(mailbox.received).toHaveLength(2)
    })

    it("with the mail server down checkout succeeds; the retry job delivers each email exactly once when it is back", async () => {
      const { variant } = await fixtures.stockedVariant(shop, "Lampe Panne", 10)
      await mailbox.stop()
      let order: { id: string; display_id: number }
      try {
        order = await fixtures.placeOrder(shop, [{ variant_id: variant.id, quantity: 1 }], { email: "paul@example.test" })
        const failed = await settled(order.id, 2)
        expect(failed.map((r) => r.status)).toEqual(["failure", "failure"])

        // Not due before the back-off (an hour here), nor after it while the server is still down.
        expect(await retryFailedOrderEmails(getContainer(), orderEmailRetry())).toEqual([])
        const second = await retryFailedOrderEmails(getContainer(), orderEmailRetry(), hoursLater(1))
        expect(second.map((r) => [r.template, r.attempt, r.status]).sort()).toEqual([
          [ORDER_CONFIRMATION, 2, "failed"],
          [VENDOR_ORDER_NOTICE, 2, "failed"],
        ])
        // The third attempt waits twice as long.
        expect(await retryFailedOrderEmails(getContainer(), orderEmailRetry(), hoursLater(1))).toEqual([])
        // With two attempts allowed, both are spent.
        expect(await retryFailedOrderEmails(getContainer(), { ...orderEmailRetry(), max_attempts: 2 }, hoursLater(3))).toEqual([])
      } finally {
        await mailbox.start()
      }
      expect(mailbox.received).toHaveLength(0)

      const third = await retryFailedOrderEmails(getContainer(), orderEmailRetry(), hoursLater(3))
      expect(third.map((r) => [r.template, r.attempt, r.status]).sort()).toEqual([
        [ORDER_CONFIRMATION, 3, "sent"],
        [VENDOR_ORDER_NOTICE, 3, "sent"],
      ])
      // Run again (the next minute, or a second worker): nothing more.
      expect(await retryFailedOrderEmails(getContainer(), orderEmailRetry(), hoursLater(10))).toEqual([])
      await mailbox.wait(3)
      expect(mailbox.received.map((m) => m.envelope.to[0]).sort()).toEqual([SHOP_EMAIL, "paul@example.test"].sort())
      expect(mailbox.to("paul@example.test")[0].mail.subject).toBe(`Votre commande n° ${order!.display_id} chez Atelier Notify`)

      const records = await recordsOf(order!.id)
      const confirmation = records.filter((r) => r.template === ORDER_CONFIRMATION)
      expect(confirmation.map((r) => r.status)).toEqual(["failure", "failure", "success"])
      expect(confirmation.slice(1).map((r) => r.original_notification_id)).toEqual([confirmation[0].id, confirmation[0].id])
    })
  },
})

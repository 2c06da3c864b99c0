import { assertKnownVariables, renderIntro, renderSubject, resolveTexts, variablesIn } from "../templates"

describe("shop email templates", () => {
  it("renders limited markdown, escapes typed HTML, and puts values in after the markdown pass", () => {
    const values = { "customer.first_name": `[x](https://evil.example) **<script>` , "shop.name": "Lumière" }
    const { html, text } = renderIntro("**Bonjour** {{customer.first_name}},\n\n*merci* chez {{ shop.name }} <b>!</b> [aide](https://lumiere.lu/aide)", values)
    expect(html).toBe(
      `<p><strong>Bonjour</strong> [x](https://evil.example) **&lt;script&gt;,</p>` +
        `<p><em>merci</em> chez Lumière &lt;b&gt;!&lt;/b&gt; <a href="https://lumiere.lu/aide">aide</a></p>`
    )
    expect(text).toBe("Bonjour [x](https://evil.example) **<script>,\n\nmerci chez Lumière <b>!</b> aide (https://lumiere.lu/aide)")
  })

  it("links only http(s) and mailto; a subject is one line", () => {
    expect(renderIntro("[x](javascript:alert(1))", {}).html).not.toContain("<a")
    expect(renderSubject("Commande\n{{order.display_id}}", { "order.display_id": "42" })).toBe("Commande 42")
  })

  it("refuses a variable the email does not have, naming it", () => {
    expect(variablesIn("{{a}} and {{ b.c }}")).toEqual(["a", "b.c"])
    expect(() => assertKnownVariables("password-reset", { subject: "{{shop.name}}", intro: "{{order.total}}" })).toThrow(
      expect.objectContaining({ code: "NOTIFICATION_TEMPLATE_VARIABLE_UNKNOWN", details: expect.objectContaining({ variable: "order.total", field: "intro" }) })
    )
    expect(() => assertKnownVariables("order-confirmation", { subject: "{{order.display_id}} {{customer.first_name}}" })).not.toThrow()
  })

  it("decides in one place: the shop's field where it has one, the built-in text otherwise; the notice's switch", () => {
    const own = { id: "ntpl_1", template: "order-confirmation", language: "de", subject: "Danke!", intro: null, enabled: true }
    expect(resolveTexts("order-confirmation", "de", [own])).toMatchObject({ subject: "Danke!", intro: expect.stringContaining("Vielen Dank"), overridden: true })
    expect(resolveTexts("order-confirmation", "fr", [own])).toMatchObject({ subject: expect.stringContaining("Votre commande"), overridden: false })
    const off = { ...own, template: "vendor-order-notice", language: "fr", subject: null, enabled: false }
    expect(resolveTexts("vendor-order-notice", "de", [off]).enabled).toBe(false)
    expect(resolveTexts("order-confirmation", "fr", [{ ...off, template: "order-confirmation" }]).enabled).toBe(true)
  })
})

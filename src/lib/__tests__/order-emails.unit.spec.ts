import { emailLanguage, orderConfirmationEmail, vendorOrderNoticeEmail, type OrderEmailData } from "../emails"
import { orderEmailRetry } from "../env"

const order: OrderEmailData = {
  display_id: 42,
  created_at: "2026-11-27T10:00:00Z",
  currency_code: "eur",
  email: "lea@example.test",
  items: [{ title: "Lampe", variant_title: "S", quantity: 2, unit_price: 1234.5, subtotal: 2469 }],
  item_subtotal: 2469,
  shipping_subtotal: 5,
  discount_total: 0,
  tax_total: 420.58,
  total: 2894.58,
  shipping_address: { first_name: "Léa", last_name: "Muller", address_1: "1 rue du Marché", postal_code: "1111", city: "Luxembourg", country_code: "lu" },
  shipping_method: "Standard delivery",
}

describe("emailLanguage", () => {
  it("takes the first candidate an email can be written in, by its primary subtag", () => {
    expect(emailLanguage("de-LU", "fr")).toBe("de")
    expect(emailLanguage("EN", "fr")).toBe("en")
    expect(emailLanguage(null, "de")).toBe("de")
  })

  it("sends Luxembourgish and unknown languages on to the shop's default, then French", () => {
    expect(emailLanguage("lb", "de")).toBe("de")
    expect(emailLanguage("lb-LU", "lb")).toBe("fr")
    expect(emailLanguage(undefined, undefined)).toBe("fr")
  })
})

describe("order emails", () => {
  it("format amounts and dates per language", () => {
    const shop = { name: "Lumière" }
    expect(orderConfirmationEmail({ shop, order, lang: "fr" }).text).toMatch(/2 × Lampe \(S\)\s+2\.469,00\s€[\s\S]*Total: 2\.894,58\s€/) // fr-LU groups with a dot
    expect(orderConfirmationEmail({ shop, order, lang: "de" }).text).toMatch(/Gesamt: 2\.894,58\s€/)
    expect(orderConfirmationEmail({ shop, order, lang: "en" }).text).toContain("Total: €2,894.58")
    expect(orderConfirmationEmail({ shop, order, lang: "de" }).text).toContain("27. November 2026")
    expect(orderConfirmationEmail({ shop, order, lang: "en" }).subject).toBe("Your order #42 at Lumière")
  })

  it("uses the shop's theme only where it cannot break out of its CSS property or URL", () => {
    const safe = orderConfirmationEmail({
      shop: { name: "Lumière", theme: { primary_color: "#123abc", accent_color: "#fedcba", logo_url: "https://cdn.example/logo.png", font: "Open Sans" } },
      order,
      lang: "fr",
    }).html
    expect(safe).toContain("background:#123abc")
    expect(safe).toContain("border-bottom:4px solid #fedcba")
    expect(safe).toContain('<img src="https://cdn.example/logo.png" alt="Lumière"')
    expect(safe).toContain("font-family:Open Sans,system-ui")

    const hostile = vendorOrderNoticeEmail({
      shop: {
        name: `<b>Shop</b>`,
        theme: { primary_color: "red;background:url(https://evil.example/x)", logo_url: "javascript:alert(1)", font: "x;}</style><script>" },
      },
      order,
      lang: "fr",
      dashboard_url: "http://localhost:9000/app/orders/order_1",
    }).html
    expect(hostile).not.toMatch(/evil\.example|javascript:|<script|<b>Shop/)
    expect(hostile).toContain("background:#111111")
    expect(hostile).toContain("&lt;b&gt;Shop&lt;/b&gt;")
  })
})

describe("orderEmailRetry", () => {
  it("defaults to 5 attempts, 60 s doubling; refuses nonsense", () => {
    expect(orderEmailRetry({})).toEqual({ max_attempts: 5, base_delay_seconds: 60 })
    expect(orderEmailRetry({ ORDER_EMAIL_MAX_ATTEMPTS: "3", ORDER_EMAIL_RETRY_SECONDS: "0" })).toEqual({ max_attempts: 3, base_delay_seconds: 0 })
    expect(orderEmailRetry({ ORDER_EMAIL_MAX_ATTEMPTS: "0", ORDER_EMAIL_RETRY_SECONDS: "-1" })).toEqual({ max_attempts: 5, base_delay_seconds: 60 })
  })
})

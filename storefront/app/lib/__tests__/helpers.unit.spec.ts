import { describe, expect, it } from "@jest/globals"
import { stripeClientSecret } from "../cart.server"
import { lowestPrice, pageNumber, parseSort, inStock } from "../catalog"
import { safeNext, quantity } from "../forms"
import { shopHref, shopPath } from "../href"
import { formatPrice, parseAcceptLanguage, pickLanguage, shopLanguages } from "../i18n"
import { getCartId, setCartId, setCustomerToken, setLang, getLang } from "../session.server"
import { normalizeHost } from "../shop.server"
import { fontOf, readableOn, safeColor } from "../theme"

describe("storefront: host → shop", () => {
  it("normalizes the Host header: case, port, trailing dots; IPv6 literals keep their brackets", () => {
    expect(normalizeHost("Lumiere.Localhost:8000.")).toBe("lumiere.localhost")
    expect(normalizeHost("shop.example.lu.")).toBe("shop.example.lu")
    expect(normalizeHost("Lumiere.Localhost.:8000")).toBe("lumiere.localhost")
    expect(normalizeHost("VELO.maart.test:")).toBe("velo.maart.test")
    expect(normalizeHost("[::1]:8000")).toBe("[::1]")
    expect(normalizeHost("  ")).toBe("")
    expect(normalizeHost(null)).toBe("")
  })

  it("keeps links inside the shop: no prefix in host mode, /vendors/<handle> in path mode", () => {
    expect(shopHref("", "/products")).toBe("/products")
    expect(shopHref("", "cart")).toBe("/cart")
    expect(shopHref("/vendors/velo", "/")).toBe("/vendors/velo/")
    expect(shopHref("/vendors/velo", "/products?page=2")).toBe("/vendors/velo/products?page=2")
    expect(shopPath("/vendors/velo", "/vendors/velo/products")).toBe("/products")
    expect(shopPath("/vendors/velo", "/vendors/velo")).toBe("/")
    // Another shop's prefix is not this shop's.
    expect(shopPath("/vendors/velo", "/vendors/velociraptor/products")).toBe("/vendors/velociraptor/products")
  })

  it("follows ?next= only inside the site", () => {
    expect(safeNext("/account/orders", "/account")).toBe("/account/orders")
    for (const bad of ["//evil.example/", "https://evil.example/", "/\\evil.example", "", null, undefined]) {
      expect(safeNext(bad, "/account")).toBe("/account")
    }
  })
})

describe("storefront: cookies per shop", () => {
  const lumiere = { cookieNs: "lumiere", base: "" }
  const veloPath = { cookieNs: "velo", base: "/vendors/velo" }
  const asRequest = (setCookie: string) => new Request("http://x/", { headers: { cookie: setCookie.split(";")[0] } })

  it("names cookies maart_<handle>_<what>, httpOnly, SameSite=Lax, path / in host mode and the prefix in path mode", async () => {
    const cart = await setCartId(lumiere, "cart_1")
    expect(cart).toMatch(/^maart_lumiere_cart=/)
    expect(cart).toMatch(/HttpOnly/)
    expect(cart).toMatch(/SameSite=Lax/)
    expect(cart).toMatch(/Path=\/(;|$)/)
    expect(cart).not.toMatch(/Secure/) // COOKIE_SECURE defaults to off
    expect(await setCustomerToken(veloPath, "tok")).toMatch(/^maart_velo_customer=.*Path=\/vendors\/velo/)
  })

  it("reads a shop's cookie back, and not another shop's", async () => {
    const header = await setCartId(lumiere, "cart_1")
    expect(await getCartId(asRequest(header), lumiere)).toBe("cart_1")
    expect(await getCartId(asRequest(header), veloPath)).toBeNull()
    expect(await setCartId(lumiere, null)).toMatch(/Max-Age=0/)
  })

  it("keeps only a language the storefront knows from the language cookie", async () => {
    expect(await getLang(asRequest(await setLang(lumiere, "de")), lumiere)).toBe("de")
    const forged = new Request("http://x/", { headers: { cookie: `maart_lumiere_lang=${encodeURIComponent(btoa(JSON.stringify("xx")))}` } })
    expect(await getLang(forged, lumiere)).toBeNull()
  })
})

describe("storefront: languages", () => {
  it("orders Accept-Language by q, dropping q=0 and *", () => {
    expect(parseAcceptLanguage("de-LU;q=0.8, en;q=0.9, *;q=0.5, fr;q=0")).toEqual(["en", "de-lu"])
    expect(parseAcceptLanguage("")).toEqual([])
  })

  it("picks the cookie's language, else the best offered Accept-Language, else the shop's default", () => {
    const all = shopLanguages(undefined)
    expect(all).toEqual(["fr", "de", "en", "lb"])
    expect(pickLanguage({ cookie: "lb", acceptLanguage: "en", offered: all })).toBe("lb")
    expect(pickLanguage({ acceptLanguage: "es, de-DE;q=0.9, en;q=0.8", offered: all })).toBe("de")
    // The shop offers only fr and en: German is not an answer, the default is.
    const frEn = shopLanguages(["en", "fr", "xx"])
    expect(frEn).toEqual(["fr", "en"])
    expect(pickLanguage({ cookie: "de", acceptLanguage: "de", offered: frEn, fallback: "en" })).toBe("en")
    expect(pickLanguage({ offered: frEn, fallback: "lb" })).toBe("fr")
  })
})

describe("storefront: prices, stock, paging", () => {
  it("formats prices in the page language", () => {
    expect(formatPrice(12.5, "eur", "en")).toBe("€12.50")
    expect(formatPrice(12.5, "EUR", "fr").replace(/\s/g, " ")).toBe("12,50 €")
    expect(formatPrice(12.5, "eur", "de").replace(/\s/g, " ")).toBe("12,50 €")
    expect(formatPrice(null, "eur", "en")).toBe("")
    expect(formatPrice(3, null, "en")).toBe("")
  })

  it("shows a product's lowest variant price and whether prices vary", () => {
    const price = (amount: number | null) => ({ calculated_price: { calculated_amount: amount, currency_code: "eur" } })
    expect(lowestPrice({ variants: [price(30), price(12), price(null)] } as any)).toEqual({ amount: 12, currency: "eur", varies: true })
    expect(lowestPrice({ variants: [price(5), price(5)] } as any)).toEqual({ amount: 5, currency: "eur", varies: false })
    expect(lowestPrice({ variants: [] } as any)).toBeNull()
  })

  it("counts a variant in stock when stock is not managed, backorders are allowed or units are left", () => {
    expect(inStock({ manage_inventory: false, inventory_quantity: 0 } as any)).toBe(true)
    expect(inStock({ manage_inventory: true, allow_backorder: true, inventory_quantity: 0 } as any)).toBe(true)
    expect(inStock({ manage_inventory: true, inventory_quantity: 2 } as any)).toBe(true)
    expect(inStock({ manage_inventory: true, inventory_quantity: 0 } as any)).toBe(false)
  })

  it("reads page numbers, sorts and quantities defensively", () => {
    expect([pageNumber("3"), pageNumber("0"), pageNumber("-2"), pageNumber("1.5"), pageNumber(null)]).toEqual([3, 1, 1, 1, 1])
    expect([parseSort("price_desc"), parseSort("cheapest"), parseSort(null)]).toEqual(["price_desc", "newest", "newest"])
    const form = (q: string) => {
      const f = new FormData()
      f.set("quantity", q)
      return f
    }
    expect([quantity(form("2")), quantity(form("0")), quantity(form("100")), quantity(form("-1")), quantity(form("two"))]).toEqual([2, 0, null, null, null])
  })
})

describe("storefront: theme", () => {
  it("accepts only colors CSS can take safely and picks readable text on them", () => {
    expect(safeColor("#1a2b3c", "#000")).toBe("#1a2b3c")
    expect(safeColor("red; background:url(x)", "#000")).toBe("#000")
    expect(readableOn("#ffffff")).not.toBe(readableOn("#000000"))
    expect(fontOf({ font: "serif" })).toBe("serif")
    expect(fontOf({ font: "comic" })).toBe("system")
  })
})

describe("storefront: the card step's session", () => {
  const session = (provider_id: string, status: string, data: Record<string, unknown>) => ({ provider_id, status, data })
  const cartWith = (...sessions: ReturnType<typeof session>[]) => ({ payment_collection: { payment_sessions: sessions } }) as any

  it("takes the client secret of the cart's pending Stripe session only", () => {
    const secret = "pi_123_secret_abc"
    expect(stripeClientSecret(cartWith(session("pp_stripe_stripe", "pending", { client_secret: secret })))).toBe(secret)
    // Another provider's, a session no longer pending, or data without a PaymentIntent secret: no card step.
    expect(stripeClientSecret(cartWith(session("pp_system_default", "pending", { client_secret: secret })))).toBeNull()
    expect(stripeClientSecret(cartWith(session("pp_stripe_stripe", "authorized", { client_secret: secret })))).toBeNull()
    expect(stripeClientSecret(cartWith(session("pp_stripe_stripe", "pending", { client_secret: "pk_test_x" })))).toBeNull()
    expect(stripeClientSecret(cartWith())).toBeNull()
    expect(stripeClientSecret({} as any)).toBeNull()
  })
})

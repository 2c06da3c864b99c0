import { expect, test, type Page } from "@playwright/test"
import { cssVariable, pathModeUrl, platformAdmin, shopUrl, snap, SHOPS, type ShopKey } from "./harness"

/**
 * The storefront in Chromium against a real Maart with the demo data (issue 7's browser tests): two shops on two
 * hosts, a shopper's way from registration to their order history, per-shop accounts, path mode, the 404 and
 * "closed" pages. The tests run in order on one backend: the shopper registered by one is the one the next uses.
 */

const SHOPPER = { email: `shopper-${Date.now().toString(36)}@example.com`, password: "shopper-pass-1", first: "Lea", last: "Muller" }
const OTHER: Record<ShopKey, ShopKey> = { lumiere: "velo", velo: "lumiere" }

// The body's font family per shop: the themes pick different bundled fonts.
const fonts: Partial<Record<ShopKey, string>> = {}

/** Fills and sends the register form the page shows. */
async function register(page: Page, password: string) {
  await page.getByLabel("First name", { exact: true }).fill(SHOPPER.first)
  await page.getByLabel("Last name", { exact: true }).fill(SHOPPER.last)
  await page.getByLabel("Email", { exact: true }).fill(SHOPPER.email)
  await page.getByLabel("Password", { exact: true }).fill(password)
  await page.getByRole("button", { name: "Create my account" }).click()
}

/**
 * As the signed-in shopper at `key`: a variant chosen by its option, added to the cart, checked out with an address,
 * the shop's shipping option and the manual payment; the confirmation, then the order found in the account's
 * history and opened. Resolves with the order's number.
 */
async function buyVariant(page: Page, key: ShopKey) {
  const shop = SHOPS[key]
  // A variant chosen by its option, added to the cart.
  await page.goto(shopUrl(key, "/products"))
  await page.getByTestId("product-card").filter({ hasText: shop.variantProduct.title }).getByRole("link").first().click()
  await page.getByLabel(shop.variantProduct.option).selectOption({ label: shop.variantProduct.value })
  await page.getByRole("button", { name: "Show this variant" }).click()
  await expect(page).toHaveURL(new RegExp(`=${shop.variantProduct.value}`))
  await page.getByRole("button", { name: "Add to cart" }).click()
  await expect(page.getByRole("status").filter({ hasText: "Added to your cart." })).toBeVisible()
  await expect(page.getByTestId("cart-count")).toHaveText("1")

  await page.goto(shopUrl(key, "/cart"))
  await expect(page.getByRole("main")).toContainText(shop.variantProduct.title)
  await expect(page.getByRole("main")).toContainText(shop.variantProduct.value)
  await snap(page, `${key}-cart-filled`)

  // Checkout: the signed-in shopper's email, an address, the shop's shipping option, then manual payment.
  await page.getByRole("link", { name: "Go to checkout" }).click()
  await expect(page).toHaveURL(/\/checkout/)
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(SHOPPER.email)
  await page.getByLabel("First name", { exact: true }).fill(SHOPPER.first)
  await page.getByLabel("Last name", { exact: true }).fill(SHOPPER.last)
  await page.getByLabel("Street and number", { exact: true }).fill("12 rue du Marché-aux-Herbes")
  await page.getByLabel("Postal code", { exact: true }).fill("1728")
  await page.getByLabel("City", { exact: true }).fill("Luxembourg")
  await page.getByRole("group", { name: "Delivery", exact: true }).getByRole("radio").first().check()
  await snap(page, `${key}-checkout`)
  await page.getByRole("button", { name: "Continue to payment" }).click()
  await expect(page.getByRole("radio", { name: "Pay on delivery or by bank transfer" })).toBeChecked()
  await snap(page, `${key}-checkout-payment`)
  await page.getByRole("button", { name: "Place order" }).click()

  // Completion (payment session, locks, the order workflow) is the slowest request here: room on a busy machine.
  await expect(page).toHaveURL(/\/orders\/[^/]+\/confirmed/, { timeout: 30_000 })
  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible()
  const orderNumber = (await page.getByTestId("order-number").innerText()).replace(/^#/, "").trim()
  expect(orderNumber).toMatch(/^\d+$/)
  await snap(page, `${key}-order-confirmed`)

  // The cart is spent; the order is in the account's history, and opens.
  await expect(page.getByTestId("cart-count")).toHaveText("0")
  await page.goto(shopUrl(key, "/account/orders"))
  await snap(page, `${key}-account-orders`)
  await page.getByRole("link", { name: `View order #${orderNumber}` }).click()
  await expect(page).toHaveURL(/\/account\/orders\/[^/]+$/)
  await expect(page.getByRole("main")).toContainText(shop.variantProduct.title)
  await snap(page, `${key}-account-order`)
  return orderNumber
}

/** The titles on the product cards of the page. */
const cardTitles = async (page: Page) => (await page.getByTestId("product-card").allInnerTexts()).join("\n")

test.describe.configure({ mode: "serial" })

for (const key of Object.keys(SHOPS) as ShopKey[]) {
  const shop = SHOPS[key]
  test(`${shop.name} on ${key}.localhost: its name, its theme, its catalog and none of the other shop's`, async ({ page }) => {
    const home = await page.goto(shopUrl(key))
    expect(home?.status()).toBe(200)
    await expect(page).toHaveTitle(new RegExp(shop.name))
    await expect(page.getByRole("banner")).toContainText(shop.name)
    expect(await cssVariable(page, "--color-primary")).toBe(shop.primary)
    fonts[key] = await page.evaluate(() => getComputedStyle(document.body).fontFamily)
    if (fonts[OTHER[key]]) expect(fonts[key]).not.toBe(fonts[OTHER[key]])
    // The home page features the shop's products.
    await expect(page.getByTestId("product-card").first()).toBeVisible()
    await snap(page, `${key}-home`)

    const catalog = await page.goto(shopUrl(key, "/products"))
    expect(catalog?.status()).toBe(200)
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Products")
    const titles = await cardTitles(page)
    for (const title of shop.products) expect(titles).toContain(title)
    for (const title of SHOPS[OTHER[key]].products) expect(titles).not.toContain(title)
    await snap(page, `${key}-catalog`)

    // Sorted by price, cheapest first: the cards' order follows.
    await page.goto(shopUrl(key, "/products?sort=price_asc"))
    await expect(page.getByTestId("product-card").first()).toBeVisible()
    await snap(page, `${key}-catalog-sorted`)

    // Product detail: its options, stock state, the add-to-cart form.
    await page.getByTestId("product-card").filter({ hasText: shop.variantProduct.title }).getByRole("link").first().click()
    await expect(page.getByRole("heading", { level: 1, name: shop.variantProduct.title })).toBeVisible()
    await expect(page.getByText("In stock").first()).toBeVisible()
    await expect(page.getByRole("button", { name: "Add to cart" })).toBeVisible()
    await snap(page, `${key}-product`)

    await page.goto(shopUrl(key, `/search?q=${encodeURIComponent(shop.products[1].split(" ")[0])}`))
    await expect(page.getByTestId("product-card").filter({ hasText: shop.products[1] })).toBeVisible()
    await snap(page, `${key}-search`)

    for (const [name, pathname] of [["cart", "/cart"], ["login", "/account/login"], ["register", "/account/register"]]) {
      const res = await page.goto(shopUrl(key, pathname))
      expect(res?.status(), pathname).toBe(200)
      await expect(page.getByRole("banner")).toContainText(shop.name)
      await snap(page, `${key}-${name}`)
    }

    // A page the shop does not have: the shop's own 404, still in its colors.
    const missing = await page.goto(shopUrl(key, "/no-such-page"))
    expect(missing?.status()).toBe(404)
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible()
    await snap(page, `${key}-page-not-found`)
  })
}

let lumiereOrder = ""

test("a shopper registers at Atelier Lumière, adds a variant to the cart, checks out and finds the order in their history", async ({ page, context }) => {
  await page.goto(shopUrl("lumiere", "/account/register"))
  await register(page, SHOPPER.password)
  await expect(page).toHaveURL(/\/account\/?$/)
  await expect(page.getByRole("main")).toContainText(`Hello ${SHOPPER.first} ${SHOPPER.last}`)
  await snap(page, "lumiere-account")

  // The customer's token and the cart live in httpOnly cookies named for this shop.
  const cookies = await context.cookies(shopUrl("lumiere"))
  const session = cookies.filter((c) => c.name.startsWith("maart_lumiere_"))
  expect(session.length).toBeGreaterThan(0)
  for (const c of session) expect(c.httpOnly).toBe(true)

  lumiereOrder = await buyVariant(page, "lumiere")
})

test("the same email at Vëlo Buttek is another account: the Lumière password does not sign in there, registering does", async ({ page }) => {
  await page.goto(shopUrl("velo", "/account/login"))
  await page.getByLabel("Email", { exact: true }).fill(SHOPPER.email)
  await page.getByLabel("Password", { exact: true }).fill(SHOPPER.password)
  await page.getByRole("button", { name: "Sign in", exact: true }).click()
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.")
  await expect(page).toHaveURL(/\/account\/login/)
  await snap(page, "velo-login-refused")

  // Still a stranger: the account page sends to the sign-in.
  await page.goto(shopUrl("velo", "/account"))
  await expect(page).toHaveURL(/\/account\/login/)

  await page.goto(shopUrl("velo", "/account/register"))
  await register(page, "another-pass-2")
  await expect(page).toHaveURL(/\/account\/?$/)
  await expect(page.getByRole("main")).toContainText(`Hello ${SHOPPER.first} ${SHOPPER.last}`)
  await snap(page, "velo-account")

  // Vëlo's account has none of the order placed at Lumière…
  await page.goto(shopUrl("velo", "/account/orders"))
  await expect(page.getByRole("main")).toContainText("You have not ordered here yet.")
  await snap(page, "velo-account-orders-empty")

  // …and after an order of its own, that one only.
  const veloOrder = await buyVariant(page, "velo")
  await page.goto(shopUrl("velo", "/account/orders"))
  await expect(page.getByRole("link", { name: /^View order #/ })).toHaveText([`#${veloOrder}`])
  expect(veloOrder).not.toBe(lumiereOrder)
})

test("path mode: /vendors/<handle>/ serves the shop on one origin, its links stay under its prefix", async ({ page }) => {
  const res = await page.goto(pathModeUrl("velo"))
  expect(res?.status()).toBe(200)
  await expect(page.getByRole("banner")).toContainText(SHOPS.velo.name)
  expect(await cssVariable(page, "--color-primary")).toBe(SHOPS.velo.primary)
  await snap(page, "velo-path-mode-home")

  await page.goto(pathModeUrl("velo", "/products"))
  const titles = await cardTitles(page)
  for (const title of SHOPS.velo.products) expect(titles).toContain(title)
  await page.getByTestId("product-card").first().getByRole("link").first().click()
  await expect(page).toHaveURL(/\/vendors\/velo\/products\/[^/]+$/)

  // One origin, two shops: signed in at /vendors/lumiere/, still a stranger at /vendors/velo/ (cookies per shop).
  await page.goto(pathModeUrl("lumiere", "/account/login"))
  await page.getByLabel("Email", { exact: true }).fill(SHOPPER.email)
  await page.getByLabel("Password", { exact: true }).fill(SHOPPER.password)
  await page.getByRole("button", { name: "Sign in", exact: true }).click()
  await expect(page).toHaveURL(/\/vendors\/lumiere\/account\/?$/)
  await expect(page.getByRole("main")).toContainText(`Hello ${SHOPPER.first} ${SHOPPER.last}`)
  await page.goto(pathModeUrl("velo", "/account"))
  await expect(page).toHaveURL(/\/vendors\/velo\/account\/login/)
  const names = (await page.context().cookies(pathModeUrl("velo"))).map((c) => c.name)
  expect(names.some((n) => n.startsWith("maart_lumiere_"))).toBe(false)

  // The platform subdomain is the same shop again.
  const sub = await page.goto(shopUrl("velo", "/", "subdomain"))
  expect(sub?.status()).toBe(200)
  await expect(page.getByRole("banner")).toContainText(SHOPS.velo.name)
})

test("an unknown host gets the 404 page; so does an unknown shop in path mode", async ({ page }) => {
  for (const url of [shopUrl("nobody", "/", "subdomain"), shopUrl("nobody"), pathModeUrl("nobody")]) {
    const res = await page.goto(url)
    expect(res?.status(), url).toBe(404)
    await expect(page.getByRole("heading", { name: "Shop not found" })).toBeVisible()
  }
  await snap(page, "unknown-shop-404")
})

test("a suspended shop answers 503 with the 'closed' page", async ({ page }) => {
  const admin = await platformAdmin()
  const handle = `closed${Date.now().toString(36)}`
  const { vendor } = await admin.post("/admin/vendors", {
    handle,
    name: "Fermé pour travaux",
    owner: { email: `owner@${handle}.example.com`, password: "closed-owner-pass" },
  })
  await admin.post(`/admin/vendors/${vendor.id}/activate`)
  await admin.post(`/admin/vendors/${vendor.id}/suspend`)

  const res = await page.goto(shopUrl(handle, "/", "subdomain"))
  expect(res?.status()).toBe(503)
  await expect(page.getByRole("heading", { name: "Shop closed" })).toBeVisible()
  await expect(page.getByRole("main")).toContainText("closed at the moment")
  await snap(page, "suspended-shop-503")
})

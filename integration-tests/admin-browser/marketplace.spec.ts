import { expect, test, type Page } from "@playwright/test"
import { startFeedServer } from "../helpers/feed-server"
import { adminUrl, backendUrl, expectNoErrorToast, PLATFORM_ADMIN, signIn, snap } from "./harness"

/**
 * The platform's and the marketplace's pages, on one backend (global-setup.ts): a platform admin creates a
 * vendor and bulk-imports three more from a CSV with one bad row; the new vendor's Owner sets its feed URL,
 * imports (the progress bar reaches 100%, the rejected row is listed), selects and publishes products with one
 * price override, and sees "upstream changed" after the feed changes. The feeds come from the marketplace HTTP
 * suites' fake Letzshop server (integration-tests/helpers/feed-server.ts) on loopback.
 * Screenshots of every page: test-artifacts/admin/{platform,marketplace}-*.png.
 */
test.describe.configure({ mode: "serial" })

const OWNER = { email: "owner@kiosk.admin-browser.test", password: "kiosk-owner-pass" }
const HEADER = "id\ttitle\tdescription\tavailability\tprice\tbrand\tgtin\tquantity"
// 24 lamps (two pages of the staging list at 20), then a row whose price is no price.
const LAMPS = Array.from({ length: 24 }, (_, i) => `KL-${String(i + 1).padStart(2, "0")}\tLampe kiosk ${i + 1}\tLaiton\tin stock\t${20 + i},90 EUR\tKiosk\t\t${i + 3}`)
// Behind them 6,000 more items (1.5 MB): the importer reads the first MiB before it parses (to tell the encoding)
// and writes its progress every 2,000 rows, so the bar shows a step between 0 and 100 while the rest comes in.
const FILLER_TEXT = "Article de stock, ".repeat(12)
const FILLERS = Array.from({ length: 6000 }, (_, i) => `Z-${String(i).padStart(4, "0")}\tArticle ${i}\t${FILLER_TEXT}\tin stock\t5,00 EUR\tDepot\t\t1`)
const feed = (lines: string[]) => Buffer.from([HEADER, ...lines, ...FILLERS].join("\n") + "\n")
const BAD_ROW = "KL-BAD\tLampe cassée\tx\tin stock\tcheap\tKiosk\t\t1"

const VENDORS_CSV = [
  "vendor_name,subdomain,owner_name,owner_email,owner_phone,business_address,business_city,business_postal_code,business_country,letzshop_csv_url,initial_password",
  "Bakery Bréck,breck,Anne Breck,anne@breck.admin-browser.test,+352 111,1 rue Haute,Luxembourg,1111,LU,,bakery-pass-1",
  "Fleurs Mosel,fleurs-mosel,Paul Flower,paul@fleurs.admin-browser.test,+352 222,2 rue Basse,Remich,5555,LU,,fleurs-pass-1",
  "Broken Shop,broken,Nobody,not-an-email,+352 333,3 rue,Esch,4444,LU,,broken-pass-1",
  "Velo Zwee,velo-zwee,Jo Wheel,jo@zwee.admin-browser.test,+352 444,4 rue,Ettelbruck,9000,LU,,zwee-pass-1",
].join("\n")

let feeds: Awaited<ReturnType<typeof startFeedServer>>

test.beforeAll(async () => {
  feeds = await startFeedServer()
  feeds.feeds.set("/kiosk-fr.tsv", { body: feed([...LAMPS, BAD_ROW]), chunkBytes: 128 * 1024, chunkDelayMs: 500 })
})
test.afterAll(async () => feeds?.close())

/** The Admin API as the platform admin (checks of what the pages did). */
async function platformApi() {
  const login = await fetch(`${backendUrl()}/auth/user/emailpass`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(PLATFORM_ADMIN) })
  const { token } = await login.json()
  return async (url: string) => {
    const res = await fetch(backendUrl() + url, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status, `GET ${url}`).toBe(200)
    return res.json()
  }
}

const rowOf = (page: Page, text: string) => page.locator("tr", { hasText: text })

test("a platform admin sees the platform stats, creates a vendor, and bulk-imports three more from a CSV with one bad row", async ({ browser }) => {
  const { page, errors } = await signIn(browser, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
  await page.goto(adminUrl("/platform"))
  await expect(page.getByRole("heading", { name: "Platform" })).toBeVisible()
  await expect(rowOf(page, "Atelier Lumière")).toBeVisible()
  await expect(rowOf(page, "Vëlo Buttek")).toBeVisible()
  await expectNoErrorToast(page)
  await snap(page, "platform-stats")

  await page.goto(adminUrl("/platform/vendors"))
  await expect(rowOf(page, "lumiere")).toBeVisible()
  await page.getByRole("button", { name: "Create vendor" }).click()
  await page.getByLabel("Shop name").fill("Kiosk Lampen")
  await page.getByLabel("Handle (subdomain)").fill("kiosk")
  await page.getByLabel("Owner email").fill(OWNER.email)
  await page.getByLabel("Owner initial password").fill(OWNER.password)
  await snap(page, "platform-vendor-create")
  await page.getByRole("button", { name: "Create", exact: true }).click()
  await expect(rowOf(page, "kiosk")).toBeVisible()
  await expect(rowOf(page, "kiosk").getByText("pending")).toBeVisible()
  await expectNoErrorToast(page)
  await snap(page, "platform-vendors")

  await page.goto(adminUrl("/platform/vendor-import"))
  await page.getByLabel("Vendors CSV file").setInputFiles({ name: "vendors.csv", mimeType: "text/csv", buffer: Buffer.from(VENDORS_CSV) })
  // The dry run: three rows ready, the bad one (line 4) with its column and code.
  await expect(page.getByTestId("import-summary")).toContainText("4 rows · 3 ready to create")
  const bad = page.getByTestId("import-row-4")
  await expect(bad).toContainText("invalid")
  await expect(bad).toContainText("owner_email")
  await expect(bad).toContainText("ROW_INVALID_EMAIL")
  await snap(page, "platform-vendor-import-dry-run")
  await page.getByRole("button", { name: "Create 3 vendors" }).click()
  await expect(page.getByTestId("import-summary")).toContainText("3 created")
  await expect(page.getByTestId("import-row-4")).toContainText("ROW_INVALID_EMAIL")
  await snap(page, "platform-vendor-import-report")

  const api = await platformApi()
  const { vendors } = await api("/admin/vendors?limit=100&fields=handle")
  const handles = vendors.map((v: { handle: string }) => v.handle)
  expect(handles).toEqual(expect.arrayContaining(["kiosk", "breck", "fleurs-mosel", "velo-zwee"]))
  expect(handles).not.toContain("broken")

  await page.goto(adminUrl("/platform/vendors"))
  await expect(rowOf(page, "breck")).toBeVisible()
  await expectNoErrorToast(page)
  expect(errors).toEqual([])
  await page.context().close()
})

test("the new vendor's Owner sets the feed URL, imports with a live progress bar to 100%, sees the bad row, and publishes with a price override", async ({ browser }) => {
  const { page, errors } = await signIn(browser, OWNER.email, OWNER.password)
  await page.goto(adminUrl("/marketplace/feeds"))
  await page.getByLabel("French (fr)").fill(feeds.url("/kiosk-fr.tsv"))
  await page.getByRole("button", { name: "Save" }).click()
  await expect(page.getByText("Feed settings saved")).toBeVisible()
  await snap(page, "marketplace-feeds")

  await page.getByRole("button", { name: "Import the French feed now" }).click()
  await page.waitForURL(/\/marketplace\/imports\/impj_/)
  const bar = page.getByRole("progressbar", { name: "Import progress" })
  // The feed is served slowly: the bar moves while the job runs (polled every second), then reaches 100%.
  const seen = new Set<number>()
  await expect
    .poll(async () => {
      const value = await bar.getAttribute("aria-valuenow")
      if (value) seen.add(Number(value))
      return value
    }, { timeout: 60_000, intervals: [200] })
    .toBe("100")
  expect([...seen].some((v) => v > 0 && v < 100), `values seen: ${[...seen]}`).toBe(true)
  await expect(page.getByText("partially succeeded")).toBeVisible()
  const badRow = page.locator("tr", { hasText: "KL-BAD" })
  await expect(badRow).toContainText("PRICE_INVALID")
  await expect(badRow).toContainText("cheap")
  const csv = await page.request.get(await page.getByRole("link", { name: "Download CSV" }).getAttribute("href").then((h) => new URL(h!, adminUrl()).href))
  expect(csv.status()).toBe(200)
  expect(await csv.text()).toContain("PRICE_INVALID")
  await snap(page, "marketplace-import-job")

  await page.goto(adminUrl("/marketplace/imports"))
  await expect(page.getByRole("progressbar").first()).toHaveAttribute("aria-valuenow", "100")
  await snap(page, "marketplace-imports")

  // Staging: select a page of rows, then everything a search matches, in one call each.
  await page.goto(adminUrl("/marketplace/staging"))
  await expect(rowOf(page, "KL-01")).toBeVisible()
  await rowOf(page, "KL-01").getByRole("checkbox").check()
  await rowOf(page, "KL-02").getByRole("checkbox").check()
  await page.getByRole("button", { name: "Select for publishing" }).click()
  await expect(page.getByText(/2 selected · 2 selected in all/)).toBeVisible()
  await page.getByPlaceholder("Search id, title, brand, GTIN").fill("Lampe kiosk 1")
  // KL-01, KL-10 … KL-19: 11 match, one of them (KL-01) already selected.
  await expect(page.getByRole("button", { name: "Select all 11 matching" })).toBeVisible()
  await page.getByRole("button", { name: "Select all 11 matching" }).click()
  await expect(page.getByText(/10 selected · 12 selected in all/)).toBeVisible()
  await snap(page, "marketplace-staging")

  await page.getByRole("button", { name: "Publish selected (12)" }).click()
  await page.getByLabel("Price for KL-01", { exact: true }).fill("19.50")
  await snap(page, "marketplace-publish-drawer")
  await page.getByRole("button", { name: "Publish 12 items" }).click()
  await expect(page.getByRole("progressbar", { name: "Publish progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 })
  await expect(page.getByTestId("publish-job")).toContainText("succeeded")
  await expect(page.getByTestId("publish-job")).toContainText("12 of 12 items")
  await snap(page, "marketplace-publish-done")
  await page.keyboard.press("Escape")

  const api = await platformApi()
  const { vendors } = await api("/admin/vendors?handle=kiosk&fields=id,sales_channel.id")
  const { products } = await api(`/admin/products?sales_channel_id[]=${vendors[0].sales_channel.id}&fields=title,variants.prices.amount,variants.sku&limit=50`)
  expect(products).toHaveLength(12)
  const price = (sku: string) => products.flatMap((p: any) => p.variants).find((v: any) => v.sku === `kiosk-${sku}`)?.prices[0].amount
  expect(price("KL-01")).toBe(19.5) // the override
  expect(price("KL-10")).toBe(29.9) // the feed's

  await page.goto(adminUrl("/marketplace/publish-jobs"))
  await expect(page.getByText("succeeded").first()).toBeVisible()
  await snap(page, "marketplace-publish-jobs")
  await expectNoErrorToast(page)
  expect(errors).toEqual([])
  await page.context().close()
})

test("after the feed changes, staging and the product page show 'upstream changed', and re-publishing applies it", async ({ browser }) => {
  feeds.feeds.set("/kiosk-fr.tsv", { body: feed(LAMPS.map((l) => (l.startsWith("KL-10\t") ? l.replace("29,90 EUR", "27,90 EUR") : l))) })
  const { page, errors } = await signIn(browser, OWNER.email, OWNER.password)
  await page.goto(adminUrl("/marketplace/feeds"))
  await page.getByRole("button", { name: "Import the French feed now" }).click()
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 })
  await expect(page.getByText("succeeded", { exact: true })).toBeVisible()

  await page.goto(adminUrl("/marketplace"))
  await expect(page.getByRole("link", { name: /Upstream changed\s*1/ })).toBeVisible()
  await snap(page, "marketplace-overview")
  await page.goto(adminUrl("/marketplace/staging"))
  await expect(rowOf(page, "KL-10").getByTestId("upstream-changed")).toBeVisible()
  await expect(rowOf(page, "KL-11").getByTestId("upstream-changed")).toHaveCount(0)

  // The product page's widget: the staged source, the badge, and a re-publish.
  await rowOf(page, "KL-10").getByText("Published").click()
  await page.waitForURL(/\/products\/prod_/)
  const widget = page.getByTestId("product-staged-source")
  await expect(widget).toContainText("KL-10")
  await expect(widget.getByTestId("upstream-changed")).toBeVisible()
  await widget.scrollIntoViewIfNeeded()
  await snap(page, "marketplace-product-widget")
  await widget.getByRole("button", { name: "Re-publish" }).click()
  await expect(widget.getByTestId("upstream-changed")).toHaveCount(0, { timeout: 30_000 })
  await expectNoErrorToast(page)
  expect(errors).toEqual([])
  await page.context().close()
})

test("a platform admin follows every vendor's imports, users and the audit log, and sees an order's vendor", async ({ browser }) => {
  const { page, errors } = await signIn(browser, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
  await page.goto(adminUrl("/platform/imports"))
  await expect(rowOf(page, "Kiosk Lampen").first()).toBeVisible()
  await snap(page, "platform-imports")

  await page.goto(adminUrl("/platform/users"))
  const owner = rowOf(page, OWNER.email)
  await expect(owner).toContainText("Kiosk Lampen · Owner")
  await snap(page, "platform-users")

  await page.goto(adminUrl("/platform/audit-log"))
  await expect(rowOf(page, "/admin/vendors/import").first()).toBeVisible()
  await expect(rowOf(page, "/admin/marketplace/publish").first()).toBeVisible()
  await snap(page, "platform-audit-log")
  await expectNoErrorToast(page)

  // An order at lumiere (a shopper's checkout through the Store API), opened by the platform admin.
  const orderId = await placeOrderAtLumiere()
  await page.goto(adminUrl(`/orders/${orderId}`))
  const widget = page.getByTestId("order-vendor")
  await expect(widget).toContainText("Atelier Lumière (lumiere)")
  await widget.scrollIntoViewIfNeeded()
  await snap(page, "platform-order-vendor-widget")
  expect(errors).toEqual([])
  await page.context().close()
})

/** A guest checkout at lumiere with Medusa's manual payment; returns the order id. */
async function placeOrderAtLumiere() {
  const api = await platformApi()
  const { vendors } = await api("/admin/vendors?handle=lumiere&fields=api_key.token")
  const headers = { "content-type": "application/json", "x-publishable-api-key": vendors[0].api_key.token }
  const call = async (method: string, url: string, body?: object) => {
    const res = await fetch(backendUrl() + url, { method, headers, body: body && JSON.stringify(body) })
    const data = await res.json()
    expect(res.ok, `${method} ${url}: ${JSON.stringify(data).slice(0, 300)}`).toBe(true)
    return data
  }
  const { regions } = await call("GET", "/store/regions")
  const { products } = await call("GET", `/store/products?region_id=${regions[0].id}&fields=*variants&limit=1`)
  const address = { first_name: "Léa", last_name: "Muller", address_1: "1 rue du Marché", city: "Luxembourg", postal_code: "1111", country_code: "lu" }
  const { cart } = await call("POST", "/store/carts", {
    region_id: regions[0].id,
    email: "shopper@admin-browser.test",
    items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
    shipping_address: address,
    billing_address: address,
  })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await call("POST", `/store/carts/${cart.id}/complete`, {})
  expect(done.type).toBe("order")
  return done.order.id as string
}

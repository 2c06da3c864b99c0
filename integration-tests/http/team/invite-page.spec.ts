import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Browser } from "playwright-core"
import { launchChromium } from "../../helpers/browser"
import { useMailbox } from "../../helpers/mailbox"
import { adminHeaders, anyStatus, createLamp, PLATFORM_ADMIN, seedPlatform } from "../../helpers/platform"

jest.setTimeout(120 * 1000)

const mailbox = useMailbox()

/** The emailed link, opened in real Chromium: the invitee joins through the accept page. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let browser: Browser
    let owner: { headers: Record<string, string> }
    let roles: Record<string, string>

    beforeAll(async () => {
      browser = await launchChromium()
      await seedPlatform(getContainer())
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      await api.post("/admin/vendors", { handle: "loom", name: "Loom & Co", owner: { email: "owner@loom.test", password: "password-1" } }, platform)
      owner = await adminHeaders(api, "owner@loom.test", "password-1")
      roles = Object.fromEntries((await api.get("/admin/team/roles", owner)).data.roles.map((r: any) => [r.key, r.id]))
      await createLamp(api, owner, "Loom lamp", false)
    })
    afterAll(async () => {
      await browser?.close()
    })

    // The link points at MAART_PUBLIC_URL; the test server listens elsewhere: keep path and token.
    const openLink = async (email: string) => {
      const link = new URL(mailbox.link(email, /\/team\/invite\?token=/)!)
      const page = await browser.newPage()
      await page.goto(`${api.defaults.baseURL}${link.pathname}${link.search}`)
      return page
    }

    it("a new person creates an account, joins as Viewer, and can see but not change products", async () => {
      await api.post("/admin/team/invites", { email: "new@loom.test", role_id: roles.viewer }, owner)
      const page = await openLink("new@loom.test")
      await page.getByRole("heading", { name: "Join Loom & Co" }).waitFor()
      await page.getByText("You are invited as Viewer").waitFor()
      expect(await page.getByLabel("Email").inputValue()).toBe("new@loom.test")
      await page.getByLabel("First name").fill("Nina")
      await page.getByLabel("Password").fill("nina-pass-1")
      await page.getByRole("button", { name: "Create my account and join" }).click()
      await page.getByText("Welcome to the team").waitFor()
      await page.close()

      const viewer = await adminHeaders(api, "new@loom.test", "nina-pass-1")
      const me = await api.get("/admin/users/me", viewer)
      expect(me.data.user.first_name).toBe("Nina")
      const { data } = await api.get("/admin/products", viewer)
      expect(data.products.map((p: any) => p.title)).toEqual(["Loom lamp"])
      const change = await api.post(`/admin/products/${data.products[0].id}`, { title: "x" }, { ...viewer, ...anyStatus })
      expect(change.data.code).toBe("PERMISSION_DENIED")
    })

    it("an existing user signs in and joins", async () => {
      const platform = await adminHeaders(api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)
      await api.post("/admin/vendors", { handle: "weave", name: "Weave", owner: { email: "weaver@x.test", password: "weaver-pass-1" } }, platform)
      await api.post("/admin/team/invites", { email: "weaver@x.test", role_id: roles.editor }, owner)
      const page = await openLink("weaver@x.test")
      await page.getByRole("button", { name: "I have an account" }).click()
      await page.getByLabel("Password").fill("weaver-pass-1")
      await page.getByRole("button", { name: "Sign in and join" }).click()
      await page.getByText("Welcome to the team").waitFor()
      await page.close()
      const { data } = await api.get("/admin/me/vendors", await adminHeaders(api, "weaver@x.test", "weaver-pass-1"))
      expect(data.memberships.map((m: any) => m.role.name).sort()).toEqual(["Editor", "Owner"])
    })

    it("a revoked link says so and offers no form", async () => {
      const { data } = await api.post("/admin/team/invites", { email: "gone@loom.test", role_id: roles.viewer }, owner)
      await api.delete(`/admin/team/invites/${data.invite.id}`, owner)
      const page = await openLink("gone@loom.test")
      await page.getByRole("alert").filter({ hasText: "This invitation was revoked." }).waitFor()
      expect(await page.locator("form").isHidden()).toBe(true)
      await page.close()
    })
  },
})

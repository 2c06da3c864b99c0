import type { MedusaContainer } from "@medusajs/framework/types"
import type { AxiosInstance } from "axios"
import seedDemoData from "../../src/scripts/seed"

export const PLATFORM_ADMIN = { email: "platform@maart.test", password: "platform-secret-1" }

/** The demo seed (region, store, platform admin) — the same code `npm start` runs. */
export async function seedPlatform(container: MedusaContainer, { demoVendorPassword }: { demoVendorPassword?: string } = {}) {
  process.env.MAART_ADMIN_EMAIL = PLATFORM_ADMIN.email
  process.env.MAART_ADMIN_PASSWORD = PLATFORM_ADMIN.password
  if (demoVendorPassword) {
    process.env.MAART_DEMO_VENDOR_PASSWORD = demoVendorPassword
  }
  try {
    await seedDemoData({ container, args: [] } as any)
  } finally {
    delete process.env.MAART_DEMO_VENDOR_PASSWORD
  }
}

/** Logs an admin user in and returns request headers carrying its bearer token. */
export async function adminHeaders(api: AxiosInstance, email: string, password: string) {
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** Accept any status: assertions look at it. */
export const anyStatus = { validateStatus: () => true }

/** A published one-variant product made through the Admin API as `headers` (so the tenancy rules and hooks apply). */
export async function createLamp(api: AxiosInstance, headers: object, title: string, manageInventory: boolean) {
  const { data } = await api.post(
    "/admin/products",
    {
      title,
      status: "published",
      options: [{ title: "Size", values: ["S"] }],
      variants: [{ title: "S", options: { Size: "S" }, manage_inventory: manageInventory, prices: [{ currency_code: "eur", amount: 10 }] }],
    },
    headers
  )
  return data.product
}

/** A failed request reports what the API answered (axios errors cannot cross jest's worker boundary). */
export function explainFailedRequests(api: AxiosInstance) {
  api.interceptors.response.use(undefined, (e) =>
    Promise.reject(new Error(`${e.config?.method} ${e.config?.url} → ${e.response?.status} ${JSON.stringify(e.response?.data)}`))
  )
}

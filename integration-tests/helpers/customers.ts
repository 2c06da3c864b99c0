import type { AxiosInstance } from "axios"
import { anyStatus } from "./platform"

type Headers = Record<string, string>

export const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` })

/**
 * Shop customer accounts made the way a storefront makes them (docs/tenancy.md, "Customer accounts"):
 * a shop-emailpass identity, the account with its registration token, then a sign-in — all with the
 * shop's publishable key (`key`).
 */
export function shopAccounts(api: AxiosInstance) {
  const post = (url: string, body: object, headers: Headers) => api.post(url, body, { headers, ...anyStatus })

  /** POST /auth/customer/shop-emailpass, whatever it answers. */
  const login = (key: Headers, email: string, password: string) => post("/auth/customer/shop-emailpass", { email, password }, key)

  /** A new account at the shop of `key`; `auth` carries the key and the signed-in customer's token. */
  async function register(key: Headers, email: string, password: string, extra: object = {}) {
    const identity = await post("/auth/customer/shop-emailpass/register", { email, password }, key)
    if (identity.status !== 200) throw new Error(`register ${email}: ${identity.status} ${JSON.stringify(identity.data)}`)
    const created = await post("/store/customers", { email, ...extra }, { ...key, ...bearer(identity.data.token) })
    if (created.status !== 200) throw new Error(`account ${email}: ${created.status} ${JSON.stringify(created.data)}`)
    const session = await login(key, email, password)
    if (session.status !== 200) throw new Error(`login ${email}: ${session.status} ${JSON.stringify(session.data)}`)
    return { customer: created.data.customer, auth: { ...key, ...bearer(session.data.token) }, registrationToken: identity.data.token as string }
  }

  return { login, register }
}

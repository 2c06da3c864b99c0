import type { AuthenticationInput, AuthenticationResponse, AuthIdentityDTO, AuthIdentityProviderService, Logger } from "@medusajs/framework/types"
import { AbstractAuthModuleProvider, isString, MedusaError } from "@medusajs/framework/utils"
import scrypt from "scrypt-kdf"

export const SHOP_AUTH_PROVIDER = "shop-emailpass"

/**
 * The shop a request is for, written by the /auth middleware (src/api/auth/shop-auth.ts) from the
 * publishable key after removing whatever the client sent under that name.
 */
export const SHOP_HEADER = "x-maart-shop-vendor"

/** A customer identity is keyed by shop and email: the same address can hold one account per shop. */
export const shopEntityId = (vendorId: string, email: string) => `${vendorId}:${email.trim().toLowerCase()}`

type Options = { hashConfig?: { logN: number; r: number; p: number } }

/**
 * Email + password for shop customers, hashed like Medusa's emailpass (scrypt-kdf, same defaults),
 * but with identities per shop: the entity id is `<vendor id>:<email>`, so one address can register at
 * two shops with two passwords, and a login only finds the account of the shop whose key it carries.
 */
export default class ShopEmailPassProvider extends AbstractAuthModuleProvider {
  static identifier = SHOP_AUTH_PROVIDER
  static DISPLAY_NAME = "Shop customer email/password"

  protected readonly options_: Options
  protected readonly logger_: Logger

  constructor({ logger }: { logger: Logger }, options: Options = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as []))
    this.options_ = options
    this.logger_ = logger
  }

  async authenticate(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const input = this.credentials(data)
    if ("error" in input) {
      return { success: false, error: input.error }
    }
    const identity = await this.find(input.entityId, identities)
    if (identity && (await this.passwordMatches(input.password, identity))) {
      return { success: true, authIdentity: this.sanitize(identity) }
    }
    return { success: false, error: "Invalid email or password" }
  }

  async register(data: AuthenticationInput, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const input = this.credentials(data)
    if ("error" in input) {
      return { success: false, error: input.error }
    }
    const existing = await this.find(input.entityId, identities)
    if (existing) {
      // Like emailpass: a retry of an unfinished registration (no customer yet) gets its identity back.
      const unfinished = !existing.app_metadata?.customer_id && (await this.passwordMatches(input.password, existing))
      return unfinished ? { success: true, authIdentity: this.sanitize(existing) } : { success: false, error: "Identity with email already exists" }
    }
    const created = await identities.create({
      entity_id: input.entityId,
      provider_metadata: { password: await this.hash(input.password) },
    })
    return { success: true, authIdentity: this.sanitize(created) }
  }

  /** A new password (reset or change); the entity id comes from Medusa's validated token. */
  async update(data: Record<string, unknown>, identities: AuthIdentityProviderService): Promise<AuthenticationResponse> {
    const { entity_id, password } = data
    if (!isString(entity_id) || !entity_id) {
      return { success: false, error: `Cannot update ${this.provider} provider identity without entity_id` }
    }
    if (!isString(password) || !password) {
      return { success: true }
    }
    try {
      const identity = await identities.retrieve({ entity_id })
      const metadata = this.providerIdentity(identity)?.provider_metadata ?? {}
      const updated = await identities.update(entity_id, { provider_metadata: { ...metadata, password: await this.hash(password) } })
      return { success: true, authIdentity: this.sanitize(updated) }
    } catch (e) {
      return { success: false, error: (e as Error).message }
    }
  }

  /** Customers only, and only with the shop the /auth middleware found for the request. */
  private credentials(data: AuthenticationInput & { actor_type?: string }): { entityId: string; password: string } | { error: string } {
    const { email, password } = (data.body ?? {}) as Record<string, unknown>
    const vendorId = data.headers?.[SHOP_HEADER]
    if (data.actor_type !== undefined && data.actor_type !== "customer") {
      return { error: `${this.provider} is for shop customers only` }
    }
    if (!isString(vendorId) || !vendorId) {
      return { error: "A shop's publishable key is required" }
    }
    if (!isString(password) || !password) {
      return { error: "Password should be a string" }
    }
    if (!isString(email) || !email.trim()) {
      return { error: "Email should be a string" }
    }
    return { entityId: shopEntityId(vendorId, email), password }
  }

  private async find(entityId: string, identities: AuthIdentityProviderService): Promise<AuthIdentityDTO | null> {
    try {
      return await identities.retrieve({ entity_id: entityId })
    } catch (e) {
      if ((e as MedusaError).type === MedusaError.Types.NOT_FOUND) {
        return null
      }
      throw e
    }
  }

  private async hash(password: string) {
    const key = await scrypt.kdf(password, this.options_.hashConfig ?? { logN: 15, r: 8, p: 1 })
    return key.toString("base64")
  }

  private async passwordMatches(password: string, identity: AuthIdentityDTO) {
    const hash = this.providerIdentity(identity)?.provider_metadata?.password
    return isString(hash) && scrypt.verify(Buffer.from(hash, "base64"), password)
  }

  private providerIdentity(identity: AuthIdentityDTO) {
    return identity.provider_identities?.find((p) => p.provider === this.provider)
  }

  /** The identity without its password hash, as emailpass answers. */
  private sanitize(identity: AuthIdentityDTO): AuthIdentityDTO {
    const copy = JSON.parse(JSON.stringify(identity)) as AuthIdentityDTO
    delete this.providerIdentity(copy)?.provider_metadata?.password
    return copy
  }
}

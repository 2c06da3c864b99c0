import { z } from "@medusajs/framework/zod"
import { createFindParams, createSelectParams } from "@medusajs/medusa/api/utils/validators"

const Language = z.enum(["fr", "de", "en", "lb"])

const Address = z.object({
  line1: z.string().optional(),
  city: z.string().optional(),
  postal_code: z.string().optional(),
  country_code: z.string().length(2).optional(),
})

const Theme = z.object({
  primary_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  accent_color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
  logo_url: z.string().url().optional(),
  font: z.string().optional(),
})

const FeedUrl = z.string().url().regex(/^https?:\/\//)
// A URL per language, any subset of them.
const FeedUrls = z.object({ fr: FeedUrl.optional(), de: FeedUrl.optional(), en: FeedUrl.optional(), lb: FeedUrl.optional() }).strict()

export const AdminGetVendorParams = createSelectParams()

export type AdminGetVendorsParamsType = z.infer<typeof AdminGetVendorsParams>
export const AdminGetVendorsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  q: z.string().optional(),
  status: z.union([z.enum(["pending", "active", "suspended"]), z.array(z.enum(["pending", "active", "suspended"]))]).optional(),
  handle: z.union([z.string(), z.array(z.string())]).optional(),
})

const VendorFields = {
  name: z.string().trim().min(1),
  email: z.string().email().nullish(),
  phone: z.string().nullish(),
  address: Address.nullish(),
  default_language: Language.optional(),
  languages: z.array(Language).min(1).optional(),
  theme: Theme.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
}

export type AdminCreateVendorType = z.infer<typeof AdminCreateVendor>
export const AdminCreateVendor = z
  .object({
    handle: z.string(),
    ...VendorFields,
    // Kept in the vendor's marketplace feed configuration (then changed at /admin/marketplace/feed-config).
    letzshop_feeds: FeedUrls.nullish(),
    owner: z.object({
      email: z.string().email(),
      first_name: z.string().nullish(),
      last_name: z.string().nullish(),
      password: z.string().min(8).nullish(),
    }),
  })
  .strict()

export type AdminUpdateVendorType = z.infer<typeof AdminUpdateVendor>
export const AdminUpdateVendor = z
  .object({ handle: z.string().optional(), ...VendorFields, name: VendorFields.name.optional(), stripe_account_id: z.string().nullish() })
  .strict()

export type AdminDeleteVendorParamsType = z.infer<typeof AdminDeleteVendorParams>
export const AdminDeleteVendorParams = z.object({
  force: z.preprocess((v) => v === "true" || v === true, z.boolean()).optional(),
})

export type AdminImportVendorsType = z.infer<typeof AdminImportVendors>
export const AdminImportVendors = z.object({ csv: z.string().min(1), dry_run: z.boolean().optional() }).strict()

export type AdminAddVendorDomainType = z.infer<typeof AdminAddVendorDomain>
export const AdminAddVendorDomain = z.object({ hostname: z.string().min(1).max(253) }).strict()

export type AdminVerifyVendorDomainType = z.infer<typeof AdminVerifyVendorDomain>
/** `confirmed`: the platform admin vouches for the domain without the DNS check. */
export const AdminVerifyVendorDomain = z.object({ confirmed: z.boolean().optional() }).strict()

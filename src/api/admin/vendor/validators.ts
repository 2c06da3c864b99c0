import { z } from "@medusajs/framework/zod"
import { AdminAddVendorDomain, AdminUpdateVendor } from "../vendors/validators"

/**
 * What a vendor's team may change on its own vendor (settings.edit): its profile, languages, theme and
 * Stripe Connect account (null clears it) — the platform's update without the handle and metadata.
 */
export type AdminUpdateActiveVendorType = z.infer<typeof AdminUpdateActiveVendor>
export const AdminUpdateActiveVendor = AdminUpdateVendor.pick({
  name: true,
  email: true,
  phone: true,
  address: true,
  default_language: true,
  languages: true,
  theme: true,
  stripe_account_id: true,
}).strict()

/** A custom domain for the active vendor: verified by its TXT record only (no platform confirmation). */
export type AdminAddActiveVendorDomainType = z.infer<typeof AdminAddActiveVendorDomain>
export const AdminAddActiveVendorDomain = AdminAddVendorDomain

export const AdminVerifyActiveVendorDomain = z.object({}).strict()

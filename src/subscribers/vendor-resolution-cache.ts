import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { Modules } from "@medusajs/framework/utils"
import { invalidateVendorResolutions } from "../lib/vendor-resolution-cache"

/** Any change to a vendor or its domains makes every cached host resolution stale. */
export default async function vendorResolutionCacheHandler({ container }: SubscriberArgs<{ id: string }>) {
  await invalidateVendorResolutions(container.resolve(Modules.CACHE))
}

export const config: SubscriberConfig = {
  event: [
    "vendor.created",
    "vendor.updated",
    "vendor.activated",
    "vendor.suspended",
    "vendor.verified",
    "vendor.deleted",
    "vendor_domain.created",
    "vendor_domain.updated",
    "vendor_domain.deleted",
  ],
  context: { subscriberId: "maart-vendor-resolution-cache" },
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"

/**
 * Offers every enabled payment provider (the manual one; Stripe, `pp_stripe_stripe`, when STRIPE_API_KEY
 * configures it) in the platform region, where every shop sells: Medusa refuses a payment session with a
 * provider its region does not offer. Run by the seed on each start, so setting STRIPE_API_KEY later is
 * enough; adds, never removes. Returns the providers it added.
 */
export async function offerPaymentProviders(container: MedusaContainer): Promise<string[]> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_region_id"] })
  if (!store?.default_region_id) {
    return []
  }
  const enabled = await container.resolve(Modules.PAYMENT).listPaymentProviders({ is_enabled: true })
  const {
    data: [region],
  } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "region", fields: ["id", "payment_providers.id"], filters: { id: store.default_region_id } })
  const offered = (region?.payment_providers ?? []).flatMap((p) => (p ? [p.id] : []))
  const missing = enabled.map((p) => p.id).filter((id) => !offered.includes(id))
  if (region && missing.length) {
    // Medusa's update sets the region's whole list of providers.
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [...offered, ...missing] } },
    })
  }
  return missing
}

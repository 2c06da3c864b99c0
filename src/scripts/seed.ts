import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { seedDemoVendors } from "./demo-vendors"
import { offerPaymentProviders } from "./payment-providers"
import {
  createRegionsWorkflow,
  createTaxRegionsWorkflow,
  createUserAccountWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

const PLATFORM_COUNTRY = "lu"
const PLATFORM_CURRENCY = "eur"

/**
 * Demo data for `npm start`, applied once: the store, the Luxembourg region
 * with its tax region, a platform admin and — with MAART_DEMO_VENDOR_PASSWORD —
 * two demo shops (src/scripts/demo-vendors.ts). Re-running it changes nothing.
 * Credentials come from MAART_ADMIN_EMAIL / MAART_ADMIN_PASSWORD (the launcher
 * generates and keeps them in .maart/demo-credentials.json).
 */
export default async function seedDemoData({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const storeModule = container.resolve(Modules.STORE)
  const regionModule = container.resolve(Modules.REGION)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const say = (msg: string) => logger.info(`[seed] ${msg}`)

  const [store] = await storeModule.listStores()
  if (store?.metadata?.maart_seeded_at) {
    say(`demo data already present (seeded ${store.metadata.maart_seeded_at})`)
    const added = await offerPaymentProviders(container)
    if (added.length) {
      say(`payment providers ${added.join(", ")} offered in the platform region`)
    }
    return
  }
  const vendorPassword = process.env.MAART_DEMO_VENDOR_PASSWORD

  let [region] = await regionModule.listRegions({ name: "Luxembourg" })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [
          {
            name: "Luxembourg",
            currency_code: PLATFORM_CURRENCY,
            countries: [PLATFORM_COUNTRY],
            payment_providers: ["pp_system_default"],
            automatic_taxes: true,
          },
        ],
      },
    })
    region = result[0]
    await createTaxRegionsWorkflow(container).run({
      input: [
        {
          country_code: PLATFORM_COUNTRY,
          provider_id: "tp_system",
          default_tax_rate: { rate: 17, code: "LU-TVA-17", name: "TVA 17%" },
        },
      ],
    })
  }

  const email = process.env.MAART_ADMIN_EMAIL || "admin@maart.localhost"
  const password = process.env.MAART_ADMIN_PASSWORD
  const [existing] = await userModule.listUsers({ email })
  if (!existing) {
    if (!password) {
      throw new Error("MAART_ADMIN_PASSWORD is required to create the platform admin")
    }
    const { authIdentity, error } = await authModule.register("emailpass", { body: { email, password } })
    if (error || !authIdentity) {
      throw new Error(`could not register the platform admin: ${error}`)
    }
    await createUserAccountWorkflow(container).run({
      input: {
        authIdentityId: authIdentity.id,
        userData: { email, first_name: "Platform", last_name: "Admin", metadata: { platform_admin: true } },
      },
    })
    say(`platform admin ${email} created`)
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Maart",
        supported_currencies: [{ currency_code: PLATFORM_CURRENCY, is_default: true }],
        default_region_id: region.id,
      },
    },
  })
  say("store, Luxembourg region (EUR, TVA 17%) and platform admin are ready")
  // pp_system_default, and Stripe when configured.
  await offerPaymentProviders(container)

  if (vendorPassword) {
    for (const { handle, owner } of await seedDemoVendors(container, vendorPassword, PLATFORM_CURRENCY)) {
      say(`demo shop ${handle} (http://${handle}.localhost) with owner ${owner}`)
    }
  }
  // Marked last: a seed that failed half-way runs again on the next start.
  await storeModule.updateStores(store.id, {
    metadata: { ...(store.metadata ?? {}), maart_seeded_at: new Date().toISOString() },
  })
}

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow, updateCartWorkflow } from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../../modules/tenancy"

type Undo = { cart_id: string; customer_id: string | null; swapped?: boolean; created_customer_id?: string; linked_customer_id?: string; vendor_id: string }

const vendorLink = (vendorId: string, customerId: string) => ({
  [TENANCY_MODULE]: { vendor_id: vendorId },
  [Modules.CUSTOMER]: { customer_id: customerId },
})

/**
 * A cart's customer must be one of the cart's shop. Medusa's findOrCreateCustomerStep takes the first
 * customer on the platform with the cart's email, which can be another shop's account (findings.md):
 * such a cart gets the shop's own customer with that email instead — its account, else its guest,
 * else a new guest of the shop. A guest Medusa has just made (tied to no shop) is tied to this one.
 */
async function keepCartCustomerInShop(cartId: string, container: MedusaContainer): Promise<Undo | undefined> {
  const carts = container.resolve(Modules.CART)
  const cart = await carts.retrieveCart(cartId, { select: ["id", "email", "customer_id", "sales_channel_id"] })
  if (!cart.customer_id || !cart.sales_channel_id) {
    return
  }
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const [shop] = (await link.list({
    [TENANCY_MODULE]: { vendor_id: { $ne: null } },
    [Modules.SALES_CHANNEL]: { sales_channel_id: cart.sales_channel_id },
  })) as { vendor_id: string }[]
  if (!shop) {
    return
  }
  const vendorId = shop.vendor_id
  const owners = (await link.list({
    [TENANCY_MODULE]: { vendor_id: { $ne: null } },
    [Modules.CUSTOMER]: { customer_id: cart.customer_id },
  })) as { vendor_id: string }[]
  if (owners.some((o) => o.vendor_id === vendorId)) {
    return
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const undo: Undo = { cart_id: cart.id, customer_id: cart.customer_id, vendor_id: vendorId }
  const [current] = await customers.listCustomers({ id: cart.customer_id }, { select: ["id", "has_account"] })
  if (!owners.length && current && !current.has_account) {
    await link.create(vendorLink(vendorId, current.id))
    return { ...undo, linked_customer_id: current.id }
  }

  const sameEmail = cart.email ? await customers.listCustomers({ email: cart.email }, { select: ["id", "has_account"] }) : []
  const ours = sameEmail.length
    ? ((await link.list({
        [TENANCY_MODULE]: { vendor_id: vendorId },
        [Modules.CUSTOMER]: { customer_id: sameEmail.map((c) => c.id) },
      })) as { customer_id: string }[])
    : []
  const ownIds = new Set(ours.map((l) => l.customer_id))
  const own = sameEmail.filter((c) => ownIds.has(c.id)).sort((x, y) => Number(y.has_account) - Number(x.has_account))[0]
  let customerId = own?.id
  if (!customerId) {
    const guest = await customers.createCustomers({ email: cart.email! })
    await link.create(vendorLink(vendorId, guest.id))
    customerId = undo.created_customer_id = undo.linked_customer_id = guest.id
  }
  await carts.updateCarts(cart.id, { customer_id: customerId })
  return { ...undo, swapped: true }
}

async function undoCartCustomer(undo: Undo | undefined, container: MedusaContainer) {
  if (!undo) {
    return
  }
  if (undo.swapped) {
    await container.resolve(Modules.CART).updateCarts(undo.cart_id, { customer_id: undo.customer_id })
  }
  if (undo.linked_customer_id) {
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(vendorLink(undo.vendor_id, undo.linked_customer_id))
  }
  if (undo.created_customer_id) {
    await container.resolve(Modules.CUSTOMER).deleteCustomers(undo.created_customer_id)
  }
}

createCartWorkflow.hooks.cartCreated(
  async ({ cart }, { container }) => new StepResponse(undefined, await keepCartCustomerInShop(cart.id, container)),
  async (undo, { container }) => undoCartCustomer(undo, container)
)

updateCartWorkflow.hooks.cartUpdated(
  async ({ cart }, { container }) => new StepResponse(undefined, await keepCartCustomerInShop(cart.id, container)),
  async (undo, { container }) => undoCartCustomer(undo, container)
)

import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import { TENANCY_MODULE } from "../../modules/tenancy"

/** A customer created by a vendor's team belongs to that vendor's shop. */
createCustomersWorkflow.hooks.customersCreated(
  async ({ customers, additional_data }, { container }) => {
    const vendorId = additional_data?.vendor_id as string | undefined
    if (!vendorId || !customers.length) {
      return new StepResponse(undefined, undefined)
    }
    const links = customers.map((c) => ({ [TENANCY_MODULE]: { vendor_id: vendorId }, [Modules.CUSTOMER]: { customer_id: c.id } }))
    await container.resolve(ContainerRegistrationKeys.LINK).create(links)
    return new StepResponse(undefined, links)
  },
  async (links, { container }) => {
    if (links?.length) {
      await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
    }
  }
)

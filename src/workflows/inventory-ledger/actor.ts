import { currentRequestActor } from "../../lib/actor-context"
import type { MovementActor } from "../../modules/inventory-ledger/service"

/**
 * Who made a stock change: the admin user Medusa recorded on the record itself
 * (`created_by` of a fulfillment or reservation), else the admin user of the
 * request it ran in (src/lib/actor-context.ts), else the customer given, else the system.
 */
export function movementActor(recordedBy?: string | null, customerId?: string | null): MovementActor {
  if (recordedBy?.startsWith("user_")) {
    return { actor_type: "user", actor_id: recordedBy }
  }
  const request = currentRequestActor()
  if (request) {
    return { actor_type: request.actor_type, actor_id: request.actor_id }
  }
  if (customerId) {
    return { actor_type: "customer", actor_id: customerId }
  }
  return { actor_type: "system", actor_id: null }
}

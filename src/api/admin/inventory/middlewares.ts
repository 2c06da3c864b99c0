import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { actorContext } from "../../../lib/actor-context"
import { adjustmentRecorder } from "./adjustment-recorder"
import { listInventoryMovementQueryConfig } from "./movements/query-config"
import { AdminGetInventoryMovementsParams } from "./movements/validators"

export const adminInventoryMovementRoutesMiddlewares: MiddlewareRoute[] = [
  // No `methods`: every admin request runs inside its actor context, so workflows it starts (and the
  // in-process event bus's subscribers) know the admin user behind a stock change.
  { matcher: "/admin*", middlewares: [actorContext] },
  // After Medusa's validators: the recorder reads the validated body of the level writes.
  { methods: ["POST", "DELETE"], matcher: "/admin/inventory-items*", middlewares: [adjustmentRecorder] },
  {
    methods: ["GET"],
    matcher: "/admin/inventory/movements",
    middlewares: [validateAndTransformQuery(AdminGetInventoryMovementsParams, listInventoryMovementQueryConfig)],
  },
]

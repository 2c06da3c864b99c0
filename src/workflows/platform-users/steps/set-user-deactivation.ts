import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type SetUserDeactivationInput = { user_id: string; deactivated: boolean; actor_id: string }

type Marks = { deactivated_at?: unknown; deactivated_by?: unknown }

export const setUserDeactivationStepId = "set-user-deactivation"

/**
 * Sets or clears `metadata.deactivated_at` / `deactivated_by`, keeping every
 * other key (platform_admin…). Medusa's internal service merges metadata and
 * deletes a key given as "", so the full object is written with "" for the
 * cleared marks: right whether the update merges or replaces. Compensation
 * puts the previous marks back.
 */
export const setUserDeactivationStep = createStep(
  setUserDeactivationStepId,
  async (input: SetUserDeactivationInput, { container }) => {
    const users = container.resolve(Modules.USER)
    const { metadata } = await users.retrieveUser(input.user_id, { select: ["id", "metadata"] })
    const before: Marks = { deactivated_at: metadata?.deactivated_at, deactivated_by: metadata?.deactivated_by }
    const marks = input.deactivated
      ? { deactivated_at: new Date().toISOString(), deactivated_by: input.actor_id }
      : { deactivated_at: "", deactivated_by: "" }
    const user = await users.updateUsers({ id: input.user_id, metadata: { ...(metadata ?? {}), ...marks } })
    return new StepResponse(user, { user_id: input.user_id, ...before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const users = container.resolve(Modules.USER)
    const { metadata } = await users.retrieveUser(undo.user_id, { select: ["id", "metadata"] })
    await users.updateUsers({
      id: undo.user_id,
      metadata: { ...(metadata ?? {}), deactivated_at: undo.deactivated_at ?? "", deactivated_by: undo.deactivated_by ?? "" },
    })
  }
)

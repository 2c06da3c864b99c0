import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ErrorCodes, maartError } from "../../../lib/errors"

export type VendorOwnerInput = {
  email: string
  first_name?: string | null
  last_name?: string | null
  password?: string | null
}

type OwnerUndo = { userId?: string; authIdentityId?: string }

export const createVendorOwnerStepId = "create-vendor-owner"

/**
 * The vendor's owner as an admin user: an existing user (same email) is
 * reused — a user may belong to many vendors — otherwise a user and an
 * emailpass identity are created. Compensation removes only what it created.
 */
export const createVendorOwnerStep = createStep(
  createVendorOwnerStepId,
  async (input: VendorOwnerInput, { container }) => {
    const userModule = container.resolve(Modules.USER)
    const authModule = container.resolve(Modules.AUTH)
    const email = input.email.trim().toLowerCase()

    const [existing] = await userModule.listUsers({ email })
    if (existing) {
      return new StepResponse(existing, {} as OwnerUndo)
    }
    if (!input.password) {
      throw maartError("INVALID_DATA", ErrorCodes.VENDOR_OWNER_PASSWORD_REQUIRED, `No user has the email ${email}: give the owner an initial password.`)
    }
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email, password: input.password },
    })
    if (error || !authIdentity) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Could not register ${email}: ${error}`)
    }
    // A step that fails is not compensated: undo the identity here if the user cannot be made.
    let user: Awaited<ReturnType<typeof userModule.createUsers>> & { id: string }
    try {
      user = await userModule.createUsers({
        email,
        first_name: input.first_name ?? null,
        last_name: input.last_name ?? null,
      })
      await authModule.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
    } catch (e) {
      await authModule.deleteAuthIdentities([authIdentity.id])
      throw e
    }
    return new StepResponse(user, { userId: user.id, authIdentityId: authIdentity.id } as OwnerUndo)
  },
  async (undo, { container }) => {
    if (!undo?.userId || !undo.authIdentityId) {
      return // the owner existed before: not ours to remove
    }
    await container.resolve(Modules.AUTH).deleteAuthIdentities([undo.authIdentityId])
    await container.resolve(Modules.USER).deleteUsers([undo.userId])
  }
)

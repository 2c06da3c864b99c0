import { randomBytes } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateResetPasswordTokenWorkflow } from "@medusajs/medusa/core-flows"
import { ErrorCodes, isMaartCode } from "../../../lib/errors"
import type { PasswordResetCandidate } from "./select-password-reset-users"

export type PasswordResetReport = {
  user_id: string
  email: string
  status: "sent" | "skipped" | "failed"
  code?: string
}

/** A replaced password: the identity and its provider metadata (old hash) before. */
type Replaced = { provider_identity_id: string; provider_metadata: Record<string, unknown> | null }

/** Users reset at a time: each costs a scrypt hash, run on libuv's thread pool. */
const CHUNK = 10

export const resetUserPasswordsStepId = "reset-user-passwords"

/**
 * For each user, in chunks: replaces the emailpass password with 32 random
 * bytes nobody knows (the old one stops working at once), then runs Medusa's
 * generateResetPasswordTokenWorkflow with `metadata.forced`, whose
 * `auth.password_reset` event the password-reset-email subscriber mails.
 * A deactivated user's password is replaced too (a leaked one must not come
 * back with reactivation) but no link is sent: `skipped`, USER_DEACTIVATED.
 * A user without an emailpass identity is `skipped`, USER_NO_PASSWORD. When
 * the token cannot be issued the old password is put back: `failed`.
 * Compensation restores the old hashes of every replaced password.
 */
export const resetUserPasswordsStep = createStep(
  resetUserPasswordsStepId,
  async (users: PasswordResetCandidate[], { container }) => {
    const reports: PasswordResetReport[] = []
    const replaced: Replaced[] = []
    for (let i = 0; i < users.length; i += CHUNK) {
      const chunk = await Promise.all(users.slice(i, i + CHUNK).map((user) => resetOne(container, user)))
      for (const { report, undo } of chunk) {
        reports.push(report)
        if (undo) {
          replaced.push(undo)
        }
      }
    }
    return new StepResponse(reports, replaced)
  },
  async (replaced, { container }) => {
    if (!replaced?.length) {
      return
    }
    await container.resolve(Modules.AUTH).updateProviderIdentities(
      replaced.map((r) => ({ id: r.provider_identity_id, provider_metadata: r.provider_metadata ?? undefined }))
    )
  }
)

async function resetOne(container: MedusaContainer, user: PasswordResetCandidate): Promise<{ report: PasswordResetReport; undo?: Replaced }> {
  const auth = container.resolve(Modules.AUTH)
  const base = { user_id: user.id, email: user.email }
  const [identity] = await auth.listProviderIdentities({ provider: "emailpass", entity_id: user.email }, { select: ["id", "provider_metadata"] })
  if (!identity) {
    return { report: { ...base, status: "skipped", code: ErrorCodes.USER_NO_PASSWORD } }
  }
  const undo: Replaced = { provider_identity_id: identity.id, provider_metadata: identity.provider_metadata ?? null }
  const changed = await auth.updateProvider("emailpass", { entity_id: user.email, password: randomBytes(32).toString("base64url") })
  if (!changed.success) {
    return { report: failed(container, base, changed.error) }
  }
  if (user.deactivated) {
    return { report: { ...base, status: "skipped", code: ErrorCodes.USER_DEACTIVATED }, undo }
  }
  try {
    const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
    await generateResetPasswordTokenWorkflow(container).run({
      input: {
        entityId: user.email,
        actorType: "user",
        provider: "emailpass",
        secret: http.jwtSecret!,
        jwtOptions: http.jwtOptions,
        metadata: { forced: true },
      },
    })
  } catch (e) {
    // No link, so no new password either: the old one is put back.
    await auth.updateProviderIdentities({ id: undo.provider_identity_id, provider_metadata: undo.provider_metadata ?? undefined })
    return { report: failed(container, base, e) }
  }
  return { report: { ...base, status: "sent" }, undo }
}

function failed(container: MedusaContainer, base: { user_id: string; email: string }, error: unknown): PasswordResetReport {
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Password reset of user ${base.user_id} failed: ${(error as { message?: string } | undefined)?.message ?? error}`)
  const code = (error as { code?: unknown } | undefined)?.code
  return { ...base, status: "failed", code: isMaartCode(code) ? code : ErrorCodes.PASSWORD_RESET_FAILED }
}

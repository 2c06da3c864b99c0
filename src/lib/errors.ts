import { MedusaError } from "@medusajs/framework/utils"

/**
 * Maart's stable, machine-readable error codes (docs/errors.md lists them with
 * their HTTP status). Errors without one of these get a generic code derived
 * from their MedusaError type (see GENERIC_CODES).
 */
export const ErrorCodes = {
  VENDOR_NOT_FOUND: "VENDOR_NOT_FOUND",
  VENDOR_SUSPENDED: "VENDOR_SUSPENDED",
  VENDOR_HANDLE_INVALID: "VENDOR_HANDLE_INVALID",
  VENDOR_HANDLE_RESERVED: "VENDOR_HANDLE_RESERVED",
  VENDOR_HANDLE_TAKEN: "VENDOR_HANDLE_TAKEN",
  VENDOR_HAS_ORDERS: "VENDOR_HAS_ORDERS",
  VENDOR_DOMAIN_INVALID: "VENDOR_DOMAIN_INVALID",
  VENDOR_DOMAIN_TAKEN: "VENDOR_DOMAIN_TAKEN",
  VENDOR_DOMAIN_UNVERIFIED: "VENDOR_DOMAIN_UNVERIFIED",
  VENDOR_OWNER_PASSWORD_REQUIRED: "VENDOR_OWNER_PASSWORD_REQUIRED",
  VENDOR_CONTEXT_REQUIRED: "VENDOR_CONTEXT_REQUIRED",
  VENDOR_ACCESS_DENIED: "VENDOR_ACCESS_DENIED",
  NOT_FOUND: "NOT_FOUND",
  OUTSIDE_VENDOR_SCOPE: "OUTSIDE_VENDOR_SCOPE",
  SHOP_KEY_REQUIRED: "SHOP_KEY_REQUIRED",
  CUSTOMER_OF_ANOTHER_SHOP: "CUSTOMER_OF_ANOTHER_SHOP",
  CUSTOMER_IDENTITY_MISMATCH: "CUSTOMER_IDENTITY_MISMATCH",
  CUSTOMER_EMAIL_TAKEN: "CUSTOMER_EMAIL_TAKEN",
  PRODUCT_NOT_IN_SHOP: "PRODUCT_NOT_IN_SHOP",
  INSUFFICIENT_INVENTORY: "INSUFFICIENT_INVENTORY",
  PAYMENT_NOT_AUTHORIZED: "PAYMENT_NOT_AUTHORIZED",
  STRIPE_ACCOUNT_INVALID: "STRIPE_ACCOUNT_INVALID",
  STRIPE_WEBHOOK_SIGNATURE_INVALID: "STRIPE_WEBHOOK_SIGNATURE_INVALID",
  STATS_RANGE_INVALID: "STATS_RANGE_INVALID",
  IMPORT_UNREADABLE: "IMPORT_UNREADABLE",
  IMPORT_EMPTY: "IMPORT_EMPTY",
  IMPORT_HEADER_INVALID: "IMPORT_HEADER_INVALID",
  PLATFORM_ADMIN_REQUIRED: "PLATFORM_ADMIN_REQUIRED",
  METRICS_TOKEN_REQUIRED: "METRICS_TOKEN_REQUIRED",
  PLATFORM_REGION_MISSING: "PLATFORM_REGION_MISSING",
  IMPORT_SOURCE_REQUIRED: "IMPORT_SOURCE_REQUIRED",
  IMPORT_LANGUAGE_INVALID: "IMPORT_LANGUAGE_INVALID",
  IMPORT_DOWNLOAD_FAILED: "IMPORT_DOWNLOAD_FAILED",
  IMPORT_URL_FORBIDDEN: "IMPORT_URL_FORBIDDEN",
  IMPORT_NO_ROWS: "IMPORT_NO_ROWS",
  IMPORT_NOTHING_IMPORTED: "IMPORT_NOTHING_IMPORTED",
  IMPORT_INTERRUPTED: "IMPORT_INTERRUPTED",
  IMPORT_NOT_CANCELLABLE: "IMPORT_NOT_CANCELLABLE",
  PUBLISH_JOB_RUNNING: "PUBLISH_JOB_RUNNING",
  PUBLISH_JOB_NOT_CANCELLABLE: "PUBLISH_JOB_NOT_CANCELLABLE",
  PUBLISH_CHUNK_FAILED: "PUBLISH_CHUNK_FAILED",
  PUBLISH_FAILED: "PUBLISH_FAILED",
  PUBLISH_INTERRUPTED: "PUBLISH_INTERRUPTED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_ATTEMPTS",
  RATE_LIMITED: "RATE_LIMITED",
  IDEMPOTENCY_KEY_INVALID: "IDEMPOTENCY_KEY_INVALID",
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  IDEMPOTENCY_KEY_IN_PROGRESS: "IDEMPOTENCY_KEY_IN_PROGRESS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  PERMISSION_DENIED: "PERMISSION_DENIED",
  USER_DEACTIVATED: "USER_DEACTIVATED",
  USER_SELF_DEACTIVATION: "USER_SELF_DEACTIVATION",
  USER_NO_PASSWORD: "USER_NO_PASSWORD",
  PASSWORD_RESET_FAILED: "PASSWORD_RESET_FAILED",
  TEAM_LAST_OWNER: "TEAM_LAST_OWNER",
  TEAM_ROLE_PROTECTED: "TEAM_ROLE_PROTECTED",
  TEAM_ROLE_IN_USE: "TEAM_ROLE_IN_USE",
  TEAM_ROLE_NAME_TAKEN: "TEAM_ROLE_NAME_TAKEN",
  TEAM_ROLE_ABOVE_YOURS: "TEAM_ROLE_ABOVE_YOURS",
  TEAM_ALREADY_MEMBER: "TEAM_ALREADY_MEMBER",
  INVITE_PENDING: "INVITE_PENDING",
  INVITE_NOT_FOUND: "INVITE_NOT_FOUND",
  INVITE_EXPIRED: "INVITE_EXPIRED",
  INVITE_USED: "INVITE_USED",
  INVITE_REVOKED: "INVITE_REVOKED",
  INVITE_EMAIL_MISMATCH: "INVITE_EMAIL_MISMATCH",
  INVITE_IDENTITY_REQUIRED: "INVITE_IDENTITY_REQUIRED",
  MEDIA_FILE_REQUIRED: "MEDIA_FILE_REQUIRED",
  MEDIA_TYPE_NOT_ALLOWED: "MEDIA_TYPE_NOT_ALLOWED",
  MEDIA_FILE_IN_USE: "MEDIA_FILE_IN_USE",
} as const

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/** The code an error gets when it carries none of its own, by MedusaError type. */
export const GENERIC_CODES: Record<string, string> = {
  [MedusaError.Types.NOT_FOUND]: "NOT_FOUND",
  [MedusaError.Types.INVALID_DATA]: "INVALID_DATA",
  [MedusaError.Types.NOT_ALLOWED]: "NOT_ALLOWED",
  [MedusaError.Types.UNAUTHORIZED]: "UNAUTHORIZED",
  [MedusaError.Types.FORBIDDEN]: "FORBIDDEN",
  payload_too_large: "PAYLOAD_TOO_LARGE",
  [MedusaError.Types.CONFLICT]: "CONFLICT",
  [MedusaError.Types.DUPLICATE_ERROR]: "DUPLICATE",
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: "PAYMENT_AUTHORIZATION_FAILED",
  [MedusaError.Types.DB_ERROR]: "DATABASE_ERROR",
  [MedusaError.Types.UNEXPECTED_STATE]: "UNEXPECTED_STATE",
  [MedusaError.Types.INVALID_ARGUMENT]: "INVALID_ARGUMENT",
}

export type MaartError = MedusaError & { details?: Record<string, unknown> }

/**
 * A MedusaError carrying one of Maart's codes, and optional details (row,
 * column, field…) that the error handler passes through to the client.
 */
export function maartError(
  type: keyof typeof MedusaError.Types,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>
): MaartError {
  const error = new MedusaError(MedusaError.Types[type], message, code) as MaartError
  if (details) {
    error.details = details
  }
  return error
}

export const isMaartCode = (code: unknown): code is string =>
  typeof code === "string" && /^[A-Z][A-Z0-9_]*$/.test(code)

/**
 * Medusa refuses a sale beyond stock in two places, only one of them with a
 * code (`insufficient_inventory` when confirming, a bare NOT_ALLOWED message
 * from the inventory module when reserving at completion): both are
 * INSUFFICIENT_INVENTORY to clients. The error handler asks this when an error has no Maart code.
 */
export function codeOfMedusaError(err: { code?: unknown; type?: unknown; message?: unknown }): ErrorCode | undefined {
  if (err?.code === MedusaError.Codes.INSUFFICIENT_INVENTORY) {
    return ErrorCodes.INSUFFICIENT_INVENTORY
  }
  if (err?.type === MedusaError.Types.NOT_ALLOWED && /^Not enough stock available for item /.test(String(err.message))) {
    return ErrorCodes.INSUFFICIENT_INVENTORY
  }
  // Checkout with a payment the provider did not authorize (a declined card, an unconfirmed intent).
  if (err?.type === MedusaError.Types.NOT_ALLOWED && /^Session: \S+ was not authorized with the provider\.$/.test(String(err.message))) {
    return ErrorCodes.PAYMENT_NOT_AUTHORIZED
  }
  return undefined
}

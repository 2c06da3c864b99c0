import { z } from "@medusajs/framework/zod"

const OneOrMany = z.union([z.string(), z.array(z.string())])
const IsoDate = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), { message: "Expected an ISO date." })
  .transform((v) => new Date(v))
const STATUS = z.enum(["success", "failure", "pending"])

/**
 * The shop's notification log (GET /admin/notifications for a vendor member). A superset of Medusa's
 * own parameters for that route (q, id, channel, to, fields), so the dashboard's notification bell keeps
 * working for members: `to` is the recipient, as in Medusa; dates are `date_from`/`date_to`.
 */
export const VendorNotificationLogParams = z
  .object({
    limit: z.preprocess((v) => (v === undefined ? undefined : Number(v)), z.number().int().min(1).max(100)).default(20),
    offset: z.preprocess((v) => (v === undefined ? undefined : Number(v)), z.number().int().min(0)).default(0),
    order: z.enum(["created_at", "-created_at"]).default("-created_at"),
    status: z.union([STATUS, z.array(STATUS)]).optional(),
    template: OneOrMany.optional(),
    channel: OneOrMany.optional(),
    id: OneOrMany.optional(),
    to: OneOrMany.optional(),
    /** Part of the recipient's address. */
    q: z.string().max(200).optional(),
    /** The order the email is about. */
    order_id: z.string().optional(),
    date_from: IsoDate.optional(),
    date_to: IsoDate.optional(),
    // Medusa's `fields` (the bell asks for created_at): the log answers its own fields.
    fields: z.string().optional(),
  })
  .strict()
export type VendorNotificationLogParamsType = z.infer<typeof VendorNotificationLogParams>

const Text = (max: number) => z.string().max(max).nullable().optional()

export const AdminUpsertNotificationTemplate = z
  .object({
    language: z.string(),
    /** A text sets it; null or "" puts the built-in text back; absent leaves it. */
    subject: Text(200),
    intro: Text(4000),
    enabled: z.boolean().optional(),
  })
  .strict()
export type AdminUpsertNotificationTemplateType = z.infer<typeof AdminUpsertNotificationTemplate>

/** A preview or test email: the stored texts, or a draft of them. */
export const AdminNotificationTemplateSample = z
  .object({ language: z.string(), subject: Text(200), intro: Text(4000) })
  .strict()
export type AdminNotificationTemplateSampleType = z.infer<typeof AdminNotificationTemplateSample>

export const AdminDeleteNotificationTemplateParams = z.object({ language: z.string() }).strict()

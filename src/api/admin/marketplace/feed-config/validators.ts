import { z } from "@medusajs/framework/zod"

const FeedUrl = z.string().url().regex(/^https?:\/\//i, "Only http and https feeds.").nullable().optional()

export type AdminUpdateFeedConfigType = z.infer<typeof AdminUpdateFeedConfig>
export const AdminUpdateFeedConfig = z
  .object({
    // A URL per language; null removes one.
    urls: z.object({ fr: FeedUrl, de: FeedUrl, en: FeedUrl, lb: FeedUrl }).strict().optional(),
    schedule_enabled: z.boolean().optional(),
  })
  .strict()

import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ORDER_EMAIL_TEMPLATES } from "../../../workflows/notifications/order-emails"
import type { VendorNotificationLogParamsType } from "./validators"

/**
 * A shop's notification log: the records of Medusa's notification module whose `data.vendor_id` is the
 * shop's (every email sent in a shop's name carries it: order emails, customer password resets, team
 * invitations, test emails). Read with SQL on the module's table because Medusa's filters cannot reach
 * into the `data` column; every value is a bound parameter.
 */

const COLUMNS = [
  "id", "to", "channel", "template", "status", "created_at", "trigger_type", "resource_type", "resource_id",
  "receiver_id", "original_notification_id", "data",
]

type Row = {
  id: string
  to: string
  channel: string
  template: string | null
  status: "success" | "failure" | "pending"
  created_at: Date
  trigger_type: string | null
  resource_type: string | null
  resource_id: string | null
  receiver_id: string | null
  original_notification_id: string | null
  data: Record<string, unknown> | null
}

type Attempt = { id: string; status: string; created_at: Date }

export type LogEntry = ReturnType<typeof toEntry>

const list = (v: string | string[] | undefined) => (v === undefined ? undefined : ([] as string[]).concat(v))

function vendorRecords(knex: Knex, vendorId: string, p: Partial<VendorNotificationLogParamsType>) {
  const q = knex("notification").whereNull("deleted_at").whereRaw(`data->>'vendor_id' = ?`, [vendorId])
  const status = list(p.status)
  if (status) q.whereIn("status", status)
  const template = list(p.template)
  if (template) q.whereIn("template", template)
  const channel = list(p.channel)
  if (channel) q.whereIn("channel", channel)
  const ids = list(p.id)
  if (ids) q.whereIn("id", ids)
  const to = list(p.to)
  if (to) q.whereIn("to", to)
  if (p.q) q.whereRaw(`"to" ilike ?`, [`%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`])
  if (p.order_id) q.where({ resource_type: "order", resource_id: p.order_id })
  if (p.date_from) q.where("created_at", ">=", p.date_from)
  if (p.date_to) q.where("created_at", "<=", p.date_to)
  return q
}

/** The attempts of each order email on the page: one email = (order, template, recipient). */
async function attemptsOf(knex: Knex, rows: Row[]) {
  const orderIds = [...new Set(rows.filter((r) => r.resource_type === "order" && r.resource_id).map((r) => r.resource_id!))]
  const groups = new Map<string, Attempt[]>()
  if (!orderIds.length) {
    return groups
  }
  const all: (Attempt & { resource_id: string; template: string; to: string })[] = await knex("notification")
    .select("id", "status", "created_at", "resource_id", "template", "to")
    .whereNull("deleted_at")
    .where("resource_type", "order")
    .whereIn("resource_id", orderIds)
    .orderBy("created_at", "asc")
  for (const a of all) {
    const key = emailKey(a)
    groups.set(key, [...(groups.get(key) ?? []), { id: a.id, status: a.status, created_at: a.created_at }])
  }
  return groups
}

const emailKey = (r: { resource_id: string | null; template: string | null; to: string }) => `${r.resource_id}\u0000${r.template}\u0000${r.to.toLowerCase()}`

function toEntry(r: Row, attempts: Attempt[]) {
  const data = r.data ?? {}
  const isOrderEmail = r.resource_type === "order" && (ORDER_EMAIL_TEMPLATES as readonly (string | null)[]).includes(r.template)
  const index = attempts.findIndex((a) => a.id === r.id)
  return {
    id: r.id,
    to: r.to,
    channel: r.channel,
    template: r.template,
    status: r.status,
    created_at: r.created_at,
    trigger_type: r.trigger_type,
    resource_type: r.resource_type,
    resource_id: r.resource_id,
    receiver_id: r.receiver_id,
    order: r.resource_type === "order" && r.resource_id ? { id: r.resource_id, display_id: (data.display_id as number | undefined) ?? null } : null,
    language: (data.language as string | undefined) ?? null,
    test: data.test === true,
    original_notification_id: r.original_notification_id,
    /** This record's attempt number, and how many attempts the email has had. */
    attempt: index >= 0 ? index + 1 : 1,
    attempts: Math.max(attempts.length, 1),
    /** A failed order email none of whose attempts went out can be sent again. */
    retryable: isOrderEmail && data.test !== true && r.status === "failure" && attempts.every((a) => a.status === "failure"),
  }
}

export async function listVendorNotifications(container: MedusaContainer, vendorId: string, p: VendorNotificationLogParamsType) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const [{ count }] = await vendorRecords(knex, vendorId, p).count<{ count: string }[]>({ count: "*" })
  const rows: Row[] = await vendorRecords(knex, vendorId, p)
    .select(COLUMNS)
    .orderBy([{ column: "created_at", order: p.order === "created_at" ? "asc" : "desc" }, { column: "id", order: "desc" }])
    .limit(p.limit)
    .offset(p.offset)
  const groups = await attemptsOf(knex, rows)
  return {
    notifications: rows.map((r) => toEntry(r, groups.get(emailKey(r)) ?? [])),
    count: Number(count),
    offset: p.offset,
    limit: p.limit,
  }
}

/** One of the shop's records with its email's attempts; null when it is none of the shop's (or no record). */
export async function retrieveVendorNotification(container: MedusaContainer, vendorId: string, id: string) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const [row]: Row[] = await vendorRecords(knex, vendorId, { id }).select(COLUMNS)
  if (!row) {
    return null
  }
  const attempts = (await attemptsOf(knex, [row])).get(emailKey(row)) ?? []
  return { ...toEntry(row, attempts), data: row.data, attempt_history: attempts }
}

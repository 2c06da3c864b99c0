import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MovementDraft } from "../../../workflows/inventory-ledger/steps/record-inventory-movements"
import { recordInventoryMovementsWorkflow } from "../../../workflows/inventory-ledger/workflows/record-inventory-movements"
import { requestPath } from "../../tenancy/route-match"

type Planned = { inventory_item_id: string; location_id: string; stocked_quantity?: number; remove?: boolean }
type Level = { id: string; inventory_item_id: string; location_id: string; stocked_quantity: number }

const LEVEL = /^\/admin\/inventory-items\/([^/]+)\/location-levels(?:\/([^/]+))?$/
const BATCH = /^\/admin\/inventory-items\/(?:location-levels\/)?batch$/

/**
 * Records manual stock changes through the Admin API as `adjustment` movements
 * (docs/selling.md, "Inventory movements"). Medusa's level routes set absolute
 * quantities and its events carry only the level's id, so this reads each level
 * just before the write; once the write has answered < 400 it records
 * stocked_after = the quantity set and stocked_delta = that minus the level read
 * before. Like the audit recorder, the actor is the request's `auth_context`, and
 * the movement is written after the response, never failing the request.
 */
export function adjustmentRecorder(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let planned: { pairs: Planned[]; level_ids: string[] } | null
  try {
    planned = plan(req)
  } catch {
    planned = null
  }
  if (!planned) {
    return next()
  }
  const plannedLevels = planned
  levelsBefore(req, plannedLevels)
    .then((before) => {
      res.once("finish", () => {
        if (res.statusCode < 400) {
          setImmediate(() => record(req, plannedLevels, before).catch((e) => logError(req, e)))
        }
      })
    })
    .catch((e) => logError(req, e))
    .finally(() => next())
}

/** What the request will change: (item, location) pairs with the quantity set, and level ids it deletes. */
function plan(req: MedusaRequest): { pairs: Planned[]; level_ids: string[] } | null {
  const path = requestPath(req.originalUrl)
  const body = ((req as any).validatedBody ?? req.body ?? {}) as Record<string, any>
  const quantity = (v: unknown) => (typeof v === "number" ? v : undefined)
  if (req.method === "POST" && BATCH.test(path)) {
    const pairs = [...(body.create ?? []), ...(body.update ?? [])].map((l: any) => ({ inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: quantity(l.stocked_quantity) }))
    return { pairs, level_ids: body.delete ?? [] }
  }
  const m = LEVEL.exec(path)
  if (!m) {
    return null
  }
  const [, itemId, locationId] = m.map((p) => (p ? decodeURIComponent(p) : p))
  if (locationId === "batch" && req.method === "POST") {
    const pairs = [...(body.create ?? []), ...(body.update ?? [])].map((l: any) => ({ inventory_item_id: itemId, location_id: l.location_id, stocked_quantity: quantity(l.stocked_quantity) }))
    return { pairs, level_ids: body.delete ?? [] }
  }
  if (!locationId && req.method === "POST") {
    return { pairs: [{ inventory_item_id: itemId, location_id: body.location_id, stocked_quantity: quantity(body.stocked_quantity) }], level_ids: [] }
  }
  if (locationId && req.method === "POST") {
    return { pairs: [{ inventory_item_id: itemId, location_id: locationId, stocked_quantity: quantity(body.stocked_quantity) }], level_ids: [] }
  }
  if (locationId && req.method === "DELETE") {
    return { pairs: [{ inventory_item_id: itemId, location_id: locationId, remove: true }], level_ids: [] }
  }
  return null
}

async function levelsBefore(req: MedusaRequest, planned: { pairs: Planned[]; level_ids: string[] }): Promise<Level[]> {
  const pairs = planned.pairs.filter((p) => p.inventory_item_id && p.location_id)
  const or = [
    ...pairs.map((p) => ({ inventory_item_id: p.inventory_item_id, location_id: p.location_id })),
    ...(planned.level_ids.length ? [{ id: planned.level_ids }] : []),
  ]
  if (!or.length) {
    return []
  }
  const levels = await req.scope.resolve(Modules.INVENTORY).listInventoryLevels({ $or: or } as any, { select: ["id", "inventory_item_id", "location_id", "stocked_quantity"] })
  return levels.map((l) => ({ id: l.id, inventory_item_id: l.inventory_item_id, location_id: l.location_id, stocked_quantity: Number(l.stocked_quantity) }))
}

async function record(req: MedusaRequest, planned: { pairs: Planned[]; level_ids: string[] }, before: Level[]) {
  const auth = (req as MedusaRequest & { auth_context?: { actor_type?: string; actor_id?: string } }).auth_context
  const actor = auth?.actor_type === "user" && auth.actor_id ? { actor_type: "user" as const, actor_id: auth.actor_id } : { actor_type: "system" as const, actor_id: null }
  const requestId = req.requestId ?? String(req.headers["x-request-id"] ?? "")
  const levelOf = (item: string, location: string) => before.find((l) => l.inventory_item_id === item && l.location_id === location)
  const changes = [
    ...planned.pairs.map((p) => ({ ...p, before: levelOf(p.inventory_item_id, p.location_id)?.stocked_quantity ?? 0 })),
    ...before.filter((l) => planned.level_ids.includes(l.id)).map((l) => ({ ...l, remove: true, before: l.stocked_quantity })),
  ]
  const movements: MovementDraft[] = changes.flatMap((c): MovementDraft[] => {
    const after = c.remove ? 0 : c.stocked_quantity
    if (after === undefined || !c.inventory_item_id || !c.location_id) {
      return []
    }
    return [
      {
        inventory_item_id: c.inventory_item_id,
        location_id: c.location_id,
        reason: "adjustment",
        stocked_delta: after - c.before,
        stocked_after: after,
        ...actor,
        reference: requestId || null,
        note: c.remove ? "location level removed" : null,
        source_key: `adjustment:${requestId}:${c.inventory_item_id}:${c.location_id}`,
      },
    ]
  })
  if (movements.length) {
    await recordInventoryMovementsWorkflow(req.scope).run({ input: { movements } })
  }
}

function logError(req: MedusaRequest, e: unknown) {
  try {
    req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).error(`[${req.requestId ?? "-"}] inventory ledger: could not record ${req.method} ${req.originalUrl}: ${(e as Error)?.stack ?? e}`)
  } catch {
    // Nothing left to tell.
  }
}

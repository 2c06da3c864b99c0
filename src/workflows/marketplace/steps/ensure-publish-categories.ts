import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { slugify } from "../publish/plan-products"

export const ensurePublishCategoriesStepId = "ensure-publish-categories"

/** The key a path is known by in the plan, and the stable handle of its category. */
export const pathKey = (path: string[]) => path.join(" > ")
// Segments slugified one by one and joined by "--" (which no slug contains): "A-B > C" and "A > B-C" differ.
export const categoryHandle = (path: string[]) => path.map((segment) => slugify(segment) || "-").join("--")

// Categories are platform-wide: every vendor's publish finds-or-creates in the same tree.
const LOCK_KEY = "marketplace:product-categories"

/**
 * Finds or creates the platform's category for each `product_type` path (and
 * its ancestors), by handle, under one lock so that simultaneous publishes
 * converge on one tree. Answers the leaf category's id per path. Compensation
 * deletes the categories it created that nothing uses yet.
 */
export const ensurePublishCategoriesStep = createStep(
  ensurePublishCategoriesStepId,
  async (paths: string[][], { container }) => {
    if (!paths.length) {
      return new StepResponse({} as Record<string, string>, [] as string[])
    }
    const products = container.resolve(Modules.PRODUCT)
    const prefixes = new Map<string, string[]>()
    for (const path of paths) {
      path.forEach((_, i) => prefixes.set(categoryHandle(path.slice(0, i + 1)), path.slice(0, i + 1)))
    }
    const created: string[] = []
    const idOf = await container.resolve(Modules.LOCKING).execute(
      LOCK_KEY,
      async () => {
        const existing = await products.listProductCategories({ handle: [...prefixes.keys()] }, { select: ["id", "handle"] })
        const ids = new Map(existing.map((c) => [c.handle, c.id]))
        // Parents before children: one level at a time.
        const depth = Math.max(...[...prefixes.values()].map((p) => p.length))
        for (let level = 1; level <= depth; level++) {
          const missing = [...prefixes.entries()].filter(([handle, path]) => path.length === level && !ids.has(handle))
          if (!missing.length) {
            continue
          }
          const made = await products.createProductCategories(
            missing.map(([handle, path]) => ({
              name: path[path.length - 1],
              handle,
              is_active: true,
              is_internal: false,
              parent_category_id: level > 1 ? ids.get(categoryHandle(path.slice(0, -1)))! : null,
            }))
          )
          made.forEach((c) => {
            ids.set(c.handle, c.id)
            created.push(c.id)
          })
        }
        return ids
      },
      { timeout: 30 }
    )
    return new StepResponse(Object.fromEntries(paths.map((p) => [pathKey(p), idOf.get(categoryHandle(p))!])), created)
  },
  async (created, { container }) => {
    if (!created?.length) {
      return
    }
    const products = container.resolve(Modules.PRODUCT)
    await container.resolve(Modules.LOCKING).execute(LOCK_KEY, async () => {
      // Children first (they were created after their parents); one another publish filed a product under, or
      // that has a child left, stays.
      for (const id of [...created].reverse()) {
        const [category] = await products.listProductCategories({ id }, { relations: ["products", "category_children"] })
        if (category && !category.products?.length && !category.category_children?.length) {
          await products.deleteProductCategories([id])
        }
      }
    })
  }
)

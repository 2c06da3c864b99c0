import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { TENANCY_MODULE } from "../../modules/tenancy"

export type MediaUse = { id: string; title: string; status: string; as: ("thumbnail" | "image")[] }

/**
 * Which of a vendor's products show each of these URLs, as thumbnail or image.
 * Products are found by URL first (few), then kept only when the vendor owns them
 * (its product link): another vendor's product using the same URL is not reported.
 */
export async function productsUsingMedia(container: MedusaContainer, vendorId: string, urls: string[]): Promise<Map<string, MediaUse[]>> {
  const uses = new Map<string, MediaUse[]>(urls.map((url) => [url, []]))
  if (!urls.length) {
    return uses
  }
  const { data: products } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product",
    fields: ["id", "title", "status", "thumbnail", "images.url"],
    filters: { $or: [{ thumbnail: urls }, { images: { url: urls } }] },
  })
  if (!products.length) {
    return uses
  }
  const owned = new Set(
    (
      await container
        .resolve(ContainerRegistrationKeys.LINK)
        .list({ [TENANCY_MODULE]: { vendor_id: vendorId }, [Modules.PRODUCT]: { product_id: products.map((p) => p.id) } })
    ).map((row: { product_id: string }) => row.product_id)
  )
  for (const product of products.filter((p) => owned.has(p.id))) {
    for (const url of urls) {
      const as: MediaUse["as"] = []
      if (product.thumbnail === url) as.push("thumbnail")
      if (product.images?.some((image) => image.url === url)) as.push("image")
      if (as.length) {
        uses.get(url)!.push({ id: product.id, title: product.title, status: product.status, as })
      }
    }
  }
  return uses
}

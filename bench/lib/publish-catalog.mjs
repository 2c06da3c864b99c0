// The catalog bench/publish compares: `products` item groups × 3 sizes, as a Letzshop feed (TSV) and as a
// Medusa product CSV with the same titles, descriptions, prices, images, GTINs and options.
import http from "node:http"

const NOUNS = ["T-shirt", "Sweat à capuche", "Tasse", "Lampe de table", "Sac en toile", "Casquette", "Coussin", "Carnet"]
const COLORS = ["rouge", "bleu", "vert", "noir", "blanc", "gris", "jaune", "rose", "bordeaux", "beige"]
const SIZES = ["S", "M", "L"]
const FEED_COLUMNS = ["id", "title", "description", "image_link", "additional_image_link", "availability", "price", "brand", "gtin",
  "item_group_id", "color", "size", "shipping_weight", "quantity"]

function gtin13(n) {
  const body = `40${String(n).padStart(10, "0")}`
  let sum = 0
  for (let k = 0; k < 12; k++) sum += Number(body[k]) * (k % 2 ? 3 : 1)
  return body + ((10 - (sum % 10)) % 10)
}

/** Item i (variant i % 3 of group i / 3). */
export function item(i) {
  const g = Math.floor(i / 3)
  const group = `MRT-${String(g).padStart(7, "0")}`
  const color = COLORS[(g * 7) % COLORS.length]
  const size = SIZES[i % 3]
  const title = `${NOUNS[g % NOUNS.length]} Moien ${color} ${g}`
  const cents = 990 + ((g * 137) % 9000)
  return {
    id: `${group}-${size}`,
    title,
    description: `<p>${title}, taille ${size} : coton bio, imprimé à Luxembourg-Ville.</p><ul><li>Matière : 100 % coton</li></ul>`,
    image_link: `https://cdn.example.lu/bench/${group}.jpg`,
    additional_image_link: `https://cdn.example.lu/bench/${group}-2.jpg`,
    availability: "in stock",
    price: `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")} EUR`,
    brand: "Moien",
    gtin: gtin13(i),
    item_group_id: group,
    color,
    size,
    shipping_weight: "0.35 kg",
    quantity: String((i * 13) % 60),
    cents,
  }
}

export function feedTsv(items) {
  let out = FEED_COLUMNS.join("\t") + "\n"
  for (let i = 0; i < items; i++) out += FEED_COLUMNS.map((c) => item(i)[c]).join("\t") + "\n"
  return out
}

/** The same items as a Medusa product CSV (one row per variant, grouped by handle; sizes as the option). */
export function medusaCsv(items) {
  const head = ["Product Handle", "Product Title", "Product Description", "Product Status", "Product Thumbnail", "Product Image 1",
    "Product Image 2", "Product Weight", "Variant Title", "Variant SKU", "Variant EAN", "Variant Price EUR", "Variant Option 1 Name", "Variant Option 1 Value"]
  const quote = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))
  const out = [head.join(",")]
  for (let i = 0; i < items; i++) {
    const it = item(i)
    out.push([it.item_group_id.toLowerCase(), it.title, it.description, "published", it.image_link, it.image_link, it.additional_image_link,
      350, it.size, it.id, it.gtin, (it.cents / 100).toFixed(2), "Size", it.size].map(quote).join(","))
  }
  return out.join("\n") + "\n"
}

/** Serves the feed of `items` rows at /feed.tsv on loopback. */
export function serveFeed(items) {
  const body = Buffer.from(feedTsv(items))
  const server = http.createServer((req, res) => {
    if (req.url !== "/feed.tsv") return res.writeHead(404).end()
    res.writeHead(200, { "content-type": "text/tab-separated-values; charset=utf-8", "content-length": body.length }).end(body)
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/feed.tsv` })))
}

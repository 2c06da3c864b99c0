import { deflateSync } from "node:zlib"
import { expect, test } from "@playwright/test"
import { DEMO, expectNoErrorToast, sidebar, signIn, snap } from "./harness"

/**
 * The media library in the real dashboard (docs/admin.md, "Media"): the lumiere Owner uploads an image through
 * the file picker, finds it in the grid, gives it alt text in its drawer (seen again in the list view), and
 * deletes it behind the confirmation prompt; a PDF dropped on the drop zone becomes a document tile, and a dropped SVG
 * is refused with the API's code. It leaves the library as it found it (empty) for the other specs.
 */
test.describe.configure({ mode: "serial" })

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (b: Buffer) => (b.reduce((c, byte) => CRC[(c ^ byte) & 0xff] ^ (c >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data])
  const out = Buffer.alloc(body.length + 8)
  out.writeUInt32BE(data.length, 0)
  body.copy(out, 4)
  out.writeUInt32BE(crc32(body), body.length + 4)
  return out
}

/** A real w × h PNG: a warm brass gradient (something to see in the screenshot). */
function brassPng(w: number, h: number) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(w, 0)
  header.writeUInt32BE(h, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const rows = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * (w * 3 + 1) + 1 + x * 3
      rows[i] = 180 + Math.round((60 * x) / w)
      rows[i + 1] = 130 + Math.round((50 * y) / h)
      rows[i + 2] = 60
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))])
}

const FILE = "lampe-laiton-detail.png"
const ALT = "Brass bedside lamp, detail of the shade"

test("the Owner uploads an image, sees it in the grid, edits its alt text and deletes it", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  await sidebar(page).getByRole("link", { name: "Media", exact: true }).click()
  await expect(page.getByRole("heading", { name: "Media" })).toBeVisible()
  await expect(page.getByTestId("media-empty")).toContainText("No files yet")
  await expectNoErrorToast(page)

  await page.getByTestId("media-file-input").setInputFiles({ name: FILE, mimeType: "image/png", buffer: brassPng(320, 240) })
  await expect(page.getByText("1 file added to the library")).toBeVisible()
  const card = page.getByTestId("media-grid").getByRole("button", { name: `Open ${FILE}` })
  await expect(card).toBeVisible()
  await expect(card).toContainText("320×240")
  // The thumbnail loads from the file's URL (the local provider's, at MAART_PUBLIC_URL/static).
  await expect(card.locator("img")).toHaveJSProperty("naturalWidth", 320)
  await expectNoErrorToast(page)
  await snap(page, "media-library")

  await card.click()
  const drawer = page.getByRole("dialog")
  await expect(drawer.getByLabel("URL")).toHaveValue(new RegExp(`${FILE.replace(".", "\\.")}$`))
  await expect(drawer.getByTestId("media-used-in")).toContainText("No product shows this file.")
  await drawer.getByLabel("Alt text").fill(ALT)
  await drawer.getByRole("button", { name: "Save alt text" }).click()
  await expect(page.getByText("Alt text saved")).toBeVisible()
  await snap(page, "media-drawer")
  await page.keyboard.press("Escape")
  await expect(drawer).toHaveCount(0)

  // The list view (DataTable) shows the saved alt text under the file name.
  await page.getByRole("button", { name: "List view" }).click()
  const row = page.getByRole("row").filter({ hasText: FILE })
  await expect(row).toContainText(ALT)
  await expect(row).toContainText("320×240")

  await row.click()
  await page.getByRole("dialog").getByRole("button", { name: "Delete file" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
  await expect(page.getByText(`${FILE} deleted`)).toBeVisible()
  await expect(page.getByTestId("media-empty")).toBeVisible()
  await expectNoErrorToast(page)
  expect(errors).toEqual([])
})

test("a document dropped on the drop zone joins the library as a PDF tile; an SVG is refused with the API's reason", async ({ browser }) => {
  const { page, errors } = await signIn(browser, DEMO.lumiere.owner)
  await page.goto(page.url().replace(/\/app\/.*$/, "/app/media"))
  await expect(page.getByTestId("media-empty")).toBeVisible()
  const drop = async (name: string, type: string, text: string) => {
    const transfer = await page.evaluateHandle(
      ([name, type, text]) => {
        const dt = new DataTransfer()
        dt.items.add(new File([text], name, { type }))
        return dt
      },
      [name, type, text]
    )
    await page.getByTestId("media-drop-zone").dispatchEvent("drop", { dataTransfer: transfer })
  }

  await drop("catalogue-2026.pdf", "application/pdf", "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
  await expect(page.getByText("1 file added to the library")).toBeVisible()
  const tile = page.getByTestId("media-grid").getByRole("button", { name: "Open catalogue-2026.pdf" })
  await expect(tile).toContainText("PDF")

  await drop("logo.svg", "image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await expect(page.getByTestId("media-upload").filter({ hasText: "logo.svg" })).toContainText("MEDIA_TYPE_NOT_ALLOWED")
  await page.getByTestId("media-upload").getByRole("button", { name: "Dismiss" }).click()

  // Leaves the library empty again for the other specs.
  await tile.click()
  await page.getByRole("dialog").getByRole("button", { name: "Delete file" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
  await expect(page.getByTestId("media-empty")).toBeVisible()
  expect(errors).toEqual([])
})

import { imageInfo, sniffMediaFile } from "../file-types"

const png = (w: number, h: number) => {
  const b = Buffer.alloc(33)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0)
  b.writeUInt32BE(13, 8)
  b.write("IHDR", 12, "latin1")
  b.writeUInt32BE(w, 16)
  b.writeUInt32BE(h, 20)
  return b
}
const gif = (w: number, h: number) => {
  const b = Buffer.alloc(13)
  b.write("GIF89a", 0, "latin1")
  b.writeUInt16LE(w, 6)
  b.writeUInt16LE(h, 8)
  return b
}
// SOI, an APP0 segment, then a baseline frame header (SOF0: length, precision, height, width).
const jpeg = (w: number, h: number) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.alloc(14),
    Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, h >> 8, h & 0xff, w >> 8, w & 0xff, 0x03]),
    Buffer.alloc(16),
  ])
const webp = (chunk: "VP8 " | "VP8L" | "VP8X", w: number, h: number) => {
  const b = Buffer.alloc(40)
  b.write("RIFF", 0, "latin1")
  b.write("WEBP", 8, "latin1")
  b.write(chunk, 12, "latin1")
  if (chunk === "VP8 ") {
    b.writeUInt16LE(w, 26)
    b.writeUInt16LE(h, 28)
  } else if (chunk === "VP8L") {
    b[20] = 0x2f
    b.writeUInt32LE(((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14), 21)
  } else {
    b.writeUIntLE(w - 1, 24, 3)
    b.writeUIntLE(h - 1, 27, 3)
  }
  return b
}

describe("the media library's file types", () => {
  it.each([
    ["PNG", png(640, 480), "image/png", 640, 480],
    ["GIF", gif(32, 16), "image/gif", 32, 16],
    ["JPEG", jpeg(1200, 800), "image/jpeg", 1200, 800],
    ["WebP (lossy)", webp("VP8 ", 300, 200), "image/webp", 300, 200],
    ["WebP (lossless)", webp("VP8L", 4000, 3000), "image/webp", 4000, 3000],
    ["WebP (extended)", webp("VP8X", 16383, 9000), "image/webp", 16383, 9000],
  ])("reads a %s's type and size from its header, whatever it is called", (_, bytes, mime, width, height) => {
    expect(sniffMediaFile(bytes, "photo.bin", "application/octet-stream")).toEqual({ mime_type: mime, kind: "image", width, height })
  })

  it("takes a PDF by its signature and a CSV by its declared type or name", () => {
    expect(sniffMediaFile(Buffer.from("%PDF-1.7\n…"), "flyer", undefined)).toMatchObject({ mime_type: "application/pdf", kind: "other" })
    expect(sniffMediaFile(Buffer.from("a,b\n1,2\n"), "prices.csv", "application/vnd.ms-excel")).toMatchObject({ mime_type: "text/csv" })
    expect(sniffMediaFile(Buffer.from("a,b\n1,2\n"), "prices", "text/csv; charset=utf-8")).toMatchObject({ mime_type: "text/csv" })
  })

  it("refuses everything else: SVG, HTML, a binary named .csv, a fake PNG, a truncated header", () => {
    expect(sniffMediaFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), "logo.svg", "image/svg+xml")).toBeNull()
    expect(sniffMediaFile(Buffer.from("<html></html>"), "page.html", "text/html")).toBeNull()
    expect(sniffMediaFile(Buffer.from("<html></html>"), "page.csv", "text/html")).toBeNull()
    expect(sniffMediaFile(Buffer.from([0x61, 0x00, 0x62]), "data.csv", "text/csv")).toBeNull()
    expect(sniffMediaFile(Buffer.from("not a png"), "x.png", "image/png")).toBeNull()
    expect(imageInfo(png(10, 10).subarray(0, 20))).toBeNull()
    expect(imageInfo(jpeg(10, 10).subarray(0, 12))).toBeNull()
  })
})

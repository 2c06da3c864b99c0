import { extname } from "node:path"

/**
 * What the media library accepts, decided from the file's bytes rather than the
 * name or the type the browser declared: PNG, JPEG, GIF and WebP images, PDF, and
 * CSV (text without NUL bytes, declared or named as CSV). SVG is refused on purpose:
 * with the local file provider it would be served from the API's own origin, and an
 * SVG can carry script.
 */
export const MEDIA_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/csv"] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

export type SniffedFile = { mime_type: MediaType; kind: "image" | "other"; width: number | null; height: number | null }

// Browsers declare CSV in several ways (Windows: the Excel type).
const CSV_DECLARED = ["text/csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel", "text/plain", "application/octet-stream"]

/** The file's type and, for an image, its pixel size; null when the library does not take it. */
export function sniffMediaFile(content: Buffer, filename: string, declared: string | undefined): SniffedFile | null {
  const image = imageInfo(content)
  if (image) {
    return { ...image, kind: "image" }
  }
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") {
    return { mime_type: "application/pdf", kind: "other", width: null, height: null }
  }
  const named = extname(filename).toLowerCase() === ".csv"
  const type = (declared ?? "").split(";")[0].trim().toLowerCase()
  if ((named || type === "text/csv") && CSV_DECLARED.includes(type || "text/csv") && !content.subarray(0, 64 * 1024).includes(0)) {
    return { mime_type: "text/csv", kind: "other", width: null, height: null }
  }
  return null
}

type ImageInfo = { mime_type: MediaType; width: number; height: number }

/** The format and size from an image's header (no decoding); null for anything else or a truncated header. */
export function imageInfo(b: Buffer): ImageInfo | null {
  try {
    if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a && b.toString("latin1", 12, 16) === "IHDR") {
      return { mime_type: "image/png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
    }
    if (b.length >= 10 && /^GIF8[79]a$/.test(b.toString("latin1", 0, 6))) {
      return { mime_type: "image/gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
    }
    if (b.length >= 30 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") {
      return webpInfo(b)
    }
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
      return jpegInfo(b)
    }
  } catch {
    // A header that ends early (RangeError): not an image we can take.
  }
  return null
}

function webpInfo(b: Buffer): ImageInfo | null {
  const chunk = b.toString("latin1", 12, 16)
  if (chunk === "VP8 ") {
    return { mime_type: "image/webp", width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff }
  }
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21)
    return { mime_type: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  if (chunk === "VP8X") {
    return { mime_type: "image/webp", width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 }
  }
  return null
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding) do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function jpegInfo(b: Buffer): ImageInfo | null {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      return null
    }
    const marker = b[i + 1]
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      i += 2 // markers without a length
      continue
    }
    if (SOF.has(marker)) {
      return { mime_type: "image/jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) }
    }
    i += 2 + b.readUInt16BE(i + 2)
  }
  return null
}

import { Readable, Transform, type TransformCallback } from "node:stream"
import { createGunzip } from "node:zlib"
import { parse } from "csv-parse"
import { normalizeHeader } from "./normalize"

export type FeedEncoding = "utf-8" | "utf-8-bom" | "windows-1252"
export type FeedDelimiter = "\t" | "," | ";" | "|"

/** What a feed turned out to be, known once its header is read. */
export type FeedFormat = { encoding: FeedEncoding; delimiter: FeedDelimiter; gzip: boolean; columns: string[] }

/** One data record: its first line in the file (1 = the header) and its cells. */
export type FeedRecord = { line: number; cells: string[] }

export class FeedFileError extends Error {
  constructor(readonly code: "IMPORT_EMPTY" | "IMPORT_HEADER_INVALID" | "IMPORT_UNREADABLE", message: string, readonly line?: number) {
    super(message)
  }
}

/** Thrown when bytes after the sniffed sample are not UTF-8: read the feed again as Windows-1252. */
export class FeedEncodingRestart extends Error {
  constructor() {
    super("The feed is not UTF-8 after all: it is read again as Windows-1252.")
  }
}

const SNIFF_BYTES = 1 << 20
const DELIMITERS: FeedDelimiter[] = ["\t", ";", "|", ","]

/**
 * Reads a Letzshop feed as a stream — gunzip if gzipped, decode (BOM, strict
 * UTF-8, else Windows-1252), find the delimiter from the header line, parse
 * with csv-parse — calling `onFormat` once and yielding records in order.
 * Memory stays flat whatever the size. `forceEncoding` is for the second
 * reading after a FeedEncodingRestart.
 */
export async function* readFeed(
  source: AsyncIterable<Buffer>,
  { onFormat, onBytes, forceEncoding }: { onFormat: (f: FeedFormat) => void; onBytes?: (n: number) => void; forceEncoding?: FeedEncoding } = { onFormat: () => undefined }
): AsyncGenerator<FeedRecord> {
  const decoder = new FeedDecoder(forceEncoding)
  const { first, input } = await peek(source)
  const gzip = first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b
  let counted = 0
  const counter = new Transform({
    transform(chunk: Buffer, _e, cb: TransformCallback) {
      counted += chunk.length
      onBytes?.(counted)
      cb(null, chunk)
    },
  })
  // Bytes → (gunzip) → text. Iterating the last stage pulls the ones before it: backpressure
  // reaches the download, so a slow consumer never makes the file pile up in memory.
  let stage: Readable = input
  for (const next of gzip ? [counter, createGunzip(), decoder] : [counter, decoder]) {
    stage.once("error", (e) => decoder.destroy(e))
    stage = stage.pipe(next)
  }
  const text: AsyncIterable<string> = decoder

  let parser: ReturnType<typeof parse> | undefined
  let parseError: Error | undefined
  let delimiterFound: FeedDelimiter = "\t"
  const createParser = (delimiter: FeedDelimiter) => {
    delimiterFound = delimiter
    const created = parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: 64 << 20 })
    // csv-parse reports a broken file as an event: keep it for the reading loop to throw.
    created.on("error", (e) => (parseError = e))
    return created
  }
  let header = ""
  let prevLines = 0
  let prevEmpty = 0
  let sawHeader = false
  try {
    for await (const chunk of text) {
      if (!parser) {
        header += chunk
        const end = header.search(/\r?\n/)
        if (end < 0 && header.length < 1 << 20) {
          continue
        }
        const firstLine = (end < 0 ? header : header.slice(0, end)).replace(/^\uFEFF/, "")
        const delimiter = detectDelimiter(firstLine)
        parser = createParser(delimiter)
        parser.write(header.replace(/^\uFEFF/, ""))
      } else {
        parser.write(chunk)
      }
      // Drain what the parser has so far.
      yield* drain()
    }
    if (!parser) {
      if (!header.trim()) {
        throw new FeedFileError("IMPORT_EMPTY", "The file is empty.")
      }
      const delimiter = detectDelimiter(header.replace(/^\uFEFF/, ""))
      parser = createParser(delimiter)
      parser.write(header.replace(/^\uFEFF/, ""))
    }
    const finished = new Promise<void>((resolve) => parser!.once("finish", resolve))
    parser.end()
    await Promise.race([finished, new Promise((r) => setImmediate(r))])
    yield* drain()
    if (!sawHeader) {
      throw new FeedFileError("IMPORT_EMPTY", "The file is empty.")
    }
  } catch (e) {
    if (e instanceof FeedFileError || e instanceof FeedEncodingRestart) {
      throw e
    }
    if ((e as { code?: string }).code?.startsWith?.("CSV_")) {
      throw new FeedFileError("IMPORT_UNREADABLE", `The file cannot be read as CSV: ${(e as Error).message}`, prevLines + 1)
    }
    if ((e as { code?: string }).code === "Z_DATA_ERROR" || (e as { errno?: number }).errno === -3) {
      throw new FeedFileError("IMPORT_UNREADABLE", "The file claims to be gzip but cannot be unpacked.")
    }
    throw e
  }

  function* drain(): Generator<FeedRecord> {
    if (parseError) {
      throw parseError
    }
    let item: { record: string[]; info: { lines: number; empty_lines: number } } | null
    while ((item = parser!.read())) {
      const line = prevLines + 1 + (item.info.empty_lines - prevEmpty)
      prevLines = item.info.lines
      prevEmpty = item.info.empty_lines
      if (!sawHeader) {
        if (item.record.every((cell) => !cell.trim())) {
          continue // blank lines before the header
        }
        sawHeader = true
        const columns = item.record.map(normalizeHeader)
        if (!columns.includes("id")) {
          throw new FeedFileError("IMPORT_HEADER_INVALID", `The header has no "id" column (found: ${columns.slice(0, 12).join(", ")}).`, 1)
        }
        onFormat({ encoding: decoder.encoding!, delimiter: delimiterFound, gzip, columns })
        continue
      }
      yield { line, cells: item.record }
    }
  }
}

/** The delimiter that splits the header line into the most columns (outside quotes). */
export function detectDelimiter(headerLine: string): FeedDelimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, "")
  let best: FeedDelimiter = "\t"
  let bestCount = 0
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1
    if (count > bestCount) {
      best = d
      bestCount = count
    }
  }
  return best
}

/** The first chunk of a source, and a stream that still yields it (then the rest, on demand). */
async function peek(source: AsyncIterable<Buffer>): Promise<{ first: Buffer; input: Readable }> {
  const iterator = source[Symbol.asyncIterator]()
  let head = await iterator.next()
  while (!head.done && !head.value.length) {
    head = await iterator.next()
  }
  const first = head.done ? Buffer.alloc(0) : Buffer.from(head.value)
  async function* all() {
    if (!head.done) {
      yield first
    }
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value
    }
  }
  return { first, input: Readable.from(all(), { objectMode: false }) }
}

/**
 * Bytes → text. Decides the encoding from a BOM or the first MiB (strict UTF-8
 * if it decodes, else Windows-1252, which decodes anything); if UTF-8 fails
 * later, throws FeedEncodingRestart rather than produce mojibake.
 */
class FeedDecoder extends Transform {
  encoding: FeedEncoding | undefined
  private decoder: TextDecoder | undefined
  private pending: Buffer[] = []
  private pendingBytes = 0

  constructor(force?: FeedEncoding) {
    super({ readableObjectMode: true })
    if (force) {
      this.choose(force)
    }
  }

  private choose(encoding: FeedEncoding) {
    this.encoding = encoding
    this.decoder = encoding === "windows-1252" ? new TextDecoder("windows-1252") : new TextDecoder("utf-8", { fatal: true, ignoreBOM: false })
  }

  private decide(final: boolean) {
    const sample = Buffer.concat(this.pending).subarray(0, SNIFF_BYTES)
    if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
      this.choose("utf-8-bom")
      return
    }
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: !final || sample.length === SNIFF_BYTES })
      this.choose("utf-8")
    } catch {
      this.choose("windows-1252")
    }
  }

  _transform(chunk: Buffer, _e: BufferEncoding, cb: TransformCallback) {
    if (!this.decoder) {
      this.pending.push(chunk)
      this.pendingBytes += chunk.length
      if (this.pendingBytes < SNIFF_BYTES) {
        return cb()
      }
      this.decide(false)
      chunk = Buffer.concat(this.pending)
      this.pending = []
    }
    this.emit_(chunk, false, cb)
  }

  _flush(cb: TransformCallback) {
    if (!this.decoder) {
      this.decide(true)
      const all = Buffer.concat(this.pending)
      this.pending = []
      return this.emit_(all, true, cb)
    }
    this.emit_(Buffer.alloc(0), true, cb)
  }

  private emit_(chunk: Buffer, final: boolean, cb: TransformCallback) {
    try {
      const text = this.decoder!.decode(chunk, { stream: !final })
      cb(null, text || undefined)
    } catch {
      cb(new FeedEncodingRestart())
    }
  }
}

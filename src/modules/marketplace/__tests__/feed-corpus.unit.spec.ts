import { gzipSync } from "node:zlib"
import { normalizeRow, type RowProblem, type StagedRow } from "../feed/normalize-row"
import { FeedEncodingRestart, FeedFileError, readFeed, type FeedEncoding, type FeedFormat } from "../feed/read-feed"

/**
 * The bad-input corpus: feeds generated here, each with its exact outcome —
 * format found, rows staged, rows rejected (line, column, code), warnings.
 */
type Outcome = { format?: FeedFormat; rows: StagedRow[]; errors: RowProblem[]; warnings: RowProblem[]; fileError?: string; lines: number[] }

async function read(input: Buffer | Buffer[], forceEncoding?: FeedEncoding): Promise<Outcome> {
  const out: Outcome = { rows: [], errors: [], warnings: [], lines: [] }
  const chunks = Array.isArray(input) ? input : [input]
  try {
    for await (const record of readFeed((async function* () { yield* chunks })(), { onFormat: (f) => (out.format = f), forceEncoding })) {
      const { row, errors, warnings } = normalizeRow(out.format!.columns, record.cells, record.line)
      out.lines.push(record.line)
      out.errors.push(...errors)
      out.warnings.push(...warnings)
      if (row) out.rows.push(row)
    }
  } catch (e) {
    if (e instanceof FeedFileError) out.fileError = e.code
    else throw e
  }
  return out
}

const tsv = (...lines: string[]) => Buffer.from(lines.join("\n") + "\n", "utf8")
const HEADER = ["id", "title", "description", "availability", "price", "brand", "gtin", "item_group_id", "color", "size", "image_link", "product_type"]
const SPEC_EXAMPLE = [
  HEADER.join("\t"),
  "TS-001-RED-M\tT-shirt Moien rouge\tCoton bio, imprimé à Luxembourg.\tin stock\t24,90 EUR\tMoien\t04012345678901\tTS-001\trouge\tM\thttps://cdn.example/ts-001-red.jpg\tVêtements > T-shirts",
  "TS-001-RED-L\tT-shirt Moien rouge\tCoton bio, imprimé à Luxembourg.\tout of stock\t24,90 EUR\tMoien\t04012345678918\tTS-001\trouge\tL\thttps://cdn.example/ts-001-red.jpg\tVêtements > T-shirts",
  'MUG-42\tTasse Gëlle Fra\t"Porcelaine; 33 cl. Lave-vaisselle ""OK"""\tin stock\t12.50 EUR\tMoien\t4006381333931\t\t\t\thttps://cdn.example/mug.jpg\tMaison > Cuisine',
]
const simple = (delimiter: string, rows: string[][]) => Buffer.from([["id", "title", "price"], ...rows].map((r) => r.join(delimiter)).join("\n"), "utf8")
const codes = (problems: RowProblem[]) => problems.map((p) => [p.line, p.column, p.code])

describe("the feed corpus", () => {
  it("01 the spec's example (tab, UTF-8): three rows, exact prices, GTINs with their zeros, quotes unescaped", async () => {
    const out = await read(tsv(...SPEC_EXAMPLE))
    expect(out.format).toMatchObject({ encoding: "utf-8", delimiter: "\t", gzip: false })
    expect(out.rows.map((r) => [r.external_id, r.price.amount, r.price.currency, r.gtin, r.availability, r.group_id])).toEqual([
      ["TS-001-RED-M", 2490, "EUR", "04012345678901", "in_stock", "TS-001"],
      ["TS-001-RED-L", 2490, "EUR", "04012345678918", "out_of_stock", "TS-001"],
      ["MUG-42", 1250, "EUR", "4006381333931", "in_stock", null],
    ])
    expect(out.rows[2].description).toBe('Porcelaine; 33 cl. Lave-vaisselle "OK"')
    expect(out.rows[0].attributes).toEqual({ color: "rouge", size: "M" })
    expect(out.errors).toEqual([])
  })

  it("02 UTF-8 with a BOM: the BOM is not part of the first column's name", async () => {
    const out = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), tsv(...SPEC_EXAMPLE)]))
    expect(out.format?.encoding).toBe("utf-8-bom")
    expect(out.format?.columns[0]).toBe("id")
    expect(out.rows).toHaveLength(3)
  })

  it("03 CRLF line endings", async () => {
    const out = await read(Buffer.from(SPEC_EXAMPLE.join("\r\n") + "\r\n"))
    expect(out.rows.map((r) => r.external_id)).toEqual(["TS-001-RED-M", "TS-001-RED-L", "MUG-42"])
    expect(out.rows[2].brand).toBe("Moien")
    expect(out.lines).toEqual([2, 3, 4])
  })

  it.each([
    ["04 comma", ","],
    ["05 semicolon", ";"],
    ["06 pipe", "|"],
  ])("%s delimited", async (_, d) => {
    const out = await read(simple(d, [["A1", "Lamp", "10.00 EUR"], ["A2", "Vase", "12.50 EUR"]]))
    expect(out.format?.delimiter).toBe(d)
    expect(out.rows.map((r) => [r.external_id, r.title, r.price.amount])).toEqual([["A1", "Lamp", 1000], ["A2", "Vase", 1250]])
  })

  it("07 quoted delimiters inside fields", async () => {
    const out = await read(Buffer.from('id,title,price\nA1,"Lamp, tall",10.00 EUR\nA2,"Vase; blue | big",5 EUR\n'))
    expect(out.rows.map((r) => r.title)).toEqual(["Lamp, tall", "Vase; blue | big"])
  })

  it("08 quoted newlines: the next row's line number counts them", async () => {
    const out = await read(Buffer.from('id,description,price\nA1,"line one\nline two\nline three",1 EUR\n,missing id,2 EUR\n'))
    expect(out.rows[0].description).toBe("line one\nline two\nline three")
    expect(codes(out.errors)).toEqual([[5, "id", "ID_MISSING"]])
  })

  it('09 "" escapes', async () => {
    const out = await read(Buffer.from('id,title,price\nA1,"The ""best"" lamp",1 EUR\n'))
    expect(out.rows[0].title).toBe('The "best" lamp')
  })

  it("10 Windows-1252 text with é ë ü ß is decoded as such, and reported", async () => {
    const out = await read(Buffer.from("id\ttitle\tprice\nA1\tGëlle Fra café Grüße Straße\t1 EUR\n", "latin1"))
    expect(out.format?.encoding).toBe("windows-1252")
    expect(out.rows[0].title).toBe("Gëlle Fra café Grüße Straße")
  })

  it("11 comma decimal prices", async () => {
    const out = await read(simple("\t", [["A1", "x", "12,50 EUR"], ["A2", "x", "0,99 EUR"], ["A3", "x", "7,5"]]))
    expect(out.rows.map((r) => r.price.amount)).toEqual([1250, 99, 750])
  })

  it("12 thousand separators and currency placement", async () => {
    const prices = ["1.234,50 EUR", "1,234.50 EUR", "EUR 12.50", "12.5", "1 234,50 €", "1.234.567 EUR", "USD 3", "€ 4,20"]
    const out = await read(simple("\t", prices.map((p, i) => [`P${i}`, "x", p])))
    expect(out.rows.map((r) => [r.price.amount, r.price.currency])).toEqual([
      [123450, "EUR"], [123450, "EUR"], [1250, "EUR"], [1250, "EUR"], [123450, "EUR"], [123456700, "EUR"], [300, "USD"], [420, "EUR"],
    ])
  })

  it("13 a row without an id is rejected with its line and column; the rest imports", async () => {
    const out = await read(simple("\t", [["A1", "x", "1 EUR"], ["", "no id", "1 EUR"], ["A3", "x", "1 EUR"]]))
    expect(out.rows.map((r) => r.external_id)).toEqual(["A1", "A3"])
    expect(codes(out.errors)).toEqual([[3, "id", "ID_MISSING"]])
  })

  it("14 bad GTINs are rejected, good ones keep their leading zeros", async () => {
    const body = ["id\tprice\tgtin", "G1\t1 EUR\t04012345678901", "G2\t1 EUR\t4012345678902", "G3\t1 EUR\t123", "G4\t1 EUR\t96385074", "G5\t1 EUR\t00012345600012"]
    const out = await read(tsv(...body))
    expect(out.rows.map((r) => [r.external_id, r.gtin])).toEqual([["G1", "04012345678901"], ["G4", "96385074"], ["G5", "00012345600012"]])
    expect(codes(out.errors)).toEqual([[3, "gtin", "GTIN_INVALID"], [4, "gtin", "GTIN_INVALID"]])
  })

  it("15 an empty file fails", async () => {
    expect((await read(Buffer.alloc(0))).fileError).toBe("IMPORT_EMPTY")
    expect((await read(Buffer.from("\n\n  \n"))).fileError).toBe("IMPORT_EMPTY")
  })

  it("16 a header without data rows reads nothing (the job then fails: no data)", async () => {
    const out = await read(Buffer.from("id\ttitle\tprice\n"))
    expect([out.fileError, out.rows.length, out.format?.columns]).toEqual([undefined, 0, ["id", "title", "price"]])
  })

  it("17 binary garbage fails on its header", async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    expect((await read(garbage)).fileError).toMatch(/^IMPORT_(HEADER_INVALID|UNREADABLE)$/)
  })

  it("18 gzip is unpacked", async () => {
    const out = await read(gzipSync(tsv(...SPEC_EXAMPLE)))
    expect(out.format?.gzip).toBe(true)
    expect(out.rows).toHaveLength(3)
  })

  it("19 a broken gzip fails as unreadable", async () => {
    const broken = Buffer.concat([gzipSync(tsv(...SPEC_EXAMPLE)).subarray(0, 40), Buffer.from("garbage garbage garbage")])
    expect((await read(broken)).fileError).toBe("IMPORT_UNREADABLE")
  })

  it("20 upper-case headers with spaces", async () => {
    const out = await read(Buffer.from(" ID \tTitle\tPRICE\tItem Group ID\tShipping Weight\nA1\tLamp\t1 EUR\tG1\t0.5 kg\n"))
    expect(out.format?.columns).toEqual(["id", "title", "price", "item_group_id", "shipping_weight"])
    expect([out.rows[0].group_id, out.rows[0].weight_grams]).toEqual(["G1", 500])
  })

  it("21 unknown columns are kept in the raw row, never dropped", async () => {
    const out = await read(Buffer.from("id\tprice\tenergy_label\tletzshop_badge\nA1\t1 EUR\tA++\tlocal\n"))
    expect(out.rows[0].raw).toEqual({ id: "A1", price: "1 EUR", energy_label: "A++", letzshop_badge: "local" })
  })

  it("22 a row of more than 10 MB", async () => {
    const big = "x".repeat(11 * 1024 * 1024)
    const out = await read(Buffer.from(`id\tdescription\tprice\nBIG\t<p>${big}</p>\t1 EUR\nSMALL\tok\t2 EUR\n`))
    expect(out.rows.map((r) => [r.external_id, r.description!.length])).toEqual([["BIG", big.length + 7], ["SMALL", 2]])
  })

  it("23 HTML descriptions keep their formatting and lose scripts, styles and handlers", async () => {
    const html = '<p onclick="steal()">Soft <strong>cotton</strong></p><script>alert(1)</script><style>p{}</style><a href="javascript:x">x</a><a href="https://moien.lu">shop</a>'
    const out = await read(Buffer.from(`id\tdescription\tprice\nA1\t${html}\t1 EUR\n`))
    expect(out.rows[0].description).toBe('<p>Soft <strong>cotton</strong></p><a rel="nofollow noopener">x</a><a href="https://moien.lu" rel="nofollow noopener">shop</a>')
  })

  it("24 unreadable prices and more than two decimals are rejected", async () => {
    const out = await read(simple("\t", [["A1", "x", "abc"], ["A2", "x", "12.505 EUR"], ["A3", "x", ""], ["A4", "x", "-3 EUR"], ["A5", "x", "12 EURO"]]))
    expect(codes(out.errors)).toEqual([[2, "price", "PRICE_INVALID"], [3, "price", "PRICE_INVALID"], [4, "price", "PRICE_INVALID"], [5, "price", "PRICE_INVALID"], [6, "price", "PRICE_INVALID"]])
    expect(out.rows).toEqual([])
  })

  it("25 availability spellings; an unknown one is a warning, not a rejection", async () => {
    const out = await read(tsv("id\tprice\tavailability", "A1\t1 EUR\tIn Stock", "A2\t1 EUR\tout_of_stock", "A3\t1 EUR\tpreorder", "A4\t1 EUR\tback-order", "A5\t1 EUR\tmaybe"))
    expect(out.rows.map((r) => r.availability)).toEqual(["in_stock", "out_of_stock", "preorder", "backorder", null])
    expect(codes(out.warnings)).toEqual([[6, "availability", "AVAILABILITY_UNKNOWN"]])
  })

  it("26 weights to grams; an unreadable one is a warning", async () => {
    const out = await read(tsv("id\tprice\tshipping_weight", "W1\t1 EUR\t0.5 kg", "W2\t1 EUR\t500 g", "W3\t1 EUR\t2 lb", "W4\t1 EUR\t1,25 kg", "W5\t1 EUR\theavy"))
    expect(out.rows.map((r) => r.weight_grams)).toEqual([500, 500, 907, 1250, null])
    expect(codes(out.warnings)).toEqual([[6, "shipping_weight", "WEIGHT_INVALID"]])
  })

  it("27 images: comma-separated additional links and repeated columns, deduplicated, http(s) only", async () => {
    const out = await read(Buffer.from("id\tprice\timage_link\tadditional_image_link\tadditional_image_link\nA1\t1 EUR\thttps://c/1.jpg\thttps://c/2.jpg,https://c/3.jpg\thttps://c/1.jpg\n"))
    expect(out.rows[0].image_urls).toEqual(["https://c/1.jpg", "https://c/2.jpg", "https://c/3.jpg"])
    expect(out.rows[0].raw.additional_image_link_2).toBe("https://c/1.jpg")
  })

  it("28 short rows are padded, long rows keep their extra cells", async () => {
    const out = await read(Buffer.from("id\ttitle\tprice\tbrand\nA1\tLamp\t1 EUR\nA2\tVase\t2 EUR\tMoien\tsurprise\n"))
    expect(out.rows.map((r) => [r.brand, r.raw._extra_1])).toEqual([[null, undefined], ["Moien", "surprise"]])
  })

  it("29 a header without an id column fails", async () => {
    expect((await read(Buffer.from("sku\ttitle\tprice\nA1\tx\t1 EUR\n"))).fileError).toBe("IMPORT_HEADER_INVALID")
  })

  it("30 a quote never closed fails as unreadable", async () => {
    expect((await read(Buffer.from('id,title,price\nA1,"never closed,1 EUR\n'))).fileError).toBe("IMPORT_UNREADABLE")
  })

  it("31 multi-byte characters split across chunks (a byte at a time)", async () => {
    const bytes = tsv("id\ttitle\tprice", "A1\tGëlle Fra – café\t1 EUR")
    const out = await read([...bytes].map((b) => Buffer.from([b])))
    expect([out.format?.encoding, out.rows[0].title]).toEqual(["utf-8", "Gëlle Fra – café"])
  })

  it("32 UTF-8 that breaks after the first MiB asks to be read again as Windows-1252, which then succeeds", async () => {
    const head = tsv("id\ttitle\tprice", ...Array.from({ length: 80000 }, (_, i) => `R${i}\tcafé ${i}\t1 EUR`))
    const tail = Buffer.from("LAST\tGrüße\t2 EUR\n", "latin1")
    await expect(read(Buffer.concat([head, tail]))).rejects.toBeInstanceOf(FeedEncodingRestart)
    const again = await read(Buffer.concat([head, tail]), "windows-1252")
    expect(again.rows.at(-1)!.title).toBe("Grüße")
    expect(again.rows).toHaveLength(80001)
  })

  it("33 blank lines between rows are skipped; line numbers stay true", async () => {
    const out = await read(Buffer.from("id\tprice\n\nA1\t1 EUR\n\n\n\tx\n"))
    expect(out.rows.map((r) => r.external_id)).toEqual(["A1"])
    expect(codes(out.errors)).toEqual([[6, "id", "ID_MISSING"], [6, "price", "PRICE_INVALID"]])
  })

  it("34 characters outside the BMP survive the parser's slices of a large chunk (no half surrogate pairs)", async () => {
    // One chunk of ~60 kB of 4-byte characters at odd offsets: some slice edge falls inside a pair.
    const rows = Array.from({ length: 200 }, (_, i) => [`E${i}`, "x".repeat(i % 3) + "🍷🧀".repeat(70), "1 EUR"])
    const out = await read(simple("\t", rows))
    expect(out.rows).toHaveLength(200)
    expect(out.rows.every((r, i) => r.title === "x".repeat(i % 3) + "🍷🧀".repeat(70))).toBe(true)
  })
})

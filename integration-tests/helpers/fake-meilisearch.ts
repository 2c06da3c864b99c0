import http from "node:http"
import type { AddressInfo } from "node:net"

/**
 * A fake Meilisearch: the subset of its HTTP API Maart's provider uses (src/modules/meilisearch-search), in
 * memory, for tests on a machine without Meilisearch. Tasks finish at once. Search follows Meilisearch's
 * documented defaults closely enough to test the provider: words matched after lower-casing and stripping
 * diacritics, the last word as a prefix, one typo from 4 letters and two from 8, `matchingStrategy` all,
 * `searchableAttributes`/`attributesToSearchOn`, the filter grammar (=, !=, <, <=, >, >=, IN, NOT IN, EXISTS,
 * IS NULL, AND, OR, NOT, parentheses), sort, `facets` → `facetDistribution`, offset/limit, estimatedTotalHits.
 * `stop()` takes it off the network (connection refused) and `start()` brings it back on the same port.
 */
type Doc = Record<string, unknown>
type Index = { uid: string; primaryKey: string | null; docs: Map<string, Doc>; settings: Record<string, any> }
type Task = { taskUid: number; indexUid: string | null; status: "succeeded" | "failed"; type: string; error?: { code: string; message: string } }

export type FakeMeilisearch = { url: string; apiKey: string; indexes: Map<string, Index>; requests: string[]; stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> }

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
const words = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean)

function lev(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]
}
const typos = (w: string) => (w.length >= 8 ? 2 : w.length >= 4 ? 1 : 0)
function wordMatches(q: string, token: string, last: boolean, typo: boolean) {
  if (token === q || (last && token.startsWith(q))) return true
  if (!typo) return false
  const n = typos(q)
  return n > 0 && (lev(q, token, n) <= n || (last && token.length > q.length && lev(q, token.slice(0, q.length), n) <= n))
}

// ── filters ──
type Tok = { t: "str" | "num" | "id" | "op" | "p"; v: string }
function tokenize(src: string): Tok[] {
  const out: Tok[] = []
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) { i++; continue }
    if ("()[],".includes(c)) { out.push({ t: "p", v: c }); i++; continue }
    if (c === '"') {
      let s = ""
      i++
      while (i < src.length && src[i] !== '"') { if (src[i] === "\\") i++; s += src[i++] }
      i++
      out.push({ t: "str", v: s })
      continue
    }
    const op = /^(!=|>=|<=|=|>|<)/.exec(src.slice(i))
    if (op) { out.push({ t: "op", v: op[1] }); i += op[1].length; continue }
    const m = /^[^\s()[\],=!<>"]+/.exec(src.slice(i))!
    out.push({ t: /^-?\d+(\.\d+)?$/.test(m[0]) ? "num" : "id", v: m[0] })
    i += m[0].length
  }
  return out
}
type Pred = (d: Doc) => boolean
function parseFilter(src: string): Pred {
  const toks = tokenize(src)
  let p = 0
  const peek = (v?: string) => toks[p] && (v === undefined || toks[p].v.toUpperCase() === v)
  const take = () => toks[p++]
  const value = () => { const t = take(); return t.t === "num" ? Number(t.v) : t.v }
  const get = (d: Doc, f: string) => f.split(".").reduce<unknown>((o, k) => (o == null ? undefined : (o as Doc)[k]), d)
  const vals = (x: unknown) => (Array.isArray(x) ? x : x === undefined || x === null ? [] : [x])
  const eq = (a: unknown, b: unknown) => (typeof b === "number" ? Number(a) === b : String(a).toLowerCase() === String(b).toLowerCase())
  function expr(): Pred { let l = and(); while (peek("OR")) { take(); const r = and(), a = l; l = (d) => a(d) || r(d) } return l }
  function and(): Pred { let l = unary(); while (peek("AND")) { take(); const r = unary(), a = l; l = (d) => a(d) && r(d) } return l }
  function unary(): Pred {
    if (peek("NOT")) { take(); const u = unary(); return (d) => !u(d) }
    if (peek("(")) { take(); const e = expr(); take(); return e }
    const field = take().v
    if (peek("IN")) { take(); const list = listOf(); return (d) => vals(get(d, field)).some((x) => list.some((v) => eq(x, v))) }
    if (peek("NOT")) {
      take()
      if (peek("IN")) { take(); const list = listOf(); return (d) => !vals(get(d, field)).some((x) => list.some((v) => eq(x, v))) }
      take() // EXISTS
      return (d) => get(d, field) === undefined
    }
    if (peek("EXISTS")) { take(); return (d) => get(d, field) !== undefined }
    if (peek("IS")) { take(); const not = peek("NOT") ? (take(), true) : false; take(); return (d) => (get(d, field) == null) !== not }
    const op = take().v
    const v = value()
    const cmp = (x: unknown) => (op === ">" ? Number(x) > Number(v) : op === ">=" ? Number(x) >= Number(v) : op === "<" ? Number(x) < Number(v) : Number(x) <= Number(v))
    if (op === "=") return (d) => vals(get(d, field)).some((x) => eq(x, v))
    if (op === "!=") return (d) => !vals(get(d, field)).some((x) => eq(x, v))
    return (d) => vals(get(d, field)).some((x) => x !== null && cmp(x))
  }
  function listOf() { take(); const out: unknown[] = []; while (!peek("]")) { out.push(value()); if (peek(",")) take() } take(); return out }
  const pred = expr()
  if (p !== toks.length) throw new Error(`invalid filter: ${src}`)
  return pred
}

function searchIndex(index: Index, q: Record<string, any>) {
  const filter = q.filter ? parseFilter(Array.isArray(q.filter) ? q.filter.join(" AND ") : q.filter) : () => true
  const searchable: string[] = q.attributesToSearchOn ?? index.settings.searchableAttributes ?? ["*"]
  const typo = index.settings.typoTolerance?.enabled !== false
  const terms = words(q.q ?? "")
  const scored: { doc: Doc; score: number }[] = []
  for (const doc of index.docs.values()) {
    if (!filter(doc)) continue
    if (!terms.length) { scored.push({ doc, score: 0 }); continue }
    const fields = searchable.includes("*") ? Object.keys(doc) : searchable
    let score = 0
    const all = terms.every((term, i) =>
      fields.some((f, rank) => {
        const tokens = ([] as unknown[]).concat(doc[f] ?? []).flatMap((v) => words(String(v)))
        const exact = tokens.includes(term)
        const hit = exact || tokens.some((t) => wordMatches(term, t, i === terms.length - 1, typo))
        if (hit) score += (exact ? 2 : 1) * (fields.length - rank)
        return hit
      })
    )
    if (all) scored.push({ doc, score })
  }
  scored.sort((a, b) => b.score - a.score)
  let docs = scored.map((s) => s.doc)
  for (const rule of [...(q.sort ?? [])].reverse()) {
    const [f, dir] = String(rule).split(":")
    docs = [...docs].sort((a, b) => (Number(a[f]) - Number(b[f]) || String(a[f]).localeCompare(String(b[f]))) * (dir === "desc" ? -1 : 1))
  }
  const facetDistribution: Record<string, Record<string, number>> = {}
  for (const f of q.facets ?? []) {
    const dist: Record<string, number> = {}
    for (const d of docs) for (const v of ([] as unknown[]).concat(d[f] ?? [])) dist[String(v)] = (dist[String(v)] ?? 0) + 1
    facetDistribution[f] = dist
  }
  const offset = q.offset ?? 0
  const limit = q.limit ?? 20
  const pick = (d: Doc) => (q.attributesToRetrieve && !q.attributesToRetrieve.includes("*") ? Object.fromEntries(q.attributesToRetrieve.filter((k: string) => k in d).map((k: string) => [k, d[k]])) : d)
  return {
    indexUid: index.uid,
    hits: docs.slice(offset, offset + limit).map(pick),
    query: q.q ?? "",
    processingTimeMs: 0,
    offset,
    limit,
    estimatedTotalHits: docs.length,
    ...(q.facets?.length ? { facetDistribution, facetStats: {} } : {}),
  }
}

export async function startFakeMeilisearch({ apiKey = "fake-master-key", port: wanted = 0 } = {}): Promise<FakeMeilisearch> {
  const indexes = new Map<string, Index>()
  const tasks = new Map<number, Task>()
  const requests: string[] = []
  let next = 0
  const task = (indexUid: string | null, type: string, error?: Task["error"]) => {
    const t: Task = { taskUid: next++, indexUid, status: error ? "failed" : "succeeded", type, error }
    tasks.set(t.taskUid, t)
    return { taskUid: t.taskUid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() }
  }
  const notFound = (uid: string) => ({ code: "index_not_found", message: `Index \`${uid}\` not found.` })

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url!, "http://fake")
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : undefined
    requests.push(`${req.method} ${url.pathname}`)
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { "content-type": "application/json" })
      res.end(JSON.stringify(data))
    }
    if (url.pathname === "/health") return send(200, { status: "available" })
    if (req.headers.authorization !== `Bearer ${apiKey}`) return send(401, { message: "The provided API key is invalid.", code: "invalid_api_key", type: "auth", link: "" })
    const parts = url.pathname.split("/").filter(Boolean)
    try {
      if (parts[0] === "tasks" && parts[1]) {
        const t = tasks.get(Number(parts[1]))
        return t ? send(200, { uid: t.taskUid, indexUid: t.indexUid, status: t.status, type: t.type, error: t.error ?? null, enqueuedAt: new Date().toISOString(), finishedAt: new Date().toISOString() }) : send(404, { code: "task_not_found", message: "task not found" })
      }
      if (parts[0] === "multi-search" && req.method === "POST") {
        const results = body.queries.map((q: Record<string, any>) => {
          const index = indexes.get(q.indexUid)
          if (!index) throw Object.assign(new Error(notFound(q.indexUid).message), { status: 400, code: "index_not_found" })
          return searchIndex(index, q)
        })
        return send(200, { results })
      }
      if (parts[0] !== "indexes") return send(404, { code: "not_found", message: url.pathname })
      const uid = parts[1]
      if (!uid) {
        if (req.method === "POST") {
          if (indexes.has(body.uid)) return send(202, task(body.uid, "indexCreation", { code: "index_already_exists", message: `Index \`${body.uid}\` already exists.` }))
          indexes.set(body.uid, { uid: body.uid, primaryKey: body.primaryKey ?? null, docs: new Map(), settings: {} })
          return send(202, task(body.uid, "indexCreation"))
        }
        return send(200, { results: [...indexes.values()].map((i) => ({ uid: i.uid, primaryKey: i.primaryKey })), offset: 0, limit: 1000, total: indexes.size })
      }
      const index = indexes.get(uid)
      const rest = parts.slice(2).join("/")
      if (!rest && req.method === "DELETE") {
        indexes.delete(uid)
        return send(202, task(uid, "indexDeletion", index ? undefined : notFound(uid)))
      }
      if (rest === "documents" && req.method === "POST") {
        const target = index ?? { uid, primaryKey: url.searchParams.get("primaryKey"), docs: new Map(), settings: {} }
        indexes.set(uid, target)
        target.primaryKey ??= url.searchParams.get("primaryKey") ?? "id"
        for (const d of body as Doc[]) target.docs.set(String(d[target.primaryKey!]), d)
        return send(202, task(uid, "documentAdditionOrUpdate"))
      }
      if (!index) return send(202, task(uid, rest, notFound(uid)))
      if (rest === "settings" && req.method === "PATCH") {
        Object.assign(index.settings, body)
        return send(202, task(uid, "settingsUpdate"))
      }
      if (rest === "settings") return send(200, index.settings)
      if (rest === "stats") return send(200, { numberOfDocuments: index.docs.size, isIndexing: false, fieldDistribution: {} })
      if (rest === "documents/delete-batch") {
        for (const id of body as string[]) index.docs.delete(String(id))
        return send(202, task(uid, "documentDeletion"))
      }
      if (rest === "documents/delete") {
        const pred = parseFilter(body.filter)
        for (const [id, d] of index.docs) if (pred(d)) index.docs.delete(id)
        return send(202, task(uid, "documentDeletion"))
      }
      if (rest === "documents" && req.method === "DELETE") {
        index.docs.clear()
        return send(202, task(uid, "documentDeletion"))
      }
      if (rest === "search" && req.method === "POST") return send(200, searchIndex(index, body))
      return send(404, { code: "not_found", message: `${req.method} ${url.pathname}` })
    } catch (e) {
      const err = e as Error & { status?: number; code?: string }
      return send(err.status ?? 400, { code: err.code ?? "invalid_search_filter", message: err.message, type: "invalid_request", link: "" })
    }
  }

  let server = http.createServer((req, res) => void handler(req, res))
  await new Promise<void>((r) => server.listen(wanted, "127.0.0.1", r))
  const port = (server.address() as AddressInfo).port
  const stop = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) })
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    indexes,
    requests,
    stop,
    start: async () => {
      server = http.createServer((req, res) => void handler(req, res))
      await new Promise<void>((r) => server.listen(port, "127.0.0.1", r))
    },
    close: stop,
  }
}

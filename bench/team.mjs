#!/usr/bin/env node
// bench/team: what the team guard and the audit log cost an Admin API write.
// `npm run bench:team` — boots Maart on BENCH_DATABASE_URL and alternates autocannon runs of the same
// write, POST /admin/products/:id {title}, on a demo shop's product:
//   A: with a secret API key — the guard lets it through, nothing is audited (note: Medusa verifies a
//      secret key's scrypt hash on every request, so A pays for authentication what B and C do not)
//   B: as the platform admin user — the user is read per request; the write is audited
//   C: as the shop's Owner — membership, role permission and ownership checked; the write is audited
// and reports writes/s, latencies, the cost ratios (C/B: what the team guard adds to a signed-in
// write), and whether every write got its audit entry.
import autocannon from "autocannon"
import { ADMIN, json, login, OWNER_PASSWORD, startMaart } from "./lib/server.mjs"

const DURATION = Number(process.env.BENCH_SECONDS || 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS || 2)

const run = (base, request) => autocannon({ url: base, connections: CONNECTIONS, duration: DURATION, requests: [request] })

async function main() {
  const { base, stop } = await startMaart()
  try {
    const admin = await login(base, ADMIN.email, ADMIN.password)
    const owner = await login(base, "owner@lumiere.localhost", OWNER_PASSWORD)
    const { api_key } = await json(base, "POST", "/admin/api-keys", { title: "bench", type: "secret" }, admin)
    const secret = { authorization: `Basic ${Buffer.from(`${api_key.token}:`).toString("base64")}` }
    const { products } = await json(base, "GET", "/admin/products?limit=1&fields=id", null, owner)
    const write = (headers) => ({
      method: "POST",
      path: `/admin/products/${products[0].id}?fields=id`,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ title: "Bench lamp" }),
    })
    const variants = { A: write(secret), B: write(admin), C: write(owner) }
    const entriesBefore = (await json(base, "GET", "/admin/audit-log?limit=1", null, admin)).count

    await run(base, variants.A) // warm-up
    const results = { A: [], B: [], C: [] }
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of ["A", "B", "C"]) {
        results[name].push(await run(base, variants[name]))
      }
    }
    const summarize = (rs) => ({
      perSecond: rs.reduce((s, r) => s + r.requests.average, 0) / rs.length,
      p50: rs.reduce((s, r) => s + r.latency.p50, 0) / rs.length,
      p99: rs.reduce((s, r) => s + r.latency.p99, 0) / rs.length,
      sent: rs.reduce((s, r) => s + r.requests.total, 0),
      errors: rs.reduce((s, r) => s + r.errors + r.non2xx, 0),
    })
    const S = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, summarize(rs)]))

    // Entries are written after the responses: give the last ones a moment.
    await new Promise((r) => setTimeout(r, 2000))
    const entries = (await json(base, "GET", "/admin/audit-log?limit=1", null, admin)).count - entriesBefore
    const audited = S.B.sent + S.C.sent

    console.log(`\n${CONNECTIONS} connections, ${ROUNDS} × ${DURATION} s per variant, POST /admin/products/:id`)
    console.log("variant                              writes/s   p50 ms   p99 ms   errors")
    for (const [name, label] of [["A", "A  secret key (baseline)"], ["B", "B  platform admin, audited"], ["C", "C  shop Owner, guarded + audited"]]) {
      const r = S[name]
      console.log(`${label.padEnd(36)} ${r.perSecond.toFixed(1).padStart(8)}   ${r.p50.toFixed(1).padStart(6)}   ${r.p99.toFixed(1).padStart(6)}   ${r.errors}`)
    }
    const cost = (x, y) => (S[y].perSecond / S[x].perSecond).toFixed(3)
    console.log(`time per write (from throughput): B/A = ${cost("B", "A")}, C/A = ${cost("C", "A")}, C/B = ${cost("C", "B")}`)
    console.log(`p50 difference: B−A ${(S.B.p50 - S.A.p50).toFixed(1)} ms, C−B ${(S.C.p50 - S.B.p50).toFixed(1)} ms`)
    console.log(`audit entries written: ${entries} for ${audited} audited writes sent (${S.B.errors + S.C.errors} of them failed)`)
  } finally {
    await stop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})

import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Meilisearch } from "meilisearch" with { "resolution-mode": "import" }

// Pinned to 0.56, the last release with a CommonJS build (its `require` export), which Medusa's server build
// and jest load; its type declarations are ES-module ones, hence the type-only import above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const meilisearch = require("meilisearch") as typeof import("meilisearch", { with: { "resolution-mode": "import" } })
import { toMeiliFilter } from "./filters"

type Options = { host: string; apiKey?: string; indexPrefix?: string; batchSize?: number; retries?: number; timeoutMs?: number }
type Definition = SearchTypes.ResolvedSearchIndexDefinition
type Field = { type?: string; searchable?: unknown; filterable?: boolean; sortable?: boolean; facetable?: unknown; fields?: Record<string, Field> }

/** Thrown when Meilisearch does not answer: the store search then falls back to Postgres (docs/search.md). */
export class SearchUnavailableError extends MedusaError {
  search_unavailable = true
  constructor(cause: Error) {
    super(MedusaError.Types.UNEXPECTED_STATE, `Meilisearch is unavailable: ${cause.message}`)
  }
}

const isSearchable = (f: Field) => f.searchable === true || typeof f.searchable === "object"
const weight = (f: Field) => (typeof f.searchable === "object" ? ((f.searchable as { weight?: number }).weight ?? 1) : 1)

/**
 * Medusa search module provider on Meilisearch, with the official client. One Meilisearch index per Medusa
 * index and environment (`<indexPrefix>_<physical name>`); its settings — searchable attributes by weight,
 * filterable (vendor_id, …), sortable, typo tolerance — are applied when the module migrates the index and
 * again the first time this process writes to or reads it. Documents go in batches (`batchSize`, 1,000), every
 * call is retried (`retries`, 3, with back-off) and a Meilisearch that does not answer becomes a
 * `SearchUnavailableError`.
 */
export default class MeilisearchSearchProvider extends AbstractSearchProviderService {
  static identifier = "meilisearch"
  protected client_: Meilisearch
  protected options_: Required<Omit<Options, "apiKey">> & { apiKey?: string }
  protected logger_: Logger
  protected ready_ = new Map<string, Promise<void>>()

  constructor({ logger }: { logger: Logger }, options: Options) {
    super()
    if (!options?.host) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Meilisearch search provider needs a host (MEILISEARCH_HOST)")
    }
    this.options_ = { indexPrefix: "maart", batchSize: 1000, retries: 3, timeoutMs: 5000, ...options }
    this.logger_ = logger
    this.client_ = new meilisearch.Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: this.options_.timeoutMs })
  }

  uid(index: string) {
    return `${this.options_.indexPrefix}_${index}`.replace(/[^A-Za-z0-9_-]/g, "_")
  }

  /** Retries what failed to reach Meilisearch; an API error (bad request) is not retried. */
  protected async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    let last: Error | undefined
    for (let attempt = 0; attempt <= this.options_.retries; attempt++) {
      try {
        return await fn()
      } catch (e) {
        if (e instanceof meilisearch.MeiliSearchApiError && (e.response?.status ?? 500) < 500) {
          throw new MedusaError(MedusaError.Types.INVALID_DATA, `Meilisearch refused ${what}: ${e.message}`)
        }
        last = e as Error
        if (attempt < this.options_.retries) await new Promise((r) => setTimeout(r, 100 * 2 ** attempt))
      }
    }
    this.logger_.error(`[meilisearch] ${what} failed after ${this.options_.retries + 1} attempts: ${last?.message}`)
    throw new SearchUnavailableError(last!)
  }

  settings(definition: Definition) {
    const searchable: { path: string; weight: number }[] = []
    const filterable: string[] = []
    const sortable: string[] = []
    const walk = (fields: Record<string, Field>, prefix: string) => {
      for (const [name, f] of Object.entries(fields)) {
        const path = prefix ? `${prefix}.${name}` : name
        if (f.type === "object" && f.fields) {
          walk(f.fields, path)
          continue
        }
        if (isSearchable(f)) searchable.push({ path, weight: weight(f) })
        if (f.filterable || f.facetable) filterable.push(path)
        if (f.sortable) sortable.push(path)
      }
    }
    walk(definition.fields as Record<string, Field>, "")
    const typo = definition.settings?.typo_tolerance
    return {
      // Meilisearch ranks by attribute order: the heavier fields first.
      searchableAttributes: searchable.sort((a, b) => b.weight - a.weight).map((s) => s.path),
      filterableAttributes: filterable,
      sortableAttributes: sortable,
      typoTolerance: {
        enabled: typo?.enabled ?? true,
        minWordSizeForTypos: { oneTypo: typo?.min_word_size_for_one_typo ?? 4, twoTypos: typo?.min_word_size_for_two_typos ?? 8 },
        disableOnAttributes: typo?.disabled_on_attributes ?? [],
      },
      faceting: { maxValuesPerFacet: 100 },
    }
  }

  protected async ensureIndex(definition: Definition, physical: string) {
    const uid = this.uid(physical)
    let ready = this.ready_.get(uid)
    if (!ready) {
      ready = (async () => {
        await this.call(`creating index ${uid}`, async () => {
          const task = await this.client_.createIndex(uid, { primaryKey: definition.primary_key }).waitTask()
          // "index_already_exists" is fine: the settings below are applied either way.
          if (task.status === "failed" && task.error?.code !== "index_already_exists") throw new Error(task.error?.message)
        })
        await this.call(`applying settings to ${uid}`, async () => {
          const task = await this.client_.index(uid).updateSettings(this.settings(definition) as any).waitTask()
          if (task.status === "failed") throw new MedusaError(MedusaError.Types.INVALID_DATA, `Meilisearch settings of ${uid}: ${task.error?.message}`)
        })
      })()
      this.ready_.set(uid, ready)
      ready.catch(() => this.ready_.delete(uid))
    }
    await ready
  }

  async upsertIndex({ index }: { index: Definition }): Promise<SearchTypes.SearchTask> {
    this.ready_.delete(this.uid(index.physical_name))
    await this.ensureIndex(index, index.physical_name)
    return { index: index.physical_name, status: "succeeded" }
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    this.ready_.delete(uid)
    await this.call(`deleting index ${uid}`, () => this.client_.deleteIndex(uid).waitTask())
    return { index, status: "succeeded" }
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const prefix = `${this.options_.indexPrefix}_`
    const { results } = await this.call("listing indexes", () => this.client_.getIndexes({ limit: 1000 }))
    const own = results.filter((i) => i.uid.startsWith(prefix))
    return await Promise.all(
      own.map(async (i) => ({
        name: i.uid.slice(prefix.length),
        provider: MeilisearchSearchProvider.identifier,
        document_count: (await this.call("index stats", () => this.client_.index(i.uid).getStats())).numberOfDocuments,
      }))
    )
  }

  async upsertDocuments({ index, definition, documents }: { index: string; definition: Definition; documents: SearchTypes.SearchDocument[] }): Promise<SearchTypes.SearchTask> {
    await this.ensureIndex(definition, index)
    const uid = this.uid(index)
    const size = this.options_.batchSize
    for (let i = 0; i < documents.length; i += size) {
      const batch = documents.slice(i, i + size)
      await this.call(`writing ${batch.length} documents to ${uid}`, async () => {
        const task = await this.client_.index(uid).addDocuments(batch, { primaryKey: definition.primary_key }).waitTask({ timeout: 60000 })
        if (task.status === "failed") throw new MedusaError(MedusaError.Types.INVALID_DATA, `Meilisearch rejected documents of ${uid}: ${task.error?.message}`)
      })
    }
    return { index, status: "succeeded" }
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    const keys = Object.keys(filters)
    const ids = (filters as Record<string, unknown>).id
    const byId = keys.length === 1 && ids !== undefined
    const idList = byId ? (Array.isArray(ids) ? ids : typeof ids === "object" && ids && "$in" in ids ? (ids as { $in: string[] }).$in : [ids]) : null
    await this.call(`deleting documents of ${uid}`, async () => {
      const task = await (idList ? this.client_.index(uid).deleteDocuments(idList as string[]) : this.client_.index(uid).deleteDocuments({ filter: toMeiliFilter(filters)! })).waitTask()
      // Deleting from an index that was never written to deletes nothing.
      if (task.status === "failed" && task.error?.code !== "index_not_found") throw new Error(task.error?.message)
    })
    return { index, status: "succeeded" }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const uid = this.uid(index)
    await this.call(`clearing ${uid}`, () => this.client_.index(uid).deleteAllDocuments().waitTask())
    return { index, status: "succeeded" }
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Hits and value facets in one query per search; each range bucket is a count-only query of the same multi-search. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    const started = Date.now()
    const queries: Record<string, unknown>[] = []
    const plans = inputs.map((input) => {
      const options = input.search_options ?? {}
      if (options.vector) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The Meilisearch provider does not support vector search")
      const uid = this.uid(input.index.physical_name)
      const filter = toMeiliFilter(input.filters as Record<string, unknown>)
      const facets = (options.facets ?? []) as { field: string; type?: string; ranges?: { key?: string; from?: number; to?: number }[] }[]
      const order = Object.entries(input.pagination?.order ?? {}).filter(([k]) => k !== "_score")
      const main = queries.length
      queries.push({
        indexUid: uid,
        q: input.q ?? "",
        filter,
        offset: input.pagination?.skip ?? 0,
        limit: input.pagination?.take ?? 20,
        attributesToRetrieve: input.attributes_to_retrieve,
        ...(options.attributes_to_search_on ? { attributesToSearchOn: options.attributes_to_search_on } : {}),
        ...(order.length ? { sort: order.map(([k, d]) => `${k}:${String(d).toLowerCase()}`) } : {}),
        facets: facets.filter((f) => (f.type ?? "value") === "value").map((f) => f.field),
        matchingStrategy: options.match_strategy === "any" ? "last" : "all",
        showRankingScore: !!options.include_score,
      })
      const ranges = facets
        .filter((f) => f.type === "range")
        .map((f) => ({
          field: f.field,
          buckets: (f.ranges ?? []).map((r) => {
            const parts = [filter, r.from != null ? `${f.field} >= ${Number(r.from)}` : null, r.to != null ? `${f.field} < ${Number(r.to)}` : null].filter(Boolean)
            queries.push({ indexUid: uid, q: input.q ?? "", filter: parts.map((p) => `(${p})`).join(" AND ") || undefined, limit: 0, ...(options.attributes_to_search_on ? { attributesToSearchOn: options.attributes_to_search_on } : {}), matchingStrategy: options.match_strategy === "any" ? "last" : "all" })
            return { range: r, at: queries.length - 1 }
          }),
        }))
      return { input, main, facets, ranges }
    })
    const { results } = await this.call("searching", () => this.client_.multiSearch({ queries: queries as any }))
    return plans.map(({ input, main, facets, ranges }) => {
      const r = results[main] as any
      const facetResults: Record<string, unknown> = {}
      for (const f of facets.filter((f) => (f.type ?? "value") === "value")) {
        const dist = (r.facetDistribution?.[f.field] ?? {}) as Record<string, number>
        facetResults[f.field] = { type: "value", values: Object.entries(dist).map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count) }
      }
      for (const { field, buckets } of ranges) {
        facetResults[field] = {
          type: "range",
          ranges: buckets.map(({ range, at }) => ({ key: range.key ?? `${range.from ?? ""}-${range.to ?? ""}`, from: range.from, to: range.to, count: (results[at] as any).estimatedTotalHits ?? 0 })),
        }
      }
      return {
        hits: (r.hits as Record<string, unknown>[]).map(({ _rankingScore, ...document }) => ({
          id: String(document[input.index.primary_key]),
          score: input.search_options?.include_score ? Number(_rankingScore) : undefined,
          document,
        })),
        facets: facets.length ? (facetResults as any) : undefined,
        metadata: { skip: input.pagination?.skip ?? 0, take: input.pagination?.take ?? 20, count: r.estimatedTotalHits ?? r.totalHits ?? r.hits.length, query: input.q, processing_time_ms: Date.now() - started },
      } as SearchTypes.SearchResult
    })
  }
}

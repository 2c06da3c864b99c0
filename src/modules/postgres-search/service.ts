import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, projectDocument } from "@medusajs/framework/utils"
import { PostgresSearchService } from "@medusajs/search-postgres/dist/services/postgres-search"
import { assertQuerySupported, keywordTsQuerySql, normalizeFacetRequests, type IndexPlan } from "@medusajs/search-postgres/dist/utils"
import { LAYOUT_VERSION, TEXT_ARRAY_FUNCTION, TEXT_FUNCTION, fieldText, generatedColumnsSql, languageColumn, layoutOf, vectorExpr, type Layout } from "./layout"
import { NotOnFastPath, facetResult, facetSql, whereSql } from "./sql"

type Options = ConstructorParameters<typeof PostgresSearchService>[1] & {
  /** The field every shop query filters on first (Maart: the vendor): it leads the composite GIN indexes. */
  tenant_field?: string
}
type Plan = IndexPlan & { maart_layout?: number }
type Manager = { execute(sql: string, params?: unknown[]): Promise<any[]> }

/** Typo tolerance: pg_trgm word similarity above this, as Medusa's provider decides it. */
const TYPO_SIMILARITY = 0.3
/** How long a process reuses an index's catalog row (its table and plan) between searches. */
const CATALOG_TTL_MS = 10_000

/**
 * Maart's PostgreSQL search provider: Medusa's `search-postgres` (same catalog, same document columns, same writes,
 * same text search configuration with unaccent), with a table layout and a query path made for shop search
 * (docs/search.md § "Postgres provider"):
 * - typed columns generated from `indexed` for every filterable/facetable/sortable field, and one stored tsvector
 *   per language group (the base fields, then each `<field>_<lang>`), instead of jsonb containment and
 *   tsvectors computed per row when a query names its fields;
 * - composite GIN indexes led by the tenant (`tenant_field`, btree_gin) over each language's vector and over the
 *   text's trigrams, so one index scan finds a shop's matches;
 * - a narrow heap: Medusa's wide columns are stored out of line;
 * - one statement per search: the matches, their count, the top hits with their documents and every facet;
 * - the catalog row cached for a few seconds instead of read on every search.
 * Queries outside this shape (vector search, distinct, min_score, a field set that is not a language group, …)
 * take Medusa's own path unchanged.
 */
export default class MaartPostgresSearchService extends PostgresSearchService {
  static identifier = "search-postgres-maart"
  protected tenantField_: string
  protected catalogs_ = new Map<string, { at: number; catalog: Awaited<ReturnType<PostgresSearchService["retrieve"]>> }>()

  constructor(deps: ConstructorParameters<typeof PostgresSearchService>[0], options: Options = {}) {
    const { tenant_field, ...medusa } = options
    super(deps, medusa)
    this.tenantField_ = tenant_field ?? "vendor_id"
  }

  protected serializePlan(plan: IndexPlan) {
    return JSON.stringify({ ...JSON.parse(super.serializePlan(plan)), maart_layout: LAYOUT_VERSION })
  }

  protected deserializePlan(raw: unknown): Plan {
    const data = typeof raw === "string" ? JSON.parse(raw) : (raw as { maart_layout?: number })
    return Object.assign(super.deserializePlan(raw), { maart_layout: data?.maart_layout })
  }

  protected async createDocumentTable(table: string, plan: IndexPlan, manager: Manager) {
    const layout = layoutOf(plan)
    await manager.execute(`
      DO $$
      BEGIN
        BEGIN
          CREATE EXTENSION IF NOT EXISTS btree_gin;
        EXCEPTION WHEN OTHERS THEN
          RAISE NOTICE 'maart search: could not enable btree_gin (%)', SQLERRM;
        END;
        IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = '${TEXT_ARRAY_FUNCTION}') THEN
          CREATE FUNCTION ${TEXT_ARRAY_FUNCTION}(value jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT CASE WHEN jsonb_typeof(value) = ''array'' THEN ARRAY(SELECT jsonb_array_elements_text(value))
                         WHEN value IS NULL OR jsonb_typeof(value) = ''null'' THEN NULL ELSE ARRAY[value #>> ''{}''] END';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_proc WHERE proname = '${TEXT_FUNCTION}') THEN
          CREATE FUNCTION ${TEXT_FUNCTION}(value jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT CASE WHEN jsonb_typeof(value) = ''array'' THEN (SELECT string_agg(v, '' '') FROM jsonb_array_elements_text(value) v)
                         ELSE value #>> ''{}'' END';
        END IF;
      END
      $$;
    `)
    // Medusa's columns, then ours; a short toast target sends the jsonb and text columns out of line, while the
    // vectors and typed columns (storage PLAIN) stay in the heap row the shop search reads.
    await manager.execute(`
      CREATE TABLE IF NOT EXISTS "${table}" (
        "id" text NOT NULL,
        "document" jsonb NOT NULL,
        "indexed" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "search_vector" tsvector NOT NULL DEFAULT ''::tsvector,
        "search_text" text NOT NULL DEFAULT '',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        ${generatedColumnsSql(plan, layout, this.tsConfig_).join(",\n        ")},
        CONSTRAINT "${table}_pkey" PRIMARY KEY ("id")
      ) WITH (toast_tuple_target = 128)
    `)
    // Everything the shop search reads stays in the row (PLAIN: never compressed or moved out by the short target).
    const plain = ["id", "search_vector", ...[...layout.columns.values()].map((c) => c.name), languageColumn(null), ...[...layout.languages.keys()].map(languageColumn)]
    await manager.execute(`ALTER TABLE "${table}"
      ALTER COLUMN "document" SET STORAGE EXTERNAL, ALTER COLUMN "indexed" SET STORAGE EXTERNAL, ALTER COLUMN "search_text" SET STORAGE EXTERNAL,
      ${plain.map((c) => `ALTER COLUMN "${c}" SET STORAGE PLAIN`).join(", ")}`)
    const [{ btree_gin }] = await manager.execute(`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'btree_gin') AS btree_gin`)
    const tenant = layout.columns.get(this.tenantField_)
    const lead = tenant && btree_gin ? `"${tenant.name}", ` : ""
    if (tenant && !btree_gin) {
      await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_tenant_idx" ON "${table}" ("${tenant.name}")`)
    }
    // One full-text index over every field, all languages (a language's search re-checks its own vector on the candidates)
    // and one trigram index for typos; Medusa's jsonb index is left out (its filter path scans instead).
    await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_sv_idx" ON "${table}" USING GIN (${lead}(${vectorExpr(layout, "all")}))`)
    await manager.execute(`CREATE INDEX IF NOT EXISTS "${table}_trgm_idx" ON "${table}" USING GIN (${lead}"search_text" gin_trgm_ops)`)
  }

  async upsertIndex(input: { index: SearchTypes.ResolvedSearchIndexDefinition }) {
    this.catalogs_.delete(input.index.physical_name)
    return await super.upsertIndex(input)
  }

  async deleteIndex(input: { index: string }) {
    this.catalogs_.delete(input.index)
    return await super.deleteIndex(input)
  }

  protected async cachedCatalog(name: string) {
    const hit = this.catalogs_.get(name)
    if (hit && Date.now() - hit.at < CATALOG_TTL_MS) return hit.catalog
    const catalog = await this.retrieve(name)
    this.catalogs_.set(name, { at: Date.now(), catalog })
    return catalog
  }

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const options = input.search_options ?? {}
    if (options.vector || options.distinct || input.index.settings?.distinct_attribute || options.min_score !== undefined) {
      return await super.search(input)
    }
    assertQuerySupported(input, this.engine_)
    const catalog = await this.cachedCatalog(input.index.physical_name)
    const plan = catalog.plan as Plan
    if (plan.maart_layout !== LAYOUT_VERSION) return await super.search(input)
    let statement: ReturnType<MaartPostgresSearchService["shopSearchSql"]>
    try {
      statement = this.shopSearchSql(input, plan, catalog.table_name)
    } catch (e) {
      if (e instanceof NotOnFastPath) return await super.search(input)
      throw e
    }
    const started = Date.now()
    let row: any
    try {
      const run = async (manager: Manager) => {
        if (statement.typo) {
          await manager.execute(`SELECT set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(TYPO_SIMILARITY)])
        }
        return (await manager.execute(statement.sql, statement.params))[0]
      }
      // The threshold is transaction-local; exact searches need no transaction.
      row = statement.typo ? await this.withTransaction(run) : await run(this.manager_)
    } catch (e) {
      // A version dropped by a reindex in another process: let the module resolve the active one again.
      if ((e as { code?: string }).code === "42P01") {
        this.catalogs_.delete(input.index.physical_name)
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `The search index "${input.index.physical_name}" is gone`)
      }
      throw e
    }
    const hits = (typeof row.hits === "string" ? JSON.parse(row.hits) : row.hits) as { id: string; document: Record<string, unknown>; score: number }[]
    return {
      hits: hits.map((hit) => ({
        id: hit.id,
        score: options.include_score ? Number(hit.score) : undefined,
        document: projectDocument(hit.document, input.attributes_to_retrieve),
      })),
      facets: statement.facets.length ? Object.fromEntries(statement.facets.map((f, i) => [f.field, facetResult(f, row[`f${i}`])])) : undefined,
      metadata: {
        skip: statement.skip,
        take: statement.take,
        count: options.count === "none" ? null : Number(row.count),
        query: input.q,
        processing_time_ms: Date.now() - started,
      },
    } as SearchTypes.SearchResult
  }

  /**
   * The one statement of a shop search. `m` holds the matches (id, rank, typed columns) once; the count, the
   * page of hits (documents read for those rows only) and each facet are read from it.
   */
  protected shopSearchSql(input: SearchTypes.ProviderSearchQuery, plan: Plan, table: string) {
    const layout = layoutOf(plan)
    const options = input.search_options ?? {}
    const q = input.q?.trim() || undefined
    const skip = input.pagination?.skip ?? 0
    const take = input.pagination?.take ?? 20
    const lang = this.languageOf(layout, options.attributes_to_search_on)
    const vector = vectorExpr(layout, lang)
    const typo = !!(q && options.typo_tolerance && (input.index.settings?.typo_tolerance?.enabled ?? true))
    const tsquery = keywordTsQuerySql(this.tsConfig_, options.match_strategy)

    const facets = normalizeFacetRequests(options.facets, plan) as Parameters<typeof facetSql>[1][]
    const needed = new Set<string>(facets.map((f) => (layout.columns.get(f.field) ?? this.offPath(`facet ${f.field}`)).name))
    const order = this.orderSql(input, layout, needed, !!q)

    const params: unknown[] = []
    let rank = "0::float4"
    if (q) {
      rank = `ts_rank_cd(${vector}, ${tsquery})`
      params.push(q)
      if (typo) {
        rank = `GREATEST(${rank}, word_similarity(?, "search_text"))`
        params.push(q)
      }
    }
    const conditions: string[] = []
    if (q) {
      // The index holds every language's words; a language's search keeps the candidates its own texts match.
      let match = lang === "all" ? `${vector} @@ ${tsquery}` : `${vectorExpr(layout, "all")} @@ ${tsquery} AND ${vector} @@ ${tsquery}`
      params.push(q)
      if (lang !== "all") params.push(q)
      if (typo) {
        // The trigram index finds candidates over every field; a language's search re-checks its own texts.
        const own = lang === "all" ? "" : ` AND word_similarity(?, ${[...layout.base, ...(layout.languages.get(lang!) ?? [])].map((p) => fieldText(plan, p)).join(` || ' ' || `)}) > ${TYPO_SIMILARITY}`
        match = `((${match}) OR (? <% "search_text"${own}))`
        params.push(q)
        if (own) params.push(q)
      }
      conditions.push(match)
    }
    const filter = whereSql(layout, input.filters, params)
    if (filter) conditions.push(filter)
    const columns = [...needed].map((c) => `, "${c}"`).join("")
    const matches = `SELECT "id", ${rank} AS score${columns} FROM "${table}"${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}`

    const facetParams: unknown[] = []
    const facetColumns = facets.map((f, i) => `, ${facetSql(layout, f, facetParams)} AS f${i}`).join("")
    const count = options.count === "none" ? "NULL::int" : "(SELECT count(*)::int FROM m)"
    const sql = `
      WITH m AS MATERIALIZED (${matches})
      SELECT ${count} AS count,
        (SELECT coalesce(json_agg(json_build_object('id', d."id", 'score', top.score, 'document', d."document") ORDER BY top.n), '[]'::json)
           FROM (SELECT "id", score, row_number() OVER (ORDER BY ${order}) AS n FROM m ORDER BY ${order} LIMIT ? OFFSET ?) top
           JOIN "${table}" d ON d."id" = top."id") AS hits
        ${facetColumns}`
    params.push(take, skip, ...facetParams)
    return { sql, params, typo, facets, skip, take }
  }

  /** The language group a query's field list names: every field ("all"), or the base fields plus one language's. */
  protected languageOf(layout: Layout, searchOn?: string[]): string | "all" {
    const all = [...layout.base, ...[...layout.languages.values()].flat()]
    if (!searchOn || (searchOn.length === all.length && all.every((p) => searchOn.includes(p)))) return "all"
    for (const [lang, paths] of layout.languages) {
      const group = [...layout.base, ...paths]
      if (searchOn.length === group.length && group.every((p) => searchOn.includes(p))) return lang
    }
    return this.offPath("a field list that is not a language group")
  }

  protected orderSql(input: SearchTypes.ProviderSearchQuery, layout: Layout, needed: Set<string>, hasScore: boolean) {
    const order = Object.entries(input.pagination?.order ?? {})
    if (!order.length) return hasScore ? `score DESC NULLS LAST, "id" ASC` : `"id" ASC`
    const clauses = order.map(([property, direction]) => {
      const dir = direction === "ASC" ? "ASC" : "DESC"
      if (property === "_score") return `score ${dir} NULLS LAST`
      const column = layout.columns.get(property)
      if (!column || column.sqlType === "text[]") return this.offPath(`order by ${property}`)
      needed.add(column.name)
      return `"${column.name}" ${dir} NULLS LAST`
    })
    return [...clauses, `"id" ASC`].join(", ")
  }

  protected offPath(why: string): never {
    throw new NotOnFastPath(why)
  }
}

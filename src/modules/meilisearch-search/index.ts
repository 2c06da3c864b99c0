import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MeilisearchSearchProvider from "./service"

/** Medusa search module provider on Meilisearch (docs/search.md), used when MEILISEARCH_HOST is set. */
export default ModuleProvider(Modules.SEARCH, { services: [MeilisearchSearchProvider] })

import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MaartPostgresSearchService from "./service"

/** Medusa search module provider on PostgreSQL, laid out for shop search (docs/search.md); the default one. */
export default ModuleProvider(Modules.SEARCH, { services: [MaartPostgresSearchService] })

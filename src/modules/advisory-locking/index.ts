import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import AdvisoryLockingProvider from "./service"

/** Medusa's locking on PostgreSQL advisory locks, for platforms without Redis (docs/selling.md, "No oversell"). */
export default ModuleProvider(Modules.LOCKING, { services: [AdvisoryLockingProvider] })

// The stock provider's migration under its own name, so a database that ran it with the stock provider is not migrated twice.
export { Migration20241009222919_InitialSetupMigration } from "@medusajs/locking-postgres/dist/migrations/Migration20241009222919_InitialSetupMigration"

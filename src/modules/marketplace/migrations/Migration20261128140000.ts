import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The staging browser's text search folds accents (`creme` finds "Crème"), as the shop search does: it needs
 * PostgreSQL's unaccent (a trusted extension; Medusa's search provider creates it too, in its own migration).
 */
export class Migration20261128140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS unaccent;`)
  }

  override async down(): Promise<void> {
    // Left in place: the search module uses it too.
  }
}

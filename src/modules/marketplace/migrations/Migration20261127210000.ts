import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Staging's JSON columns compress with lz4 rather than pglz: a staged row (texts, data and the raw
 * row of each language) is over PostgreSQL's 2 kB TOAST threshold, so every imported row is
 * compressed; lz4 does it several times faster. Servers built without lz4 keep pglz.
 */
export class Migration20261127210000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`DO $$ BEGIN
  ALTER TABLE "staged_product" ALTER COLUMN "texts" SET COMPRESSION lz4, ALTER COLUMN "data" SET COMPRESSION lz4, ALTER COLUMN "raw" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL;
END $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE "staged_product" ALTER COLUMN "texts" SET COMPRESSION DEFAULT, ALTER COLUMN "data" SET COMPRESSION DEFAULT, ALTER COLUMN "raw" SET COMPRESSION DEFAULT;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127175158 extends Migration {

  override async up(): Promise<void> {
    // Feed URLs now live in the marketplace module's feed_config (set at provisioning, or by the
    // vendor): the vendor row no longer carries them. Pre-release: no data to carry over.
    this.addSql(`alter table if exists "vendor" drop column if exists "letzshop_feeds";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor" add column if not exists "letzshop_feeds" jsonb null;`);
  }

}

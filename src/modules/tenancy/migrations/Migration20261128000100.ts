import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The vendor's Stripe Connect account id (acct_…), set by its Owner or a platform admin: the
 * Stripe provider creates the shop's payment intents on it (transfer_data / on_behalf_of).
 * Nullable: a shop without one is paid to the platform's account.
 */
export class Migration20261128000100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor" add column if not exists "stripe_account_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor" drop column if exists "stripe_account_id";`);
  }

}

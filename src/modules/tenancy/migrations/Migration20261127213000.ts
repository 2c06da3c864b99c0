import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Customer accounts are per shop (design.md §2): one email may hold an account at each shop.
 *
 * Medusa's customer module allows one account per email platform-wide with the unique index
 * IDX_customer_email_has_account_unique on customer (email, has_account) (its Migration20240524123112).
 * It is dropped here and replaced by shop_customer_account: one row per (shop, email) — the primary key
 * is what Postgres enforces under concurrency — claimed by createShopCustomerAccountWorkflow in the same
 * run that creates the customer (a lost race compensates its customer away). The customer row has no
 * vendor column and the vendor↔customer link table is created after module migrations, so the
 * uniqueness cannot live on either.
 *
 * Re-check after every Medusa upgrade: a customer-module migration that recreates the index (or one
 * like it) brings back one account per email; `\d customer` must show no unique index on email.
 */
export class Migration20261127213000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index if exists "IDX_customer_email_has_account_unique";`);
    this.addSql(`create table if not exists "shop_customer_account" (
      "vendor_id" text not null,
      "email" text not null,
      "customer_id" text not null,
      "created_at" timestamptz not null default now(),
      constraint "shop_customer_account_pkey" primary key ("vendor_id", "email")
    );`);
    this.addSql(`create unique index if not exists "IDX_shop_customer_account_customer_id" on "shop_customer_account" ("customer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shop_customer_account";`);
    // Fails while two accounts share an email: remove them first.
    this.addSql(`create unique index if not exists "IDX_customer_email_has_account_unique" on "customer" ("email", "has_account") where deleted_at is null;`);
  }

}

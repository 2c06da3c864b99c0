import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127141332 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_vendor_id_user_id_unique";`);
    this.addSql(`create table if not exists "membership" ("id" text not null, "vendor_id" text not null, "user_id" text not null, "role" text not null default 'owner', "invited_by" text null, "active" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_deleted_at" ON "membership" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_membership_vendor_id_user_id_unique" ON "membership" ("vendor_id", "user_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_user_id" ON "membership" ("user_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "membership" cascade;`);
  }

}

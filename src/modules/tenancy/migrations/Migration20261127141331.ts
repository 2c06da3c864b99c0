import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127141331 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "vendor_domain" drop constraint if exists "vendor_domain_hostname_unique";`);
    this.addSql(`alter table if exists "vendor" drop constraint if exists "vendor_handle_unique";`);
    this.addSql(`create table if not exists "vendor" ("id" text not null, "handle" text not null, "name" text not null, "status" text check ("status" in ('pending', 'active', 'suspended')) not null default 'pending', "verified_at" timestamptz null, "email" text null, "phone" text null, "address" jsonb null, "default_language" text not null default 'fr', "languages" text[] not null default '{fr,de,en}', "theme" jsonb null, "letzshop_feeds" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_deleted_at" ON "vendor" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_handle_unique" ON "vendor" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_status" ON "vendor" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "vendor_domain" ("id" text not null, "hostname" text not null, "kind" text check ("kind" in ('subdomain', 'custom')) not null default 'custom', "verified_at" timestamptz null, "verification_token" text null, "vendor_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "vendor_domain_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_domain_vendor_id" ON "vendor_domain" ("vendor_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_vendor_domain_deleted_at" ON "vendor_domain" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_vendor_domain_hostname_unique" ON "vendor_domain" ("hostname") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "vendor_domain" add constraint "vendor_domain_vendor_id_foreign" foreign key ("vendor_id") references "vendor" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "vendor_domain" drop constraint if exists "vendor_domain_vendor_id_foreign";`);

    this.addSql(`drop table if exists "vendor" cascade;`);

    this.addSql(`drop table if exists "vendor_domain" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127171956 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "staged_product" drop constraint if exists "staged_product_vendor_id_external_id_unique";`);
    this.addSql(`create table if not exists "import_job" ("id" text not null, "vendor_id" text not null, "marketplace" text not null default 'letzshop', "source_kind" text check ("source_kind" in ('url', 'file')) not null, "source_url" text null, "file_id" text null, "file_name" text null, "language" text not null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'partially_succeeded', 'failed', 'cancelled')) not null default 'queued', "rows_done" integer not null default 0, "rows_imported" integer not null default 0, "rows_unchanged" integer not null default 0, "rows_rejected" integer not null default 0, "warnings" integer not null default 0, "bytes_read" numeric null, "bytes_total" numeric null, "encoding" text null, "delimiter" text null, "gzip" boolean not null default false, "gone" integer not null default 0, "run" integer not null default 0, "heartbeat_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "cancel_requested_at" timestamptz null, "error_code" text null, "error_message" text null, "triggered_by" text null, "raw_bytes_read" jsonb null, "raw_bytes_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "import_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_job_deleted_at" ON "import_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_job_vendor_id_created_at" ON "import_job" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_job_status" ON "import_job" ("status") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "import_row_error" ("id" text not null, "job_id" text not null, "line" integer not null, "column" text null, "code" text not null, "message" text not null, "value" text null, "external_id" text null, "severity" text check ("severity" in ('error', 'warning')) not null default 'error', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "import_row_error_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_row_error_job_id" ON "import_row_error" ("job_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_row_error_deleted_at" ON "import_row_error" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_import_row_error_job_id_line" ON "import_row_error" ("job_id", "line") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "staged_product" ("id" text not null, "vendor_id" text not null, "external_id" text not null, "group_id" text null, "title" text null, "brand" text null, "availability" text null, "price_amount" numeric null, "currency_code" text null, "gtin" text null, "texts" jsonb not null, "data" jsonb not null, "raw" jsonb not null, "data_language" text null, "content_hash" text not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "seen_runs" jsonb not null, "gone_at" timestamptz null, "selected" boolean not null default false, "published_product_id" text null, "published_hash" text null, "upstream_changed_at" timestamptz null, "raw_price_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "staged_product_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staged_product_deleted_at" ON "staged_product" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_staged_product_vendor_id_external_id_unique" ON "staged_product" ("vendor_id", "external_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staged_product_vendor_id_group_id" ON "staged_product" ("vendor_id", "group_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_staged_product_vendor_id_selected" ON "staged_product" ("vendor_id", "selected") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "import_row_error" add constraint "import_row_error_job_id_foreign" foreign key ("job_id") references "import_job" ("id") on update cascade;`);

    this.addSql(`alter table if exists "publish_override" drop constraint if exists "publish_override_staged_product_id_unique";`);
    this.addSql(`create table if not exists "publish_override" ("id" text not null, "vendor_id" text not null, "staged_product_id" text not null, "price_amount" integer null, "sale_price_amount" integer null, "titles" jsonb null, "descriptions" jsonb null, "status" text check ("status" in ('draft', 'published')) null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "publish_override_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_publish_override_deleted_at" ON "publish_override" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_publish_override_staged_product_id_unique" ON "publish_override" ("staged_product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_publish_override_vendor_id" ON "publish_override" ("vendor_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "feed_config" drop constraint if exists "feed_config_vendor_id_unique";`);
    this.addSql(`create table if not exists "feed_config" ("id" text not null, "vendor_id" text not null, "urls" jsonb not null, "schedule_enabled" boolean not null default true, "last_scheduled_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "feed_config_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_feed_config_deleted_at" ON "feed_config" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_feed_config_vendor_id_unique" ON "feed_config" ("vendor_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "import_row_error" drop constraint if exists "import_row_error_job_id_foreign";`);

    this.addSql(`drop table if exists "import_job" cascade;`);

    this.addSql(`drop table if exists "import_row_error" cascade;`);

    this.addSql(`drop table if exists "staged_product" cascade;`);

    this.addSql(`drop table if exists "publish_override" cascade;`);

    this.addSql(`drop table if exists "feed_config" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127211000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "publish_job" ("id" text not null, "vendor_id" text not null, "status" text check ("status" in ('queued', 'running', 'succeeded', 'partially_succeeded', 'failed', 'cancelled')) not null default 'queued', "items" jsonb not null, "chunks_done" integer not null default 0, "items_total" integer not null default 0, "items_done" integer not null default 0, "created" integer not null default 0, "updated" integer not null default 0, "published_items" integer not null default 0, "skipped" jsonb not null, "failed" jsonb not null, "run" integer not null default 0, "heartbeat_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, "cancel_requested_at" timestamptz null, "error_code" text null, "error_message" text null, "requested_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "publish_job_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_publish_job_deleted_at" ON "publish_job" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_publish_job_vendor_id_created_at" ON "publish_job" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_publish_job_status" ON "publish_job" ("status") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_publish_job_vendor_id_active_unique" ON "publish_job" ("vendor_id") WHERE status IN ('queued', 'running') AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "publish_job" cascade;`);
  }

}

import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128121508 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "media_file" drop constraint if exists "media_file_file_id_unique";`);
    this.addSql(`create table if not exists "media_file" ("id" text not null, "vendor_id" text not null, "file_id" text not null, "url" text not null, "filename" text not null, "mime_type" text not null, "kind" text check ("kind" in ('image', 'other')) not null, "size" integer not null, "alt" text null, "width" integer null, "height" integer null, "uploaded_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "media_file_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_media_file_deleted_at" ON "media_file" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_media_file_vendor_id_created_at" ON "media_file" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_media_file_vendor_id_kind" ON "media_file" ("vendor_id", "kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_media_file_file_id_unique" ON "media_file" ("file_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "media_file" cascade;`);
  }

}

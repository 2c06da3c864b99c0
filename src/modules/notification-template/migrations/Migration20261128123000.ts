import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128123000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "notification_template" ("id" text not null, "vendor_id" text not null, "template" text not null, "language" text not null, "subject" text null, "intro" text null, "enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "notification_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_notification_template_deleted_at" ON "notification_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_notification_template_vendor_id_template_language_unique" ON "notification_template" ("vendor_id", "template", "language") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_template" cascade;`);
  }

}

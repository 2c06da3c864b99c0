import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261128004700 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "inventory_movement" ("id" text not null, "vendor_id" text null, "inventory_item_id" text not null, "location_id" text not null, "sku" text null, "reason" text check ("reason" in ('import', 'adjustment', 'reservation', 'reservation_released', 'fulfillment', 'return')) not null, "stocked_delta" integer not null default 0, "reserved_delta" integer not null default 0, "stocked_after" integer null, "actor_type" text check ("actor_type" in ('user', 'customer', 'system')) not null, "actor_id" text null, "reference" text null, "note" text null, "source_key" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "inventory_movement_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_movement_deleted_at" ON "inventory_movement" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_movement_vendor_id_created_at" ON "inventory_movement" ("vendor_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_movement_inventory_item_id_created_at" ON "inventory_movement" ("inventory_item_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_inventory_movement_created_at" ON "inventory_movement" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_inventory_movement_source_key_unique" ON "inventory_movement" ("source_key") WHERE deleted_at IS NULL;`);

    // Append-only, like the audit log: the database refuses to change or remove a movement.
    // Row-level, so TRUNCATE (test teardown, an operator's deliberate purge) is not blocked.
    this.addSql(`create or replace function "inventory_movement_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'inventory_movement is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
      end
    $$;`);
    this.addSql(`drop trigger if exists "inventory_movement_append_only" on "inventory_movement";`);
    this.addSql(`create trigger "inventory_movement_append_only" before update or delete on "inventory_movement"
      for each row execute function "inventory_movement_append_only"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_movement" cascade;`);
    this.addSql(`drop function if exists "inventory_movement_append_only"();`);
  }

}

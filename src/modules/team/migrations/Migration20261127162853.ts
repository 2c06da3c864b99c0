import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261127162853 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "team_invite" drop constraint if exists "team_invite_token_hash_unique";`);
    this.addSql(`alter table if exists "team_role" drop constraint if exists "team_role_vendor_id_key_unique";`);
    this.addSql(`alter table if exists "team_role" drop constraint if exists "team_role_vendor_id_name_unique";`);
    this.addSql(`create table if not exists "team_role" ("id" text not null, "vendor_id" text not null, "key" text check ("key" in ('owner', 'manager', 'editor', 'viewer')) null, "name" text not null, "description" text null, "permissions" text[] not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "team_role_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_team_role_deleted_at" ON "team_role" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_team_role_vendor_id_name_unique" ON "team_role" ("vendor_id", "name") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_team_role_vendor_id_key_unique" ON "team_role" ("vendor_id", "key") WHERE deleted_at IS NULL AND key IS NOT NULL;`);

    this.addSql(`create table if not exists "team_invite" ("id" text not null, "vendor_id" text not null, "email" text not null, "role_id" text not null, "token_hash" text not null, "expires_at" timestamptz not null, "invited_by" text null, "accepted_at" timestamptz null, "accepted_by" text null, "revoked_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "team_invite_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_team_invite_role_id" ON "team_invite" ("role_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_team_invite_deleted_at" ON "team_invite" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_team_invite_token_hash_unique" ON "team_invite" ("token_hash") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_team_invite_vendor_id_email" ON "team_invite" ("vendor_id", "email") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "team_invite" add constraint "team_invite_role_id_foreign" foreign key ("role_id") references "team_role" ("id") on update cascade;`);

    // Existing vendors get the four default roles (the seeds' permissions as of this
    // migration) and their members the role their old `role` text named.
    this.addSql(`alter table if exists "membership" add column if not exists "role_id" text null;`);
    this.addSql(`
      with roles(key, name, permissions) as (values
        ('owner', 'Owner', array['team.manage','team.invite','team.remove','products.create','products.edit','products.delete','products.view','orders.create','orders.edit','orders.view','imports.trigger','imports.view','imports.configure','settings.edit','analytics.view']),
        ('manager', 'Manager', array['team.invite','team.view','products.create','products.edit','products.view','orders.create','orders.edit','orders.view','imports.trigger','imports.view','analytics.view']),
        ('editor', 'Editor', array['products.create','products.edit','products.view','orders.view','orders.edit','imports.view']),
        ('viewer', 'Viewer', array['products.view','orders.view','imports.view'])
      )
      insert into "team_role" ("id", "vendor_id", "key", "name", "permissions")
      select 'role_' || upper(replace(gen_random_uuid()::text, '-', '')), v.vendor_id, r.key, r.name, r.permissions
      from (select distinct "vendor_id" from "membership") v cross join roles r;`);
    this.addSql(`update "membership" m set "role_id" = r."id" from "team_role" r
      where r."vendor_id" = m."vendor_id" and r."key" = coalesce(nullif(m."role", ''), 'owner') and m."role_id" is null;`);
    this.addSql(`alter table if exists "membership" alter column "role_id" set not null;`);
    this.addSql(`alter table if exists "membership" drop column if exists "role";`);

    this.addSql(`alter table if exists "membership" add constraint "membership_role_id_foreign" foreign key ("role_id") references "team_role" ("id") on update cascade;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_membership_role_id" ON "membership" ("role_id") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "team_invite" drop constraint if exists "team_invite_role_id_foreign";`);

    this.addSql(`alter table if exists "membership" drop constraint if exists "membership_role_id_foreign";`);

    this.addSql(`drop table if exists "team_role" cascade;`);

    this.addSql(`drop table if exists "team_invite" cascade;`);

    this.addSql(`drop index if exists "IDX_membership_role_id";`);
    this.addSql(`alter table if exists "membership" drop column if exists "role_id";`);

    this.addSql(`alter table if exists "membership" add column if not exists "role" text not null default 'owner';`);
  }

}

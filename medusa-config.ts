import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { assertProductionSecrets, envFlag, publicUrl, workerMode } from "./src/lib/env"
import { installBodyLimit } from "./src/lib/body-limit"
import { installRequestIds } from "./src/lib/request-id"
import { installRequestTiming } from "./src/lib/request-timing"

loadEnv(process.env.NODE_ENV || "development", process.cwd())
assertProductionSecrets()
installRequestIds()
// After the request ids: it runs first, so an oversized body is refused before anything reads it.
installBodyLimit()
// Last, so it wraps the others: even a response they answer themselves (413) is timed.
installRequestTiming()

const REDIS_URL = process.env.REDIS_URL
const isProduction = process.env.NODE_ENV === "production"

/**
 * With REDIS_URL every engine that must be shared between instances runs on
 * Redis; without it, the in-memory/Postgres defaults serve a single process.
 */
const redisModules = REDIS_URL
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl: REDIS_URL } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: REDIS_URL },
      },
    ]
  : []

// How long a checkout waits for an inventory item's lock (Medusa's default: 5 s). A burst of checkouts on one
// item queues there, one reservation at a time: the last of 50 waits ~50 × the hold time, which on this 2-core
// machine under load passed 30 s (409 CONFLICT instead of the answer). Each must get its answer, not a time-out.
const LOCK_WAIT_SECONDS = Number(process.env.LOCK_WAIT_SECONDS || 60)

/**
 * Medusa's locking (the stock reservation at checkout holds it per inventory item): on Redis with
 * REDIS_URL, otherwise on PostgreSQL advisory locks, which every instance sharing the database sees
 * (the in-process default would let two instances without Redis oversell) — through Maart's provider,
 * which waits for them on connections of its own (src/modules/advisory-locking).
 */
const lockingModule = {
  key: Modules.LOCKING,
  resolve: "@medusajs/medusa/locking",
  options: {
    // Medusa 2.21 constructs the locking providers with the module's options, not their own entry's
    // (modules-sdk load-internal): without this line both providers waited their built-in 5 s / 30 s.
    waitLockingTimeout: LOCK_WAIT_SECONDS,
    providers: [
      REDIS_URL
        ? {
            id: "locking-redis",
            resolve: "@medusajs/medusa/locking-redis",
            is_default: true,
            options: { redisUrl: REDIS_URL, waitLockingTimeout: LOCK_WAIT_SECONDS },
          }
        : { id: "locking-postgres", resolve: "./src/modules/advisory-locking", is_default: true, options: { waitLockingTimeout: LOCK_WAIT_SECONDS } },
    ],
  },
}

const SMTP_URL = process.env.SMTP_URL
const LOCAL_NOTIFICATIONS = "@medusajs/medusa/notification-local"

/**
 * Medusa's notification module. The admin's "feed" (import/export notices) stays
 * on the local provider, as in Medusa's default; email goes over SMTP when
 * SMTP_URL is set, otherwise the local provider only logs it (development, tests).
 */
const notificationProviders = SMTP_URL
  ? [
      { id: "local", resolve: LOCAL_NOTIFICATIONS, options: { channels: ["feed"] } },
      {
        id: "smtp",
        resolve: "./src/modules/smtp-notification",
        options: {
          channels: ["email"],
          url: SMTP_URL,
          from: process.env.SMTP_FROM || `Maart <no-reply@${process.env.PLATFORM_DOMAIN || "maart.localhost"}>`,
        },
      },
    ]
  : [{ id: "local", resolve: LOCAL_NOTIFICATIONS, options: { channels: ["feed", "email"] } }]

const STRIPE_API_KEY = process.env.STRIPE_API_KEY

/**
 * With STRIPE_API_KEY, Medusa's payment module gets Maart's Stripe provider beside the manual one:
 * `pp_stripe_stripe`, Medusa's Stripe provider extended for Stripe Connect (src/modules/stripe-connect),
 * webhooks at /hooks/payment/stripe_stripe. Payments are authorized at checkout and captured by the
 * vendor's team (docs/selling.md, "Payments").
 */
const paymentModules = STRIPE_API_KEY
  ? [
      {
        key: Modules.PAYMENT,
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              id: "stripe",
              resolve: "./src/modules/stripe-connect",
              options: {
                apiKey: STRIPE_API_KEY,
                webhookSecret: process.env.STRIPE_WEBHOOK_SECRET,
                apiBase: process.env.STRIPE_API_BASE || undefined,
                platformFeePercent: Number(process.env.PLATFORM_FEE_PERCENT || 0),
              },
            },
          ],
        },
      },
    ]
  : []

/**
 * Files (admin uploads, vendor logos, import error reports): on S3 or any S3-compatible store when S3_BUCKET
 * is set (Medusa's file-s3 provider), otherwise Medusa's local provider (files under `static/`, served at
 * `MAART_PUBLIC_URL/static`).
 */
const S3_BUCKET = process.env.S3_BUCKET
const fileModules = S3_BUCKET
  ? [
      {
        key: Modules.FILE,
        resolve: "@medusajs/medusa/file",
        options: {
          providers: [
            {
              id: "s3",
              resolve: "@medusajs/medusa/file-s3",
              options: {
                bucket: S3_BUCKET,
                region: process.env.S3_REGION || "us-east-1",
                access_key_id: process.env.S3_ACCESS_KEY_ID,
                secret_access_key: process.env.S3_SECRET_ACCESS_KEY,
                // The public base of the bucket's objects (a CDN, or the bucket's own URL).
                file_url: process.env.S3_FILE_URL,
                endpoint: process.env.S3_ENDPOINT || undefined,
                prefix: process.env.S3_PREFIX || undefined,
                // MinIO, s3rver and most non-AWS stores address buckets by path, not by sub-domain.
                additional_client_config: { forcePathStyle: envFlag(process.env.S3_FORCE_PATH_STYLE, Boolean(process.env.S3_ENDPOINT)) },
                // Buckets with "bucket owner enforced" object ownership refuse ACL headers: S3_ACL=false.
                ...(process.env.S3_ACL === "false" ? { acl: false } : {}),
              },
            },
          ],
        },
      },
    ]
  : [
      {
        // Medusa's local provider, but with file URLs at this Maart's public address: its own default is
        // http://localhost:9000/static whatever the port or host Maart is reached at (MAART_PUBLIC_URL).
        key: Modules.FILE,
        resolve: "@medusajs/medusa/file",
        options: { providers: [{ id: "local", resolve: "@medusajs/medusa/file-local", options: { backend_url: `${publicUrl()}/static` } }] },
      },
    ]

/**
 * Search (docs/search.md): Medusa's search module over the product index of src/search/product.ts. Postgres
 * (GIN + ts_rank + pg_trgm + unaccent) by default; with MEILISEARCH_HOST Maart's Meilisearch provider serves
 * it (one index per environment, `MEILISEARCH_INDEX_PREFIX`), and the store route answers from Postgres while
 * Meilisearch is down.
 */
const MEILISEARCH_HOST = process.env.MEILISEARCH_HOST
const searchModule = {
  key: Modules.SEARCH,
  resolve: "@medusajs/medusa/search",
  options: {
    // Providers are named by their identifier (the class's), not their `id`.
    default_provider: MEILISEARCH_HOST ? "meilisearch" : "search-postgres-maart",
    providers: [
      // Medusa's provider stays registered: its migration creates the catalog and the text search
      // configuration Maart's provider builds on, and it drops indexes it made before the switch.
      { id: "postgres", resolve: "@medusajs/medusa/search-postgres", options: {} },
      { id: "postgres-maart", resolve: "./src/modules/postgres-search", options: { tenant_field: "vendor_id" } },
      ...(MEILISEARCH_HOST
        ? [
            {
              id: "meilisearch",
              resolve: "./src/modules/meilisearch-search",
              options: {
                host: MEILISEARCH_HOST,
                apiKey: process.env.MEILISEARCH_API_KEY,
                indexPrefix: process.env.MEILISEARCH_INDEX_PREFIX || `maart_${process.env.NODE_ENV || "development"}`,
              },
            },
          ]
        : []),
    ],
  },
}

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: envFlag(process.env.DATABASE_LOGGING, false),
    redisUrl: REDIS_URL,
    workerMode: workerMode(),
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:5173",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS || "http://localhost:9000,http://localhost:8000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
      // Admin users sign in with emailpass only; shop customers' accounts are per shop, so only a
      // shop-emailpass identity can open one (POST /store/customers refuses an emailpass identity).
      authMethodsPerActor: { user: ["emailpass"] },
    },
    // Production Medusa marks the admin session cookie Secure; plain-http
    // set-ups (the local launcher, browser tests) turn it off explicitly.
    cookieOptions: {
      secure: envFlag(process.env.COOKIE_SECURE, isProduction),
    },
  },
  admin: {
    disable: envFlag(process.env.ADMIN_DISABLED, false) || workerMode() === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    { resolve: "./src/modules/tenancy", options: { platform_domain: process.env.PLATFORM_DOMAIN } },
    { resolve: "./src/modules/team" },
    { resolve: "./src/modules/audit" },
    { resolve: "./src/modules/marketplace" },
    { resolve: "./src/modules/inventory-ledger" },
    { resolve: "./src/modules/media" },
    { resolve: "./src/modules/notification-template" },
    {
      // Listing providers replaces the default: emailpass stays for admin users; shop customers sign in
      // with shop-emailpass, whose identities are per shop (docs/tenancy.md, "Customer accounts").
      key: Modules.AUTH,
      resolve: "@medusajs/medusa/auth",
      options: {
        providers: [
          { id: "emailpass", resolve: "@medusajs/medusa/auth-emailpass" },
          { id: "shop-emailpass", resolve: "./src/modules/shop-auth" },
        ],
      },
    },
    { key: Modules.NOTIFICATION, resolve: "@medusajs/medusa/notification", options: { providers: notificationProviders } },
    // Published products carry their texts in the vendor's other languages (the Store API answers `?locale=de`).
    { key: Modules.TRANSLATION, resolve: "@medusajs/medusa/translation" },
    ...redisModules,
    ...paymentModules,
    ...fileModules,
    lockingModule,
    searchModule,
  ],
  featureFlags: { translation: true },
})

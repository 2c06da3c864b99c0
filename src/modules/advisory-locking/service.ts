import { MedusaError } from "@medusajs/framework/utils"
import { PostgresAdvisoryLockProvider } from "@medusajs/locking-postgres/dist/services/advisory-lock"
import { Pool, type PoolClient, type PoolConfig } from "pg"

type Options = { waitLockingTimeout?: number; pool_max?: number }
// What this subclass uses of the stock provider, which declares it private.
type StockInternals = {
  getManager(): { getKnex(): { client: { config: { connection: unknown } } }; execute(sql: string, params: unknown[]): Promise<unknown[]> }
  hashStringToInt(key: string): number
}

const LOCK_NOT_AVAILABLE = "55P03"

/**
 * Medusa's Postgres locking provider with `execute` — the one checkout's stock reservation uses —
 * taken off the application's connection pool. The stock provider waits for each lock inside a
 * transaction on that pool, while the job it guards needs a connection of the same pool: a burst of
 * checkouts on one item (50 carts, pool of 10) had every connection waiting for the lock and the
 * holder unable to reserve, until time-outs. Here waiters hold session advisory locks on a small pool
 * of their own, PostgreSQL's `lock_timeout` ends a wait cleanly, and keys are taken in one order so
 * two multi-item carts cannot deadlock. acquire/release (the cart's own lock) are the stock ones, with
 * acquiring a key without an owner made strict (see acquire).
 */
export default class AdvisoryLockingProvider extends PostgresAdvisoryLockProvider {
  static identifier = "advisory-locking"

  protected waitLockingTimeout: number
  protected poolMax: number
  protected lockPool_: Pool | null = null

  constructor(container: Record<string, unknown>, options: Options = {}) {
    // @ts-ignore the stock provider takes the module's container
    super(...arguments)
    // Like locking-redis's option: how long a caller that names no timeout waits for its locks.
    this.waitLockingTimeout = Number(options.waitLockingTimeout ?? 30)
    this.poolMax = Number(options.pool_max ?? 20)
  }

  protected stock(): StockInternals {
    return this as unknown as StockInternals
  }

  /** Connections for waiting on locks, made with the application database's settings. */
  protected lockPool(): Pool {
    if (!this.lockPool_) {
      const connection = this.stock().getManager().getKnex().client.config.connection
      const settings: PoolConfig = typeof connection === "string" ? { connectionString: connection } : { ...(connection as PoolConfig) }
      this.lockPool_ = new Pool({
        ...settings,
        max: this.poolMax,
        idleTimeoutMillis: 10_000,
        allowExitOnIdle: true,
        // A waiter that finds every lock connection busy waits no longer than for the lock itself.
        connectionTimeoutMillis: this.waitLockingTimeout * 1000,
      } as PoolConfig)
      this.lockPool_.on("error", () => undefined) // an idle client's broken connection is dropped by the pool
    }
    return this.lockPool_
  }

  /**
   * The stock provider compares lock owners loosely (`undefined != null` is false): two callers naming no
   * owner that race for a free key both got it — two Owners removing each other both succeeded. Without an
   * owner, taking a key is one statement: insert it, or take it over only once its lease has expired.
   */
  async acquire(keys: string | string[], args?: { ownerId?: string | null; expire?: number }): Promise<void> {
    if (args?.ownerId) {
      return super.acquire(keys, args)
    }
    const expire = args?.expire ? `NOW() + INTERVAL '${Math.max(Math.floor(Number(args.expire)), 1)} SECONDS'` : "NULL"
    const manager = this.stock().getManager()
    const held: string[] = []
    for (const key of Array.isArray(keys) ? keys : [keys]) {
      const taken = await manager
        .execute(
          `INSERT INTO locking (id, owner_id, expiration) VALUES (?, NULL, ${expire})
           ON CONFLICT (id) DO UPDATE SET owner_id = NULL, expiration = EXCLUDED.expiration
           WHERE locking.expiration IS NOT NULL AND locking.expiration <= NOW()
           RETURNING id`,
          [key]
        )
      if (!taken.length) {
        // All or nothing: the keys this call took go back, so its retry does not wait for itself.
        for (const mine of held) await manager.execute("DELETE FROM locking WHERE id = ? AND owner_id IS NULL", [mine])
        throw new MedusaError(MedusaError.Types.CONFLICT, `Failed to acquire lock for key "${key}"`)
      }
      held.push(key)
    }
  }

  async execute<T>(keys: string | string[], job: () => Promise<T>, args?: { timeout?: number }): Promise<T> {
    const timeout = Math.max(args?.timeout ?? this.waitLockingTimeout, 1)
    const ids = [...new Set((Array.isArray(keys) ? keys : [keys]).map((k) => this.stock().hashStringToInt(k)))].sort((a, b) => a - b)
    let client: PoolClient
    try {
      client = await this.lockPool().connect()
    } catch (e) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock.")
    }
    let broken: Error | undefined
    // A connection ended under a holder (a restart of the database, an administrator's kill) ends its locks:
    // note it so the client is destroyed on release, instead of an unhandled 'error' event in the process.
    const lost = (err: Error) => (broken ??= err)
    client.on("error", lost)
    try {
      await client.query(`SET lock_timeout = '${timeout}s'`)
      for (const id of ids) await client.query("SELECT pg_advisory_lock($1)", [id])
    } catch (e: any) {
      broken = e.code === LOCK_NOT_AVAILABLE ? undefined : e
      await client.query("SELECT pg_advisory_unlock_all()").catch((err) => (broken ??= err))
      client.off("error", lost)
      client.release(broken)
      if (e.code === LOCK_NOT_AVAILABLE) throw new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock.")
      throw e
    }
    try {
      return await job()
    } finally {
      // A connection that cannot unlock is destroyed, which ends its session and so its locks.
      await client.query("SELECT pg_advisory_unlock_all()").catch((err) => (broken = err))
      client.off("error", lost)
      client.release(broken)
    }
  }
}

/**
 * Prisma's schema engine (the migrations half of Prisma) compiled to
 * WebAssembly, driven through a driver adapter. It is the engine behind
 * `prisma migrate deploy` / `migrate diff`, but needs neither the native
 * binary the CLI would download (no network here) nor a URL of its own: it
 * talks to the database through the same adapters as the app
 * (`@prisma/adapter-better-sqlite3`, `@prisma/adapter-pg`), and keeps Prisma's
 * `_prisma_migrations` table, so the CLI stays compatible wherever it exists.
 *
 * Node cannot `import` a .wasm file, so the module is instantiated here and
 * handed to the wasm-bindgen glue (`__wbg_set_wasm`), as Prisma's own loader
 * does. The instance is created once per process: wasm-bindgen keeps global
 * state and breaks when initialised twice.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DatabaseTarget } from "./database-target.ts";

export type { SchemaEngine };

export const noFilter: SchemaFilter = { externalTables: [], externalEnums: [] };

let engineClass: Promise<typeof glue.SchemaEngine> | undefined;

function loadEngineClass(): Promise<typeof glue.SchemaEngine> {
  engineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(gluePath.replace(/\.js$/, ".wasm"));
    const imports: Record<string, unknown> = { ...glue };
    for (const [name, fn] of Object.entries(glue)) {
      if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function") imports[name] = trackTimer(fn as (...a: unknown[]) => NodeJS.Timeout);
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

/**
 * The engine arms 10-second timers (PostgreSQL query timeouts) and never
 * clears them, which kept a finished `db:migrate` or CLI run alive for ten
 * seconds. Timers are recorded here and cleared once no engine is open
 * (clearing earlier could cut short another engine's timeout).
 */
const engineTimers = new Set<NodeJS.Timeout>();
let openEngines = 0;

function trackTimer(setTimer: (...a: unknown[]) => NodeJS.Timeout) {
  return (...args: unknown[]): NodeJS.Timeout => {
    const timer = setTimer(...args);
    engineTimers.add(timer);
    return timer;
  };
}

function engineClosed(): void {
  openEngines--;
  if (openEngines > 0) return;
  for (const timer of engineTimers) clearTimeout(timer);
  engineTimers.clear();
}

export interface OpenEngine {
  engine: SchemaEngine;
  /**
   * The engine reports a driver failure as "External error id#N"; this
   * returns the message of the driver error N stands for (or the original).
   */
  explain(error: unknown): string;
  /** Frees the engine and closes every connection (and shadow database) it opened. */
  close(): Promise<void>;
}

/**
 * Opens the engine on `target`. `schema` is the Prisma schema text the engine
 * validates against (optional for apply/diff). For SQLite the shadow database
 * (used to replay migrations when diffing) is in memory; for PostgreSQL it is
 * a throw-away database on the same server (the role needs CREATEDB).
 */
export async function openSchemaEngine(target: Pick<DatabaseTarget, "provider" | "url" | "sqliteFile">, schema?: { path: string; content: string }): Promise<OpenEngine> {
  const Engine = await loadEngineClass();
  const factory = target.provider === "sqlite" ? new TrackedSqliteFactory(target.sqliteFile ?? ":memory:") : new TrackedPgFactory(target.url);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  openEngines++;
  try {
    const engine = await Engine.new(
      { datamodels: schema ? [[schema.path, schema.content]] : undefined },
      () => {}, // engine debug log lines; not useful to an operator
      bound,
    );
    let closed = false;
    return {
      engine,
      explain: (error) => explainEngineError(error, bound.errorRegistry),
      async close() {
        if (closed) return;
        closed = true;
        engine.free();
        await factory.closeAll();
        engineClosed();
      },
    };
  } catch (error) {
    await factory.closeAll();
    engineClosed();
    throw error;
  }
}

function explainEngineError(error: unknown, registry: ErrorRegistry): string {
  const message = error instanceof Error ? error.message : String(error);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === undefined ? undefined : registry.consumeError(Number(id));
  if (!record) return message.trim();
  const cause = record.error as { message?: string; cause?: unknown; kind?: string } | undefined;
  const detail = cause?.message ?? (cause?.kind ? JSON.stringify(cause) : String(cause));
  return `${message.split("\n")[0]!.trim()} ${detail}`.trim();
}

/** Runs `fn` once, however often it is called (the engine may dispose too). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn().catch(() => {}));
}

function tracked(
  adapter: SqlDriverAdapter,
  onDispose: () => Promise<void>,
  open: Array<() => Promise<void>>,
  overrides: Partial<Pick<SqlDriverAdapter, "executeRaw">> = {},
): SqlDriverAdapter {
  const dispose = once(onDispose);
  open.push(dispose);
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop === "dispose") return dispose;
      if (prop === "executeRaw" && overrides.executeRaw) return overrides.executeRaw;
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class TrackedSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  readonly #inner: PrismaBetterSqlite3;
  readonly #open: Array<() => Promise<void>> = [];
  constructor(file: string) {
    this.#inner = new PrismaBetterSqlite3({ url: file }, { shadowDatabaseUrl: ":memory:" });
  }
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    return tracked(adapter, () => adapter.dispose(), this.#open, { executeRaw: multiStatementExecute(adapter) });
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connectToShadowDb();
    return tracked(adapter, () => adapter.dispose(), this.#open, { executeRaw: multiStatementExecute(adapter) });
  }
  async closeAll(): Promise<void> {
    for (const dispose of this.#open.splice(0).reverse()) await dispose();
  }
}

/**
 * When replaying the history into the SQLite shadow database, the engine sends
 * each whole migration script through `executeRaw`, which better-sqlite3
 * refuses ("contains more than one statement": it prepares one statement).
 * A parameterless script is run with `exec` instead, as applyMigrations does.
 */
function multiStatementExecute(adapter: SqlDriverAdapter): SqlDriverAdapter["executeRaw"] {
  return async (query) => {
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { cause?: unknown })?.cause ?? "")}`;
      if (query.args.length > 0 || !/more than one statement/i.test(text)) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
}

/** OID of PostgreSQL's internal one-byte `"char"` type, and of `text`. */
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PgQueryResult = { fields?: Array<{ dataTypeID: number }> };
type PgClientLike = { query: (...args: unknown[]) => unknown };

/**
 * A PrismaPg connection whose results report `"char"` columns as text.
 *
 * Describing a schema (needed to diff a replayed history) reads pg_catalog
 * columns such as `pg_constraint.contype`, whose type is `"char"`; adapter-pg
 * 7.10 has no mapping for that OID and fails with "Column type 'char' could not
 * be deserialized". node-postgres already returns those values as strings, so
 * relabelling the column as text is exact. The app's own tables never use it.
 */
async function connectPg(url: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString: url, max: 2 }).connect();
  const pool = adapter.underlyingDriver() as unknown as { on(event: "connect", fn: (client: PgClientLike) => void): void };
  pool.on("connect", (client) => {
    const query = client.query.bind(client);
    const relabel = (r: PgQueryResult | undefined) => {
      for (const field of r?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return r;
    };
    // Pool.query calls the client with a callback; a checked-out client
    // (transactions) is called without one and returns a promise.
    client.query = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === "function") {
        return query(...args.slice(0, -1), (error: unknown, r: PgQueryResult) => (last as (e: unknown, r: unknown) => void)(error, relabel(r)));
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(relabel) : result;
    };
  });
  return adapter;
}

/**
 * Like PrismaPg, but the shadow database is dropped only after its pool has
 * closed (PrismaPg drops it first, which PostgreSQL refuses while connected)
 * and every pool is ended on close, so a CLI run can exit.
 */
class TrackedPgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  readonly #url: string;
  readonly #open: Array<() => Promise<void>> = [];
  constructor(url: string) {
    this.#url = url;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await connectPg(this.#url);
    return tracked(adapter, () => adapter.dispose(), this.#open);
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const admin = await new PrismaPg({ connectionString: this.#url, max: 1 }).connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    try {
      await admin.executeScript(`CREATE DATABASE "${name}"`);
    } catch (error) {
      await admin.dispose();
      throw error;
    }
    const shadowUrl = new URL(this.#url);
    shadowUrl.pathname = `/${name}`;
    const shadow = await connectPg(shadowUrl.toString());
    return tracked(
      shadow,
      async () => {
        await shadow.dispose().catch(() => {});
        await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
        await admin.dispose();
      },
      this.#open,
    );
  }
  async closeAll(): Promise<void> {
    for (const dispose of this.#open.splice(0).reverse()) await dispose();
  }
}

/**
 * Where the data lives, derived from the parsed config: which provider, which
 * schema and migrations folder (Prisma keeps one history per provider), and a
 * printable description with the password hidden.
 */
import { dirname, isAbsolute, resolve } from "node:path";
import type { Config } from "../config.ts";
import { PROJECT_ROOT } from "../project-root.ts";

export type StoreConfig = Pick<Config, "databaseUrl" | "databaseProvider">;

export interface DatabaseTarget {
  provider: "sqlite" | "postgresql";
  /** `file:` URL or postgres URL as configured. */
  url: string;
  /** Absolute path of the SQLite file; undefined for PostgreSQL. */
  sqliteFile: string | undefined;
  schemaPath: string;
  migrationsDir: string;
  /** For messages and logs: the URL without its password. */
  display: string;
}

/** The repository root (also when this module runs compiled from dist/). */
export const projectRoot = PROJECT_ROOT;

export const schemaPaths = {
  sqlite: resolve(projectRoot, "prisma/schema.prisma"),
  postgresql: resolve(projectRoot, "prisma/postgres/schema.prisma"),
} as const;

export const migrationsDirs = {
  sqlite: resolve(projectRoot, "prisma/migrations"),
  postgresql: resolve(projectRoot, "prisma/postgres/migrations"),
} as const;

export function resolveDatabaseTarget(config: StoreConfig): DatabaseTarget {
  const provider = config.databaseProvider;
  const url = config.databaseUrl;
  let sqliteFile: string | undefined;
  if (provider === "sqlite") {
    // Prisma's "file:./x.db" is relative to the schema; ours is relative to the
    // working directory like DATA_DIR, which is what an operator expects.
    const path = url.replace(/^file:(\/\/)?/, "").replace(/\?.*$/, "");
    sqliteFile = isAbsolute(path) ? path : resolve(path);
  }
  return {
    provider,
    url,
    sqliteFile,
    schemaPath: schemaPaths[provider],
    migrationsDir: migrationsDirs[provider],
    display: sqliteFile ?? hidePassword(url),
  };
}

export function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  }
}

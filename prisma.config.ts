/**
 * Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate
 * deploy` / `prisma studio` where the CLI's engine can be downloaded). The app
 * itself never reads this file: it migrates through src/store/migrate.ts with
 * the WebAssembly schema engine, from the same folders.
 *
 * The provider follows DATABASE_URL exactly like src/config.ts does: a
 * postgres(ql):// URL selects prisma/postgres/, anything else the SQLite
 * schema and its file under DATA_DIR.
 */
import { resolve } from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL?.trim() || `file:${resolve(process.env.DATA_DIR ?? "data", "ipzone.db")}`;
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgres/migrations" : "prisma/migrations" },
  datasource: { url },
});

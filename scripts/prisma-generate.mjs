// Runs `prisma generate` for both schemas without network access (postinstall,
// so a fresh clone works after `npm ci`). The generated client embeds the query
// compiler of ONE provider, so SQLite and PostgreSQL each get their own folder:
// src/generated/sqlite and src/generated/postgres (both gitignored).
//
// The Prisma CLI insists on a schema-engine binary it cannot download here;
// generate never executes it, so any existing file satisfies the check.
// Migrations do not use the CLI at all (src/store/migrate.ts, WebAssembly engine).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const schemas = ["prisma/schema.prisma", "prisma/postgres/schema.prisma"].filter((s) => existsSync(s));
if (schemas.length === 0) process.exit(0);

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
for (const schema of schemas) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], { stdio: "inherit", env });
}

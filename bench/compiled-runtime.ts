/**
 * The compiled runtime `npm start` runs (dist/), for benches that measure a
 * deployed process: dist/ is rebuilt first when a source is newer than the
 * last build, as scripts/run.mjs does for `npm start`; and a data directory
 * can be prepared by a first start, so the process measured is a restart.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = join(import.meta.dirname, "..");
export const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".build-stamp");

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, mtime(path));
  }
  return newest;
}

function distIsFresh(): boolean {
  const built = mtime(STAMP);
  return built > 0 && ["src", "bot"].every((dir) => newestSource(join(ROOT, dir)) <= built);
}

/** dist/ as of the sources; throws when it cannot be built (TypeScript is a dev dependency). */
export function ensureCompiled(): string {
  if (!distIsFresh()) spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "ignore" });
  if (!distIsFresh()) throw new Error("dist/ 无法编译（npm run build 查看原因）");
  return DIST;
}

/**
 * Starts the runtime once on `dataDir` in a separate process and stops it:
 * the database migrated and the policy index built and saved, as a deployed
 * process finds them at every start after its first. The process measured
 * then loads both instead of building them (building loads the schema
 * engine and LangChain, tens of MB that a restart never holds).
 */
export function firstStart(dataDir: string): void {
  const url = (path: string) => JSON.stringify(pathToFileURL(join(DIST, path)).href);
  const script = `
    const { loadConfig } = await import(${url("src/config.js")});
    const { createRuntime } = await import(${url("src/assistant/create-runtime.js")});
    const { createLogger } = await import(${url("src/logging/logger.js")});
    const runtime = await createRuntime(loadConfig({ DATA_DIR: ${JSON.stringify(dataDir)} }), { logger: createLogger("warn") });
    await runtime.close();`;
  // A file, not `node -e`: the answering thread inherits the process's flags, and `--input-type` is refused in a thread.
  const file = join(dataDir, "bench-first-start.mjs");
  writeFileSync(file, script);
  const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8" });
  rmSync(file);
  if (r.status !== 0) throw new Error(`preparing the bench's data directory failed: ${r.stderr}`);
}

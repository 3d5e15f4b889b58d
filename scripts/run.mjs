// Runs a compiled entry point: `node scripts/run.mjs bot/main [args…]` imports dist/bot/main.js.
// The build is normally done by npm install; when a source file is newer than the last
// build (a developer edited src/ or bot/), it is rebuilt first, so `npm start` never runs
// stale code. The freshness check is a stat of each source file (a few milliseconds).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, STAMP } from "./dist-paths.mjs";

const SOURCE_DIRS = ["src", "bot"];
const CONFIG_FILES = ["tsconfig.json", "tsconfig.build.json"];

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestSource() {
  let newest = Math.max(...CONFIG_FILES.map((f) => mtime(join(ROOT, f)) ?? 0));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) newest = Math.max(newest, mtime(path) ?? 0);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(ROOT, dir));
  return newest;
}

const [entry] = process.argv.splice(2, 1);
if (!entry) {
  process.stderr.write("用法：node scripts/run.mjs <入口，如 bot/main 或 src/cli/main> [参数…]\n");
  process.exit(2);
}
const target = join(DIST, `${entry}.js`);
const built = mtime(STAMP);
let fresh = built !== undefined && mtime(target) !== undefined && newestSource() <= built;
if (!fresh) {
  process.stderr.write("正在编译（首次运行或源码有改动，约需十几秒）…\n");
  const { build } = await import("./build.mjs");
  fresh = build();
}
if (fresh) {
  await import(pathToFileURL(target).href);
} else {
  // No compiler (dev dependencies omitted) or a failed build: run the sources through tsx.
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(ROOT, `${entry}.ts`)).href);
}

// The production build: src/ and bot/ compiled by tsc into dist/ (tsconfig.build.json),
// plus jieba's IDF table sorted by word and what every start would otherwise work out again
// (the policy files' validation, the jieba keys of the policy texts: scripts/jieba-tables.mjs),
// so `npm start` and `npm run cli` run plain JavaScript instead of transpiling every
// module at start-up with tsx. Run by npm install's postinstall (after prisma generate,
// whose client is compiled too) and, when sources changed since, by scripts/run.mjs.
// Type errors do not block the build (tsc still emits); `npm run typecheck` reports them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DIST, ROOT, STAMP } from "./dist-paths.mjs";
import { writeSortedIdf, writeStartData } from "./jieba-tables.mjs";
import { bundleEntries } from "./bundle-entries.mjs";
import { vendorZod } from "./vendor-zod.mjs";

export { DIST, ROOT, STAMP };

/** tsc's path, or undefined where dev dependencies were not installed (npm ci --omit=dev). */
function findTsc() {
  try {
    return createRequire(import.meta.url).resolve("typescript/bin/tsc");
  } catch {
    return undefined;
  }
}

/** true when dist/ is ready; false (with the reason on stderr) when it could not be built. */
export function build({ quiet = false } = {}) {
  // Needs no compiler, and speeds up the tsx fallback as much as dist/.
  try {
    writeSortedIdf(DIST);
  } catch (err) {
    if (!quiet) process.stderr.write(`未能生成排序后的 IDF 表（启动时改为现场索引）：${err.message}\n`);
  }
  const tsc = findTsc();
  if (!tsc) {
    if (!quiet) process.stderr.write("未安装 typescript（开发依赖），不编译；将由 tsx 直接运行源码（启动较慢）。\n");
    return false;
  }
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.error) throw r.error;
  if (!existsSync(join(DIST, "bot", "main.js"))) {
    process.stderr.write(`${r.stdout}${r.stderr}编译失败：dist/ 中没有生成 bot/main.js。\n`);
    return false;
  }
  // zod as one file for dist/ (see vendor-zod.mjs); without esbuild dist keeps the package.
  try {
    vendorZod(DIST);
  } catch (err) {
    process.stderr.write(`${r.stdout}${r.stderr}打包 zod 失败：${err.message}\n`);
    return false;
  }
  // The answering thread and `ask` as one file each (see bundle-entries.mjs); without esbuild, file by file.
  try {
    bundleEntries(DIST);
  } catch (err) {
    process.stderr.write(`${r.stdout}${r.stderr}打包入口失败：${err.message}\n`);
    return false;
  }
  // Needs dist/ (it builds the index from it); without the records, starts validate the texts and look every jieba key up.
  try {
    writeStartData(DIST);
  } catch (err) {
    if (!quiet) process.stderr.write(`未能记录启动数据（政策文本的校验摘要与所需的 jieba 词条；启动时改为现场校验和逐个查找）：${err.message}\n`);
  }
  // Emitted despite type errors: runnable, but say so once.
  if (r.status !== 0 && !quiet) process.stderr.write("编译完成，但有类型错误（npm run typecheck 查看）。\n");
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, `${new Date().toISOString()} ${Date.now() - started} ms\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stderr.write("正在编译 src/ 和 bot/ 到 dist/ …\n");
  const ok = build();
  // Without typescript (production install) the sources still run through tsx: not an error.
  process.exitCode = ok || !findTsc() ? 0 : 1;
}

/**
 * The repository root, found by walking up from this file to the nearest
 * package.json — the same answer whether this module runs from src/ (tsx, the
 * tests) or from its compiled copy under dist/src/ (npm start), so knowledge/,
 * prisma/ and data/ are found the same way in both.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`找不到项目根目录（从 ${from} 向上没有 package.json）`);
  }
}

/** Absolute, without a trailing separator. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

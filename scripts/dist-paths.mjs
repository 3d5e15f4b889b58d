// Where the build puts dist/ and its stamp: apart from build.mjs so that scripts/run.mjs,
// on every start, loads neither the build nor what the build imports.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
export const STAMP = join(DIST, ".build-stamp");

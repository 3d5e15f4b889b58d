// One file for each hot entry of dist/: the answering thread (the critical path of
// `npm start`: it loads the retrieval and answer modules and builds the index while the
// main thread opens the database) and the `ask` command. Node loads an ES module graph file
// by file — resolving, reading, compiling and linking each of ~120 modules — and as one
// file the same code loads in about two thirds of the CPU time (issue 13; figures in the
// README, Performance). esbuild bundles them (the compiler tsx runs on, installed wherever
// tsx is, as for vendor-zod.mjs); packages stay imports of node_modules. The bundle is
// written beside its entry as `<entry>.bundle.js`, so `import.meta.url` (the project root
// found by walking up, createRequire) means the same directory, and the loaders prefer it
// when it is there: `answer-thread-client.ts`, `run-cli.ts`. Without esbuild no bundle is
// written (an old one is removed) and dist runs file by file as before.
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * The entries, and the modules each must share with the code that imports it (kept as
 * imports of the plain file): `run-cli.js` tests `instanceof CliUsageError` on what a
 * command throws, so the command's `command.types.js` must be the one run-cli loaded.
 */
export const BUNDLED_ENTRIES = [
  { entry: "src/answer/answer-thread.js", shared: [] },
  { entry: "src/cli/commands/ask.command.js", shared: ["src/cli/command.types.js"] },
];

export const bundleOf = (entry) => entry.replace(/\.js$/, ".bundle.js");

/** Writes the bundles; false (and no bundle left behind) without esbuild. */
export function bundleEntries(dist) {
  // A bundle older than its entry would be preferred by the loaders: none is left behind unless just written.
  const removeAll = () => {
    for (const { entry } of BUNDLED_ENTRIES) rmSync(join(dist, bundleOf(entry)), { force: true });
  };
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)("esbuild");
  } catch {
    removeAll();
    return false;
  }
  try {
    writeBundles(esbuild, dist);
  } catch (err) {
    removeAll();
    throw err;
  }
  return true;
}

function writeBundles(esbuild, dist) {
  for (const { entry, shared } of BUNDLED_ENTRIES) {
    const from = join(dist, entry);
    const outfile = join(dist, bundleOf(entry));
    if (!existsSync(from)) {
      rmSync(outfile, { force: true });
      continue;
    }
    esbuild.buildSync({
      entryPoints: [from],
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      // Matched after resolution; the import keeps its text, valid from the bundle's directory (the entry's).
      external: shared.map((s) => join(dist, s)),
      outfile,
      logLevel: "error",
    });
  }
}

// zod for dist/ as one file. zod 4 is 95 modules (61 of them locales that its
// index re-exports), and Node loads each one separately: ~70 ms of CPU a start
// on a loaded 2-core machine (145 → 78 ms as one file), in each thread that
// validates anything (both of `npm start`'s). The build bundles it with esbuild
// (the compiler tsx runs on, so it is installed wherever tsx is) into
// dist/vendor/zod.js and points dist's `import … from "zod"` at that file. Every
// dist module then shares that one copy, so `.describe()` texts and
// `instanceof ZodError` still meet; the sources (tsx, the tests) keep the package.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";

const ZOD_IMPORT = /from "zod";/g;

/** All .js files under dir. */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".js"))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** Bundles zod into dist/vendor/zod.js and rewrites dist's imports; false (dist keeps the package) without esbuild. */
export function vendorZod(dist, roots = ["src", "bot"]) {
  const require = createRequire(import.meta.url);
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    return false;
  }
  const target = join(dist, "vendor", "zod.js");
  esbuild.buildSync({
    stdin: { contents: 'export * from "zod";', resolveDir: dirname(dist), loader: "js" },
    bundle: true,
    format: "esm",
    platform: "node",
    outfile: target,
    logLevel: "error",
  });
  for (const root of roots) {
    for (const file of jsFiles(join(dist, root))) {
      const text = readFileSync(file, "utf8");
      if (!text.includes('from "zod";')) continue;
      const path = relative(dirname(file), target).split(sep).join("/");
      writeFileSync(file, text.replace(ZOD_IMPORT, `from "${path.startsWith(".") ? path : `./${path}`}";`));
    }
  }
  return true;
}

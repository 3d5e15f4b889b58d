/**
 * The direction of dependencies the README promises: nothing under src/
 * imports a channel (bot/), and no module imports itself through others.
 * Type-only imports count too: a type back-edge is still a back-edge.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${join("src", "generated")}`));
}

// `import … from "x"`, `export … from "x"`, `import "x"` and `import("x")` with a literal path.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gmu;

function localImports(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//gu, "").replace(/^\s*\/\/.*$/gmu, "");
  return [...text.matchAll(SPECIFIER)].map((m) => m[1]!).filter((s) => s.startsWith(".")).map((s) => resolve(dirname(file), s));
}

function importGraph(): Map<string, string[]> {
  const files = [...sourceFiles(join(ROOT, "src")), ...sourceFiles(join(ROOT, "bot"))];
  return new Map(files.map((f) => [f, localImports(f)]));
}

/** Strongly connected components with more than one module (or a self-import): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.map((f) => relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("import graph", () => {
  const graph = importGraph();

  it("reads the modules it judges", () => {
    expect(graph.size).toBeGreaterThan(100);
    // A module that certainly has local imports: the reader must see them.
    expect(graph.get(join(ROOT, "src/assistant/create-assistant.ts"))?.length).toBeGreaterThan(3);
  });

  it("no file under src/ imports bot/", () => {
    const bot = join(ROOT, "bot") + "/";
    const upward = [...graph]
      .filter(([file]) => file.startsWith(join(ROOT, "src") + "/"))
      .flatMap(([file, imports]) => imports.filter((i) => i.startsWith(bot)).map((i) => `${relative(ROOT, file)} → ${relative(ROOT, i)}`));
    expect(upward).toEqual([]);
  });

  it("has no import cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("would notice a cycle", () => {
    const a = join(ROOT, "a.ts");
    const b = join(ROOT, "b.ts");
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([["a.ts", "b.ts"]]);
  });
});

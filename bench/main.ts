/**
 * `npm run bench`: every benchmark of the project in one run, each printing
 * its own figures. Pass names to run a subset: `npm run bench -- rules store`.
 * Figures are measurements on this machine, never assertions.
 */
import { performance } from "node:perf_hooks";

type Bench = () => Promise<unknown>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  retrieval: async () => (await import("./retrieval.bench.ts")).benchRetrieval,
  rules: async () => (await import("./rules.bench.ts")).benchRules,
  store: async () => (await import("./store.bench.ts")).benchStore,
  assistant: async () => (await import("./assistant.bench.ts")).benchAssistant,
  ask: async () => (await import("./ask.bench.ts")).benchAsk,
  drafting: async () => (await import("./drafting.bench.ts")).benchDrafting,
  channels: async () => (await import("./channels.bench.ts")).benchChannels,
  processes: async () => (await import("./processes.bench.ts")).benchProcesses,
  "model-path": async () => (await import("./model-path.bench.ts")).benchModelPath,
};

function printFigures(name: string, figures: unknown): void {
  if (figures && typeof figures === "object" && !Array.isArray(figures)) {
    const rows = Object.entries(figures as Record<string, unknown>).map(([k, v]) => ({
      figure: k,
      value: typeof v === "number" ? Number(v.toFixed(3)) : typeof v === "object" ? JSON.stringify(v) : v,
    }));
    console.log(`\n## ${name}`);
    console.table(rows);
  } else if (figures !== undefined) {
    console.log(`\n## ${name}\n${String(figures)}`);
  }
}

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(BENCHES);
let failed = 0;
for (const name of names) {
  const load = BENCHES[name];
  if (!load) {
    console.error(`未知的基准「${name}」，可选：${Object.keys(BENCHES).join("、")}`);
    failed++;
    continue;
  }
  const t0 = performance.now();
  try {
    const bench = await load();
    printFigures(name, await bench());
    console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`基准 ${name} 失败：`, err);
  }
}
process.exit(failed ? 1 : 0);

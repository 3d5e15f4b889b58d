/**
 * Drafting speed: one full draft (rules check + three documents as .docx and
 * Markdown) for a complete Zhejiang profile and a partial Zibo one.
 * Target: a full draft under 1 s. Run alone with `npx tsx bench/drafting.bench.ts`.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDraftModels, draftApplication } from "../src/drafting/draft-application.ts";
import { renderMarkdown } from "../src/drafting/render-markdown.ts";
import { checkJurisdiction } from "../src/rules/check-zone.ts";
import { zoneProfileSchema, type ZoneProfile } from "../src/rules/zone-profile.schema.ts";
import { percentile } from "../src/metrics/percentile.ts";

function profile(name: string): ZoneProfile {
  const file = fileURLToPath(new URL(`../test/fixtures/profile-${name}.json`, import.meta.url));
  return zoneProfileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}


async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p95: number; max: number }> {
  await fn(); // warm-up: module init, font tables, zip
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), max: round(ms[ms.length - 1]!) };
}

export async function benchDrafting(): Promise<Record<string, number | string>> {
  const zj = profile("zhejiang-full");
  const zb = profile("zibo-partial");
  const fullDraft = (p: ZoneProfile) => async () => draftApplication(p, checkJurisdiction(p.jurisdiction!, p));

  const coldStart = performance.now();
  const first = await fullDraft(zj)();
  const coldMs = performance.now() - coldStart;

  const zjFull = await time(20, fullDraft(zj));
  const zbFull = await time(20, fullDraft(zb));
  const markdownOnly = await time(50, () => buildDraftModels(zj, checkJurisdiction("zhejiang", zj)).map(renderMarkdown));
  const docxBytes = first.files.reduce((n, f) => n + f.docx.byteLength, 0);

  return {
    "drafting.firstDraftMs": Math.round(coldMs),
    "drafting.fullDraftMsP50.zhejiangFull": zjFull.p50,
    "drafting.fullDraftMsP95.zhejiangFull": zjFull.p95,
    "drafting.fullDraftMsP50.ziboPartial": zbFull.p50,
    "drafting.fullDraftMsP95.ziboPartial": zbFull.p95,
    "drafting.markdownOnlyMsP50": markdownOnly.p50,
    "drafting.docxBytesTotal": docxBytes,
    "drafting.target": "full draft < 1000 ms",
    "drafting.meetsTarget": zjFull.p95 < 1000 && zbFull.p95 < 1000 ? "yes" : "no",
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchDrafting().then((r) => process.stdout.write(JSON.stringify(r, null, 2) + "\n"));
}

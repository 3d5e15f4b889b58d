/**
 * The production path: `npm start` and `npm run cli` run the JavaScript that
 * npm install compiled into dist/ (scripts/run.mjs), not the sources through
 * tsx. It must answer exactly as the development path does, and a source file
 * edited after the build must not leave stale code running.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const PROFILE = "test/fixtures/profile-zhejiang-full.json";

describe("the compiled command line", () => {
  it("prints the same check result as the sources run through tsx, from dist/", async () => {
    const args = ["check", "--input", PROFILE, "--json"];
    const compiled = await run(process.execPath, ["scripts/run.mjs", "bot/cli", ...args], { cwd: ROOT, timeout: 240_000 });
    const source = await run(process.execPath, [TSX, "bot/cli.ts", ...args], { cwd: ROOT, timeout: 120_000 });
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(source.stdout));
    expect(existsSync(join(ROOT, "dist", "src", "cli", "commands", "check.command.js"))).toBe(true);
    // The build is at least as new as every source it was made from.
    const stamp = statSync(join(ROOT, "dist", ".build-stamp")).mtimeMs;
    expect(stamp).toBeGreaterThanOrEqual(statSync(join(ROOT, "bot", "cli.ts")).mtimeMs);
  }, 300_000);

  it("reports a wrong profile in the same words as the sources (dist/ validates with its one bundled zod)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ipzone-bad-profile-"));
    const input = join(dir, "bad.json");
    writeFileSync(input, JSON.stringify({ jurisdiction: "zhejiang", asOf: "20261", zone: { coreAreaSqm: "x" } }));
    const args = ["check", "--input", input];
    const failed = (p: Promise<unknown>) => p.then(() => expect.unreachable("应报错"), (err: { code: number; stdout: string; stderr: string }) => err);
    const compiled = await failed(run(process.execPath, ["scripts/run.mjs", "bot/cli", ...args], { cwd: ROOT, timeout: 240_000 }));
    const source = await failed(run(process.execPath, [TSX, "bot/cli.ts", ...args], { cwd: ROOT, timeout: 120_000 }));
    expect(compiled.stderr + compiled.stdout).toContain("格式 YYYY-MM-DD");
    expect({ code: compiled.code, out: compiled.stdout, err: compiled.stderr }).toEqual({ code: source.code, out: source.stdout, err: source.stderr });
    expect(readFileSync(join(ROOT, "dist", "src", "config.js"), "utf8")).toContain('from "../vendor/zod.js"');
  }, 300_000);

  it("answers `ask` from the build's one-file bundle as the sources do, and its usage errors the same way", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ipzone-ask-bundle-"));
    const env = { ...process.env, DATA_DIR: dataDir };
    const args = ["ask", "淄博对专利质押融资服务有什么支持？", "--json"];
    const compiled = await run(process.execPath, ["scripts/run.mjs", "bot/cli", ...args], { cwd: ROOT, env, timeout: 240_000 });
    const source = await run(process.execPath, [TSX, "bot/cli.ts", ...args], { cwd: ROOT, env, timeout: 120_000 });
    const { ms: _compiledMs, ...fromDist } = JSON.parse(compiled.stdout) as Record<string, unknown>;
    const { ms: _sourceMs, ...fromSources } = JSON.parse(source.stdout) as Record<string, unknown>;
    expect(fromDist).toEqual(fromSources);
    expect(existsSync(join(ROOT, "dist", "src", "cli", "commands", "ask.command.bundle.js"))).toBe(true);
    expect(existsSync(join(ROOT, "dist", "src", "answer", "answer-thread.bundle.js"))).toBe(true);
    // The usage error is a CliUsageError of run-cli's own command.types.js (kept out of the bundle).
    const usage = run(process.execPath, ["scripts/run.mjs", "bot/cli", "ask"], { cwd: ROOT, env, timeout: 240_000 });
    await expect(usage).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("请给出要问的问题") });
  }, 300_000);

  it("an unknown command is reported in Chinese with exit code 2, as before", async () => {
    const failure = run(process.execPath, ["scripts/run.mjs", "bot/cli", "frobnicate"], { cwd: ROOT, timeout: 240_000 });
    await expect(failure).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("未知命令「frobnicate」") });
  }, 300_000);
});

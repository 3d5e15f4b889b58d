import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docxText, fixturePath } from "./drafting-fixtures.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The real command line, as `npx tsx bot/cli.ts` runs it (the local tsx binary, without npx's start-up). */
function cli(...args: string[]) {
  const r = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["bot/cli.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "draft-"));
}

function writeProfile(json: unknown): string {
  const file = join(tmp(), "profile.json");
  writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}

describe("draft --input <profile.json> --out <dir>", () => {
  it("writes the three drafts as .docx and .md and lists them as JSON", async () => {
    const out = tmp();
    const r = cli("draft", "--input", fixturePath("zibo-full"), "--out", out, "--json");
    expect(r.code, r.stderr).toBe(0);
    const written = JSON.parse(r.stdout) as { path: string; kind: string; format: string; bytes: number }[];
    expect(written.map((w) => w.path.slice(out.length + 1))).toEqual([
      "申报书.docx",
      "申报书.md",
      "建设工作方案.docx",
      "建设工作方案.md",
      "材料清单与预审报告.docx",
      "材料清单与预审报告.md",
    ]);
    for (const w of written) expect(existsSync(w.path)).toBe(true);
    const formText = await docxText(readFileSync(join(out, "申报书.docx")));
    expect(formText).toContain("淄博齐鲁创新创业园运营管理有限公司");
    expect(readFileSync(join(out, "申报书.md"), "utf8")).toContain("# 淄博市知识产权服务业集聚发展示范区申报书");
  });

  it("prints the file list in Chinese without --json, and ASCII names with --ascii-names", () => {
    const out = tmp();
    const r = cli("draft", "--input", fixturePath("zhejiang-partial"), "--out", out, "--ascii-names");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("已写入 6 个文件");
    expect(r.stdout).toContain("暂不符合申报条件");
    expect(existsSync(join(out, "application-form.docx"))).toBe(true);
    expect(existsSync(join(out, "checklist-precheck-report.md"))).toBe(true);
  });

  it("writes the staff-review edition beside the applicant's with --edition both, and refuses an unknown edition", async () => {
    const out = tmp();
    const r = cli("draft", "--input", fixturePath("zhejiang-full"), "--out", out, "--edition", "both");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("已写入 12 个文件");
    const clean = await docxText(readFileSync(join(out, "申报书.docx")));
    const review = await docxText(readFileSync(join(out, "申报书（审核版）.docx")));
    expect(clean).not.toContain("对应条款");
    expect(review).toContain("（对应条款：第六条（三））");
    const bad = cli("draft", "--input", fixturePath("zhejiang-full"), "--out", tmp(), "--edition", "staff");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--edition 应为 applicant（申请人版）、review（审核版）或 both（两版）");
  });

  it("rejects a profile with bad fields: Chinese field errors, exit 2, nothing written", () => {
    const out = join(tmp(), "never");
    const input = writeProfile({ jurisdiction: "zhejiang", carrier: { type: "park" }, zone: { serviceInstitutions: -3 } });
    const r = cli("draft", "--input", input, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("carrier.type");
    expect(r.stderr).toContain("zone.serviceInstitutions");
    expect(r.stderr).toContain("应为");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("asks for the jurisdiction, since a draft is one jurisdiction's form", () => {
    const r = cli("draft", "--input", writeProfile({ applicant: { name: "某公司" } }), "--out", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("jurisdiction");
    expect(r.stderr).toContain("zhejiang（浙江省）");
  });

  it("rejects a file that is not JSON with exit 2", () => {
    const r = cli("draft", "--input", writeProfile("{ jurisdiction: zhejiang"), "--out", tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是有效的 JSON");
  });

  it("rejects a missing input file and a missing --out with exit 2", () => {
    const missing = cli("draft", "--input", join(tmp(), "nope.json"), "--out", tmp());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("找不到");
    const noOut = cli("draft", "--input", fixturePath("zibo-full"));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain("--out");
  });
});

/**
 * The README is the map (docs/… and STYLE.md): its folder tree names every
 * folder of the repository's own code and data, so a new folder without a
 * line there fails here.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/** The lines of the fenced block under 「## Folders」. */
function treeLines(): string[] {
  const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Folders"));
  const block = /```\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split("\n");
}

/** Folders git tracks: every top-level one, and those one level inside src/, bot/ and src/rules/. */
function trackedFolders(): string[] {
  const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  const folders = new Set<string>();
  for (const f of files) {
    const parts = f.split("/");
    if (parts.length > 1) folders.add(`${parts[0]}/`);
    if (parts.length > 2 && (parts[0] === "src" || parts[0] === "bot")) folders.add(`${parts[0]}/${parts[1]}/`);
    if (parts.length > 3 && parts[0] === "src" && parts[1] === "rules") folders.add(`src/rules/${parts[2]}/`);
  }
  return [...folders].sort();
}

describe("README folder tree", () => {
  it("has a line for every folder of src/, bot/, src/rules/ and the top level", () => {
    const lines = treeLines();
    const named = (folder: string) => {
      const last = folder.split("/").at(-2)!;
      return lines.some((l) => l.trimStart().startsWith(`${last}/`));
    };
    const missing = trackedFolders().filter((f) => !named(f));
    expect(missing).toEqual([]);
  });

  it("would notice a folder without a line", () => {
    expect(treeLines().some((l) => l.trimStart().startsWith("no-such-folder/"))).toBe(false);
    expect(trackedFolders()).toContain("src/rules/");
  });
});

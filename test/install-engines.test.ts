/**
 * `npm install` on the declared Node (package.json `engines`) prints no
 * EBADENGINE warning. npm warns from the `engines` each locked package
 * declares, and package-lock.json records them — so the lockfile a fresh
 * clone installs from is checked here, package by package.
 */
import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockPackage {
  version?: string;
  engines?: Record<string, string> | string[];
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockPackage> };

/**
 * Installed, but never run by this project: `prisma dev` (a local Prisma
 * Postgres server, which the project does not use) needs it. README
 * 「Node version」 says why its warning is harmless.
 */
const TOLERATED = new Set(["@prisma/streams-local"]);

const nameOf = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

describe("npm install on the declared Node version", () => {
  const declared = semver.minVersion(pkg.engines.node)!.version;

  it(`every locked package accepts Node ${declared} (no EBADENGINE warning)`, () => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || Array.isArray(entry.engines)) continue;
      const wanted = entry.engines?.node;
      if (!wanted || TOLERATED.has(nameOf(path))) continue;
      if (!semver.satisfies(declared, wanted, { includePrerelease: true })) refusing.push(`${nameOf(path)}@${entry.version} wants node ${wanted}`);
    }
    expect(refusing).toEqual([]);
  });

  it("the one tolerated exception is still in the tree and documented in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const name of TOLERATED) {
      expect(Object.keys(lock.packages).some((p) => nameOf(p) === name)).toBe(true);
      expect(readme).toContain(name);
    }
  });
});

/**
 * npm 11.16+ lists every dependency whose install script is not reviewed in
 * `allowScripts` at the end of each install, and npm 12 skips those scripts —
 * which would leave better-sqlite3 and hnswlib-node unbuilt on a fresh clone.
 */
describe("install scripts on a fresh clone", () => {
  it("every locked package with an install script is reviewed in package.json allowScripts", () => {
    const unreviewed: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || !entry.hasInstallScript) continue;
      if (pkg.allowScripts?.[nameOf(path)] === undefined) unreviewed.push(`${nameOf(path)}@${entry.version}`);
    }
    expect(unreviewed).toEqual([]);
  });
});

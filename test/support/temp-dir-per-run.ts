/**
 * vitest globalSetup: every test run gets its own temporary folder, and
 * leaves nothing behind in the system one. Suites, the programs they spawn
 * and the libraries they use all call `os.tmpdir()`, which reads TMPDIR; it
 * is pointed at a fresh folder before the test processes start (they inherit
 * the environment) and the folder is removed when the run ends, whatever a
 * suite forgot or a killed child could not clean.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "ipzone-test-run-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  };
}

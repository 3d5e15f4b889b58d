/**
 * A test run leaves no folders in the system temporary directory: whatever a
 * suite creates with `os.tmpdir()` is inside the run's own folder, which
 * vitest's global set-up removes at the end (test/support/temp-dir-per-run.ts).
 */
import { tmpdir } from "node:os";
import { basename, dirname } from "node:path";
import { describe, expect, it } from "vitest";

describe("temporary folders of a test run", () => {
  it("are created inside the run's own folder, not directly in the system one", () => {
    expect(basename(tmpdir())).toMatch(/^ipzone-test-run-/u);
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Native modules (better-sqlite3, hnswlib-node) and loopback servers are
    // safer in forked processes than in worker threads.
    pool: "forks",
    // Each run's temporary folders live in one folder of its own, removed at the end.
    globalSetup: ["test/support/temp-dir-per-run.ts"],
    // CI reads its "N passed, N failed" line from this JSON report (.ci/run).
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".ci/out/vitest.json" }]] : ["default"],
  },
});

/**
 * Store throughput on SQLite (the default deployment): conversation
 * load + save round trips (what every chat message costs), application
 * creation (number allocation in a transaction), update de-duplication, and
 * how long an up-to-date migrate check takes at start. Wired into
 * bench/main.ts by the lead; runnable alone with `npx tsx bench/store.bench.ts`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../src/config.ts";
import { createStore, migrateDatabase } from "../src/store/index.ts";

const ROUNDS = 500;

export async function benchStore(): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(join(tmpdir(), "ipzone-bench-"));
  try {
    const config = loadConfig({ DATA_DIR: dir });
    let t = performance.now();
    await migrateDatabase(config);
    const migrateFreshMs = performance.now() - t;
    t = performance.now();
    await migrateDatabase(config);
    const migrateNoopMs = performance.now() - t;

    const store = await createStore(config);
    try {
      const user = await store.users.upsert({ channel: "bench", externalId: "1" });
      let version: number | null = null;
      // Warm-up: the first queries of each shape compile Prisma's query plans.
      for (let i = 0; i < 50; i++) {
        await store.conversations.load(user.id);
        await store.processedUpdates.markIfNew("warm-up", i);
      }
      await store.applications.create({ userId: user.id, jurisdiction: "zhejiang", profile: {} });
      t = performance.now();
      for (let i = 0; i < ROUNDS; i++) {
        const current = await store.conversations.load(user.id);
        const saved = await store.conversations.save({
          userId: user.id,
          flow: "check",
          step: `q${i % 12}`,
          state: { answers: { coreAreaSqm: 1000 + i, serviceInstitutions: 20 }, asked: i },
          expectedVersion: current?.version ?? version,
        });
        version = saved.version;
      }
      const conversationRoundTripsPerSec = ROUNDS / ((performance.now() - t) / 1000);

      t = performance.now();
      for (let i = 0; i < ROUNDS; i++) await store.applications.create({ userId: user.id, jurisdiction: "zibo", profile: { i } });
      const applicationCreatesPerSec = ROUNDS / ((performance.now() - t) / 1000);

      t = performance.now();
      for (let i = 0; i < ROUNDS; i++) await store.processedUpdates.markIfNew("bench", i);
      const markIfNewPerSec = ROUNDS / ((performance.now() - t) / 1000);

      return {
        storeProvider: "sqlite",
        storeMigrateFreshMs: round(migrateFreshMs),
        storeMigrateNoopMs: round(migrateNoopMs),
        storeConversationRoundTripsPerSec: round(conversationRoundTripsPerSec),
        storeApplicationCreatesPerSec: round(applicationCreatesPerSec),
        storeMarkIfNewPerSec: round(markIfNewPerSec),
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchStore(), null, 2));
}

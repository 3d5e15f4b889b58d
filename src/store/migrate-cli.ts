/**
 * `npm run db:migrate`: applies the committed migrations to the configured
 * database (DATABASE_URL, default SQLite file under DATA_DIR) and says what it
 * did. The bot and the CLI also migrate on start; this is for operators who
 * want to do it ahead of time, e.g. in a deploy step.
 */
import { ConfigError, loadConfig } from "../config.ts";
import { migrateDatabase } from "./migrate.ts";
import { DatabaseUnavailableError, MigrationFailedError } from "./store-errors.ts";

try {
  const report = await migrateDatabase(loadConfig());
  const summary =
    report.applied.length === 0
      ? `数据库 ${report.database} 已是最新（共 ${report.total} 个迁移）`
      : `数据库 ${report.database}：应用了 ${report.applied.length} 个迁移（${report.applied.join("、")}），共 ${report.total} 个`;
  process.stderr.write(`${summary}\n`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof MigrationFailedError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

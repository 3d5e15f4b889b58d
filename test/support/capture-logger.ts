/** A real (masking) logger whose records tests can read. */
import { createLogger, type Logger } from "../../src/logging/logger.ts";

export interface CapturedLogger {
  logger: Logger;
  records: Record<string, unknown>[];
  /** records whose message (`msg`) contains `text` */
  find(text: string): Record<string, unknown>[];
}

export function captureLogger(level = "debug"): CapturedLogger {
  const records: Record<string, unknown>[] = [];
  const logger = createLogger(level, {
    write(line: string) {
      records.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  return { logger, records, find: (text) => records.filter((r) => String(r.msg ?? "").includes(text)) };
}

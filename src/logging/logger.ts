/**
 * The one logger (pino) — always to stderr, so stdout stays for JSON and chat.
 * Every argument passes through `maskDeep`, so phone numbers and credit codes
 * never appear unmasked (see mask-personal-data.ts).
 */
import type { DestinationStream, Logger } from "pino";
import { lazyLogger, loadPino } from "./lazy-logger.ts";
import { maskDeep } from "./mask-personal-data.ts";

export type { Logger };

/** pino is loaded with the first line written at `level` or above (lazy-logger.ts). */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", destination?: DestinationStream): Logger {
  return lazyLogger(level, () => {
    const pino = loadPino();
    return pino(
      {
        level,
        base: undefined,
        hooks: {
          logMethod(args, method) {
            method.apply(this, args.map((a) => maskDeep(a)) as Parameters<typeof method>);
          },
        },
      },
      destination ?? pino.destination(2),
    );
  });
}

let shared: Logger | undefined;
/** Process-wide logger; tests create their own with `createLogger`. */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}

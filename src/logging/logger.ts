/**
 * The one logger (pino) — always to stderr, so stdout stays for JSON and chat.
 * Every argument passes through `maskDeep`, so phone numbers and credit codes
 * never appear unmasked (see mask-personal-data.ts).
 */
import pino, { type Logger } from "pino";
import { maskDeep } from "./mask-personal-data.ts";

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL ?? "info", destination: pino.DestinationStream = pino.destination(2)): Logger {
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
    destination,
  );
}

let shared: Logger | undefined;
/** Process-wide logger; tests create their own with `createLogger`. */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}

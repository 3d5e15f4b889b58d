/**
 * A logger that loads pino only when it writes its first line. pino (with
 * sonic-boom and its helpers, ~20 CommonJS files) cost 15–40 ms of CPU at
 * every start, in each thread, while a `cli ask` or a quiet console start
 * logs nothing at the level it runs at. Until then, a method of a level below
 * the logger's returns a no-op and `level` / `isLevelEnabled` answer from the
 * level given; anything else (a line to write, `child`, `flush`, a setting)
 * makes the real logger first and is then handed to it, so what is written,
 * and how, is pino's own.
 */
import { createRequire } from "node:module";
import type pino from "pino";
import type { Logger } from "pino";

/** pino's standard levels (`pino.levels.values`), and silent. */
const LEVEL_VALUES: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/** pino itself, loaded on first use (CommonJS, so synchronously). */
export function loadPino(): typeof pino {
  return createRequire(import.meta.url)("pino") as typeof pino;
}

/** A logger at `level` whose pino logger `make()` creates when it is first really used. */
export function lazyLogger(level: string, make: () => Logger): Logger {
  const threshold = LEVEL_VALUES[level];
  // A level pino would reject (or a custom one) is left to pino, at once.
  if (threshold === undefined) return make();
  let real: Logger | undefined;
  const bound = new Map<PropertyKey, unknown>();
  const noop = (): void => {};
  const ensure = (): Logger => (real ??= make());
  return new Proxy({} as Logger, {
    get(_target, prop) {
      if (!real && typeof prop === "string") {
        const value = LEVEL_VALUES[prop];
        if (value !== undefined && value < threshold) return noop;
        if (prop === "level") return level;
        if (prop === "isLevelEnabled") {
          return (name: string) => {
            const asked = name === "silent" ? undefined : LEVEL_VALUES[name];
            return asked !== undefined && asked >= threshold;
          };
        }
      }
      const logger = ensure();
      const value: unknown = Reflect.get(logger, prop, logger);
      if (typeof value !== "function") return value;
      let fn = bound.get(prop);
      if (fn === undefined || (fn as { target?: unknown }).target !== value) {
        fn = Object.assign((value as (...args: unknown[]) => unknown).bind(logger), { target: value });
        bound.set(prop, fn);
      }
      return fn;
    },
    set(_target, prop, value) {
      bound.delete(prop);
      return Reflect.set(ensure(), prop, value);
    },
    has(_target, prop) {
      return Reflect.has(ensure(), prop);
    },
  });
}

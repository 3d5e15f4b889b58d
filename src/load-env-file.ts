/**
 * Reads `.env` (or the file named by `ENV_FILE`) into `process.env` before the
 * settings are parsed, for `npm start` and the command line alike. Node's own
 * parser does the reading (`process.loadEnvFile`, Node ≥ 20.12); a variable
 * already set in the environment wins over the file, so
 * `LOG_LEVEL=debug npm start` still works with a `.env` present.
 *
 * No `.env` is the normal case (nothing is needed for the default). A file
 * named explicitly by `ENV_FILE` that does not exist is a mistake worth
 * stopping for.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export class EnvFileError extends Error {
  override name = "EnvFileError";
}

/** Loads the file; returns its absolute path, or undefined when there is none to load. */
export function loadEnvFile(): string | undefined {
  const named = process.env.ENV_FILE?.trim();
  const path = resolve(named || ".env");
  if (!existsSync(path)) {
    if (named) throw new EnvFileError(`找不到 ENV_FILE 指定的设置文件：${path}。请检查路径，或去掉 ENV_FILE 以读取项目目录下的 .env。`);
    return undefined;
  }
  try {
    process.loadEnvFile(path);
  } catch (err) {
    throw new EnvFileError(`读取设置文件 ${path} 失败：${err instanceof Error ? err.message : String(err)}`);
  }
  return path;
}

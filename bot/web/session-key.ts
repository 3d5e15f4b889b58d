/**
 * The key that encrypts and authenticates the desk's session cookies
 * (@fastify/secure-session, 32 bytes): derived from WEB_SESSION_SECRET, or a
 * random key kept beside the database so sessions survive a restart.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const SESSION_KEY_FILE = "desk-session.key";

export function sessionKey(options: { secret: string | undefined; dataDir: string }): Buffer {
  if (options.secret) return createHash("sha256").update(options.secret, "utf8").digest();
  const file = join(options.dataDir, SESSION_KEY_FILE);
  if (existsSync(file)) {
    const key = readFileSync(file);
    if (key.length === 32) return key;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/**
 * Starts the review desk beside the chat channels (`npm start` with WEB_PORT,
 * or by default when a bot runs). The Telegram webhook and the WeCom callback
 * keep their own servers.
 */
import type { Runtime } from "../../src/assistant/create-runtime.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { RunningChannel } from "../shared/channel-deps.ts";
import { createDeskApp } from "./create-desk-app.ts";
import { sessionKey } from "./session-key.ts";

export async function startWebDesk(config: Config, runtime: Runtime, logger: Logger): Promise<RunningChannel> {
  const web = config.web!;
  const app = await createDeskApp({
    store: runtime.store,
    staff: config.staff,
    notify: runtime.notify,
    logger,
    key: sessionKey({ secret: web.sessionSecret, dataDir: config.dataDir }),
    secureCookies: web.publicUrl?.startsWith("https://") ?? false,
  });
  const listening = await app.listen({ host: web.host, port: web.port });
  const local = new URL(listening);
  if (local.hostname === "0.0.0.0" || local.hostname === "[::]") local.hostname = "127.0.0.1";
  const address = local.origin;
  runtime.setDeskUrl(address);
  return { address: web.publicUrl ?? address, stop: () => app.close() };
}

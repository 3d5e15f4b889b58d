/**
 * Starts the WeCom callback server. Every path answers the callback (set the
 * app's 接收消息 URL to any path on this host); `/healthz` answers "ok".
 */
import type { Assistant } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import { logger as processLogger } from "../../src/logging/logger.ts";
import type { RunningChannel } from "../shared/channel-deps.ts";
import { listenHttp } from "../shared/http-server.ts";
import { createWecomCallback, type WecomDeps } from "./wecom-callback.ts";

const STOP_GRACE_MS = 6_000;

/**
 * @example const wecom = await startWecom(config, assistant, { inbox: runtime.store.inbox });
 *          process.once("SIGTERM", () => wecom.stop());
 */
export async function startWecom(config: Config, assistant: Assistant, deps: WecomDeps): Promise<RunningChannel> {
  const settings = config.wecom;
  if (!settings) throw new Error("未配置企业微信：请设置 WECOM_CORP_ID 等五项");
  const callback = createWecomCallback(config, assistant, deps);
  await callback.recover();
  const server = await listenHttp(
    (req, res) => {
      if (req.method === "GET" && req.url === "/healthz") return void res.writeHead(200).end("ok");
      void callback.handle(req, res);
    },
    { host: settings.host, port: settings.port },
  );
  (deps.logger ?? processLogger()).child({ channel: "wecom" }).info({ address: server.address }, "wecom: callback listening");
  return {
    address: server.address,
    push: callback.push,
    async stop() {
      await server.close();
      // Running messages get a few seconds; then WeCom calls are aborted (the whole stop stays under 10 s).
      const stopped = callback.worker.stop(STOP_GRACE_MS);
      const timer = setTimeout(() => callback.abort(), STOP_GRACE_MS);
      await stopped;
      clearTimeout(timer);
      callback.abort();
    },
  };
}

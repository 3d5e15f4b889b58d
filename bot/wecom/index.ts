/**
 * The WeCom (企业微信) channel: a self-built app's callback server plus the
 * server API for replies. bot/main.ts calls `startWecom`.
 */
export { startWecom } from "./start-wecom.ts";
export { createWecomCallback, type WecomCallback, type WecomDeps } from "./wecom-callback.ts";
export { createWecomApi, type WecomApi, type WecomApiSettings } from "./wecom-api.ts";
export { WecomApiError, WecomCallbackError } from "./wecom-errors.ts";
export type { RunningChannel } from "../shared/channel-deps.ts";

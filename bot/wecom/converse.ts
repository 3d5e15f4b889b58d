/**
 * One WeCom message or event, worked through in the user's queue: once per
 * MsgId, rate limited, turned into one or more inputs for the core, the
 * replies sent back through the API. The try/catch here is the channel's one
 * error boundary: log with the message id, tell the user one polite sentence.
 */
import type { Assistant, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/logging/logger.ts";
import { isFirstDelivery } from "../shared/dedupe.ts";
import type { ChannelDeps } from "../shared/channel-deps.ts";
import { parseCommand, resolveCommand } from "../shared/command-texts.ts";
import { createRateLimiter } from "../shared/rate-limiter.ts";
import { isStaff } from "../shared/staff.ts";
import { userNotices } from "../shared/user-notices.ts";
import { deliverReplies } from "./deliver-replies.ts";
import type { PendingChoices } from "./pending-choices.ts";
import type { WecomApi } from "./wecom-api.ts";
import type { WecomInbound } from "./wecom-xml.ts";

type CoreInput = { text: string } | { choice: string };
type Plan = { inputs: CoreInput[] } | { notice: string } | { ignore: string };

export function createWecomConverse(config: Config, assistant: Assistant, api: WecomApi, pending: PendingChoices, deps: ChannelDeps, log: Logger) {
  const limiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, now: deps.now });

  return async (inbound: WecomInbound): Promise<void> => {
    const userId = inbound.FromUserName;
    // Events carry no MsgId; WeCom's docs suggest FromUserName + CreateTime to spot their retries.
    const msgId = inbound.MsgId ?? `${userId}:${inbound.CreateTime}:${inbound.Event ?? inbound.MsgType}:${inbound.EventKey ?? ""}`;
    try {
      if (!(await isFirstDelivery(deps.processedUpdates, "wecom", msgId, log))) {
        log.info({ msgId }, "wecom: repeated message ignored");
        return;
      }
      const plan = planInputs(inbound, pending, isStaff(config.staff, "wecom", userId));
      if ("ignore" in plan) {
        log.debug({ msgId, what: plan.ignore }, "wecom: nothing to answer");
        return;
      }
      const decision = limiter.take(userId);
      if (decision !== "allow") {
        log.info({ msgId, userId }, "wecom: rate limited");
        if (decision === "notify") await api.sendText(userId, userNotices.rateLimited);
        return;
      }
      if ("notice" in plan) {
        await api.sendText(userId, plan.notice);
        return;
      }

      const replies: Reply[] = [];
      for (const [i, input] of plan.inputs.entries()) {
        const message: IncomingMessage = {
          channel: "wecom",
          userId,
          ...input,
          // Several numbers in one message are several choices; each gets its own id.
          messageId: i === 0 ? msgId : `${msgId}#${i + 1}`,
          sentAt: new Date(inbound.CreateTime * 1000),
        };
        const answer = await assistant.handle(message);
        const last = i === plan.inputs.length - 1;
        // While toggling several options, only the final state of the list is worth showing.
        replies.push(...(last ? answer : answer.filter((r) => !(r.kind === "choices" && r.multi))));
      }
      await deliverReplies(api, userId, replies, pending);
    } catch (err) {
      log.error({ msgId, err }, "wecom: message failed");
      await api.sendText(userId, userNotices.failure).catch((sendErr: unknown) => {
        log.warn({ msgId, err: sendErr }, "wecom: could not send the failure notice");
      });
    }
  };
}

function planInputs(inbound: WecomInbound, pending: PendingChoices, staff: boolean): Plan {
  if (inbound.MsgType === "event") {
    // A click on the app's custom menu sends the command name as EventKey.
    if (inbound.Event === "click" && inbound.EventKey) return planCommand(inbound.EventKey, "", staff);
    if (inbound.Event === "subscribe") return { inputs: [{ text: "帮助" }] };
    return { ignore: `event ${inbound.Event ?? "?"}` };
  }
  if (inbound.MsgType !== "text") return { notice: userNotices.textOnly };

  const content = (inbound.Content ?? "").trim();
  if (!content) return { ignore: "empty text" };
  const command = parseCommand(content);
  if (command) return planCommand(command.name, command.args, staff);
  const choices = pending.resolve(inbound.FromUserName, content);
  if (choices) return { inputs: choices.map((choice) => ({ choice })) };
  return { inputs: [{ text: content }] };
}

function planCommand(name: string, args: string, staff: boolean): Plan {
  const resolved = resolveCommand(name, args, { staff });
  if (resolved.kind === "usage") return { notice: resolved.text };
  if (resolved.kind === "staff-only") return { notice: userNotices.staffOnly };
  return { inputs: [{ text: resolved.kind === "text" ? resolved.text : "帮助" }] };
}

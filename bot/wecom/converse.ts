/**
 * One stored WeCom message or event, worked by the inbox worker: rate
 * limited, turned into one or more inputs for the core, the replies stored
 * in the inbox, then sent back through the API. A message worked again (a
 * retry, a restart) sends the stored replies that were not sent yet instead
 * of asking the core again. WeCom API failures go back to the worker, which
 * retries or re-queues; anything else is logged with the message id and the
 * user is told one polite sentence.
 */
import type { Assistant, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";
import type { Logger } from "../../src/logging/logger.ts";
import type { ChannelDeps } from "../shared/channel-deps.ts";
import type { DeliveryFailure } from "../shared/inbox-worker.ts";
import { parseCommand, resolveCommand } from "../shared/command-texts.ts";
import { createRateLimiter } from "../shared/rate-limiter.ts";
import { isStaff } from "../shared/staff.ts";
import { userNotices } from "../shared/user-notices.ts";
import type { TurnProgress } from "../shared/inbox-worker.ts";
import { deliverReplies } from "./deliver-replies.ts";
import type { PendingChoices } from "./pending-choices.ts";
import type { WecomApi } from "./wecom-api.ts";
import { WecomApiError, WecomInvalidUserError, WecomMemberBudgetError } from "./wecom-errors.ts";
import type { WecomInbound } from "./wecom-xml.ts";

type CoreInput = { text: string } | { choice: string };
type Plan = { inputs: CoreInput[] } | { notice: string } | { ignore: string };

export function createWecomConverse(config: Config, assistant: Assistant, api: WecomApi, pending: PendingChoices, deps: ChannelDeps, log: Logger) {
  const limiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, now: deps.now });

  async function answer(inbound: WecomInbound, msgId: string): Promise<Reply[]> {
    const userId = inbound.FromUserName;
    const plan = planInputs(inbound, pending, isStaff(config.staff, "wecom", userId));
    if ("ignore" in plan) {
      log.debug({ msgId, what: plan.ignore }, "wecom: nothing to answer");
      return [];
    }
    const decision = limiter.take(userId);
    if (decision !== "allow") {
      log.info({ msgId, userId }, "wecom: rate limited");
      return decision === "notify" ? [{ kind: "text", text: userNotices.rateLimited }] : [];
    }
    if ("notice" in plan) return [{ kind: "text", text: plan.notice }];

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
    return replies;
  }

  return async (inbound: WecomInbound, msgId: string, progress: TurnProgress): Promise<void> => {
    const userId = inbound.FromUserName;
    try {
      let replies = progress.replies;
      if (!replies) {
        replies = await answer(inbound, msgId);
        await progress.saveReplies(replies);
      }
      await deliverReplies(api, userId, replies, pending, progress);
    } catch (err) {
      if (err instanceof WecomApiError || err instanceof WecomInvalidUserError || err instanceof WecomMemberBudgetError) throw err;
      log.error({ msgId, err }, "wecom: message failed");
      await api.sendText(userId, userNotices.failure).catch((sendErr: unknown) => {
        log.warn({ msgId, err: sendErr }, "wecom: could not send the failure notice");
      });
    }
  };
}

/** Events carry no MsgId; WeCom's docs suggest FromUserName + CreateTime to spot their retries. */
export function wecomMessageId(inbound: WecomInbound): string {
  return inbound.MsgId ?? `${inbound.FromUserName}:${inbound.CreateTime}:${inbound.Event ?? inbound.MsgType}:${inbound.EventKey ?? ""}`;
}

/** How the inbox worker treats a failed WeCom message. */
export function classifyWecomFailure(err: unknown): DeliveryFailure {
  if (err instanceof WecomMemberBudgetError) return { kind: "retry-after", seconds: err.retryAfterSeconds };
  if (err instanceof WecomInvalidUserError) return { kind: "undeliverable" };
  if (err instanceof WecomApiError) {
    // 45009: the app's API call frequency is over WeCom's limit; it lifts within a minute.
    if (err.errcode === 45009 || err.errcode === 45033) return { kind: "retry-after", seconds: 60 };
    // 81013: user, party and tag all invalid; 60111: UserID not found; 40003: invalid UserID.
    if ([81013, 60111, 40003].includes(err.errcode)) return { kind: "undeliverable" };
    if (err.transient) return { kind: "transient" };
  }
  return { kind: "error" };
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

/**
 * WeCom's 30 messages a minute per member survive a restart: the new process
 * refills each member's window from the inbox (the sends its rows recorded in
 * the last minute), so the minute of a restart does not allow a second
 * window's worth — which WeCom would accept with errcode 0 and silently drop.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createInMemoryInbox } from "../bot/shared/in-memory-inbox.ts";
import { createMemberBudget } from "../bot/wecom/member-budget.ts";
import { startWecom } from "../bot/wecom/index.ts";
import type { RunningChannel } from "../bot/shared/channel-deps.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { wecomTestConfig } from "./support/channel-test-config.ts";
import { createScriptedAssistant } from "./support/scripted-assistant.ts";
import { createWecomFake, type WecomFake } from "./support/wecom-fake.ts";

describe("the per-member budget", () => {
  it("counts remembered sends: a member with 30 in the last minute waits for the oldest to leave the window", () => {
    let t = 1_000_000;
    const budget = createMemberBudget({ perMinute: 30, now: () => t });
    budget.remember("m", t - 20_000, 30);
    budget.remember("old", t - 61_000, 30);
    expect(budget.take("m")).toBe(40_000);
    expect(budget.take("old")).toBe(0);
    t += 40_000;
    expect(budget.take("m")).toBe(0);
  });

  describe("across a restart", () => {
    let wecom: WecomFake | undefined;
    let channel: RunningChannel | undefined;
    afterAll(async () => {
      await channel?.stop();
      await wecom?.stop();
    });

    it("a member who got 30 messages just before the restart gets the next one only when the minute turns, and nothing is dropped", async () => {
      wecom = await createWecomFake({}, { memberLimitPerMinute: 30 });
      const inbox = createInMemoryInbox();
      // What the last run left: a finished message whose reply took 30 sends, a moment ago.
      const earlier = (await inbox.accept({ channel: "wecom", externalId: "before-restart", chatKey: "busy", payload: "" }))!;
      await inbox.saveReplies(earlier.id, "[]");
      await inbox.stepsSent(earlier.id, 30);
      await inbox.finish(earlier.id, "done");

      const config = wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, rateLimitPerMinute: 1_000 });
      channel = await startWecom(config, createScriptedAssistant(), { inbox, logger: captureLogger().logger });
      expect((await wecom.user(channel.address!, "busy").send("你好", { msgId: "after-restart" })).status).toBe(200);
      expect((await wecom.user(channel.address!, "calm").send("你好", { msgId: "other-member" })).status).toBe(200);

      await new Promise((r) => setTimeout(r, 2_000));
      // Another member is answered at once; the busy one waits (re-queued, not sent, not dropped).
      expect(wecom.sent("calm").length).toBeGreaterThan(0);
      expect(wecom.sent("busy")).toEqual([]);
      expect(wecom.dropped()).toEqual([]);
      const waiting = inbox.rows().find((r) => r.externalId === "after-restart")!;
      expect(waiting.status).toBe("answered");
      expect(waiting.notBefore!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    }, 30_000);
  });
});

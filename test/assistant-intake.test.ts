/**
 * Issue 4 through the real core: a new user finishes a Zhejiang or Zibo
 * intake or a Zibo agency estimate with nothing but the assistant's own
 * messages, on a real SQLite store, the offline answerer and the real rules —
 * and the result is what `check` / `estimate` say on the same facts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCheckReport, renderEstimateReport } from "../src/reports/index.ts";
import { checkJurisdiction, estimateSupport } from "../src/rules/index.ts";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";
import {
  AGENCY_LINES,
  agencyInput,
  startHarness,
  ZHEJIANG_LINES,
  ZHEJIANG_PROFILE,
  ZIBO_LINES,
  type ChatUser,
  type Harness,
  type Turn,
} from "./support/assistant-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let n = 0;
const newUser = (name: string): ChatUser => h.user(`${name}-${++n}`);

/** Answers each question with the line; asserts every question showed an example to copy. */
async function answerAll(user: ChatUser, lines: readonly string[]): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const line of lines) {
    expect(user.last?.text ?? "").toMatch(/例如：|请核对/u);
    turns.push(await user.say(line));
  }
  return turns;
}

async function storedApplication(user: ChatUser) {
  const record = await h.store.users.findByChannelId("console", user.id);
  const [app] = await h.store.applications.listByUser(record!.id, { limit: 1 });
  return app!;
}

/** The first example the last reply offers: 「例如：2021、今年 或 去年」 → 「2021」. */
function ownExample(turn: Turn): string {
  const m = /例如：(.+?)(?:；不清楚可回复「跳过」)?$/mu.exec(turn.text);
  if (!m) throw new Error(`no example in: ${turn.text}`);
  return m[1]!.split(/、|\s*或\s*|或(?=「)/u)[0]!.replace(/[「」]/gu, "").trim();
}

describe("a user who types nothing but the examples the assistant shows", () => {
  for (const [start, done] of [
    ["我想申报示范区", "请核对以下信息"],
    ["我想申报淄博的示范区", "请核对以下信息"],
    ["测算一下我们能拿多少资助", "请核对以下信息"],
  ] as const) {
    it(`finishes 「${start}」 and gets the rules' result on those facts`, async () => {
      const u = newUser("examples");
      let turn = await u.say(start);
      for (let i = 0; i < 30 && !turn.text.includes(done); i++) {
        const before = turn;
        turn = await u.say(ownExample(turn));
        expect(turn.text, `「${ownExample(before)}」 was not accepted`).not.toContain("这个回答没能采用");
      }
      expect(turn.text).toContain(done);
      expect(turn.text).not.toContain("未填写");
      const result = await u.say("确认");
      const record = await h.store.users.findByChannelId("console", u.id);
      if (start.includes("测算")) {
        const [estimate] = await h.store.estimates.listByUser(record!.id, 1);
        const input = agencyInputSchema.parse(estimate!.input);
        expect(result.text).toContain(renderEstimateReport(estimateSupport(input)));
      } else {
        const app = await storedApplication(u);
        const profile = zoneProfileSchema.parse(app.profile);
        expect(result.text).toContain(renderCheckReport(checkJurisdiction(profile.jurisdiction!, profile)));
      }
    });
  }
});

describe("Zhejiang applicant, start to result", () => {
  it("asks only what 第六条 reads (no county facts), and the chat's check is `check` on the typed profile", async () => {
    const alice = newUser("zj");
    const first = await alice.say("我想申报浙江的示范区");
    expect(first.text).toContain("第 1/14 步 · 申报单位名称");
    const turns = await answerAll(alice, ZHEJIANG_LINES);
    const asked = [first, ...turns].map((t) => t.text).join("\n");
    expect(asked).not.toMatch(/区县|发展规划|扶持政策/u);

    const summary = turns.at(-1)!;
    expect(summary.text).toContain("请核对以下信息");
    for (const shown of ["杭州测试科技园发展有限公司", "张三", "1,200 平方米", "25 家", "科技企业孵化器", "民营", "高新园区"]) {
      expect(summary.text).toContain(shown);
    }
    const result = await alice.say("确认");

    const expected = checkJurisdiction("zhejiang", zoneProfileSchema.parse(ZHEJIANG_PROFILE));
    expect(expected.verdict).toBe("eligible");
    expect(result.text).toContain(renderCheckReport(expected));
    const app = await storedApplication(alice);
    expect(app.number).toMatch(/^ZJ-2026-\d{4}$/u);
    expect(app.status).toBe("draft");
    expect(app.profile).toEqual(ZHEJIANG_PROFILE);
    expect(app.checkResult).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(result.choices?.options.map((o) => o.label)).toEqual(["生成申报材料（Word）", "修改信息", "提交给主管部门"]);
  });

  it("a user who does not name the province is asked, and can answer with the button", async () => {
    const bob = newUser("zj-btn");
    const t = await bob.say("我想申报示范区");
    expect(t.text).toContain("您要申报哪里的示范区？");
    const next = await bob.pressLabel("浙江省（省级示范区）");
    expect(next.text).toContain("✓ 已记录：申报地区 浙江省");
    expect(next.text).toContain("第 1/14 步");
  });
});

describe("Zibo applicant", () => {
  it("never asks the core area or the carrier, asks the county facts, and matches `check`", async () => {
    const lee = newUser("zb");
    const first = await lee.say("我想申报淄博的示范区");
    const turns = await answerAll(lee, ZIBO_LINES);
    const asked = [first, ...turns].map((t) => t.text).join("\n");
    expect(asked).not.toContain("核心区面积");
    expect(asked).not.toContain("依托单位类型");
    expect(asked).toContain("区县知识产权管理机制");
    expect(asked).toContain("第 13/13 步");
    const result = await lee.say("确认");

    const app = await storedApplication(lee);
    expect(app.number).toMatch(/^ZB-2026-/u);
    const profile = zoneProfileSchema.parse(app.profile);
    expect(profile.zone?.coreAreaSqm).toBeUndefined();
    expect(profile.county).toEqual({ managementMechanism: true, developmentPlan: true, supportPolicies: false });
    const expected = checkJurisdiction("zibo", profile);
    expect(app.checkResult).toEqual(JSON.parse(JSON.stringify(expected)));
    // 2026 is past the one-year trial; only three of the eleven services; no support policies.
    expect(expected.verdict).toBe("not-eligible");
    expect(expected.policy.status).toBe("trial-expired");
    expect(result.text).toContain(renderCheckReport(expected));
    expect(result.text).toContain("第五条（一）");
  });
});

describe("Zibo agency estimate", () => {

  it("walks 第九条 item by item and reports `estimate` on the same facts", async () => {
    const agency = newUser("agency");
    const first = await agency.say("测算一下我们能拿多少资助");
    expect(first.text).toContain("第九条");
    const turns = await answerAll(agency, AGENCY_LINES);
    expect(turns.at(-1)!.text).toContain("请核对以下信息");
    const result = await agency.say("确认");

    const input = agencyInputSchema.parse(agencyInput("2026-11-22"));
    const expected = estimateSupport(input);
    expect(expected.totalMax).toBe(450_000);
    expect(result.text).toContain(renderEstimateReport(expected));

    const record = await h.store.users.findByChannelId("console", agency.id);
    const [stored] = await h.store.estimates.listByUser(record!.id, 1);
    expect(stored!.input).toEqual(JSON.parse(JSON.stringify(input)));
    expect((stored!.result as { totalMax: number }).totalMax).toBe(450_000);
  });

  it("an agency outside the zone is told no item applies, without the remaining questions", async () => {
    const outside = newUser("agency-out");
    await outside.say("测算一下我们能拿多少资助");
    await outside.sayAll(["2021", "否"]);
    const summary = await outside.say("是");
    expect(summary.text).toContain("请核对以下信息");
    expect(summary.text).toContain("其余问题没有再问");
    const result = await outside.say("确认");
    expect(result.text).toMatch(/合计.*0/u);
  });
});

describe("in the middle of an intake", () => {
  async function atCoreArea(name: string): Promise<ChatUser> {
    const u = newUser(name);
    await u.say("我想申报浙江的示范区");
    await u.sayAll(ZHEJIANG_LINES.slice(0, 11));
    expect(u.last!.text).toContain("第 12/14 步 · 核心区面积");
    return u;
  }

  it("a policy question is answered with its clause, then the pending question is asked once more", async () => {
    const u = await atCoreArea("question");
    const t = await u.say("核心区面积最少要多少平方米？");
    expect(t.text).toContain("《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条（三）");
    expect(t.text).toContain("1000平方米");
    expect(t.text.match(/第 12\/14 步 · 核心区面积/gu)).toHaveLength(1);
    expect(t.text.indexOf("第六条（三）")).toBeLessThan(t.text.indexOf("第 12/14 步"));
    const next = await u.say("1200平米");
    expect(next.text).toContain("✓ 已记录：核心区面积 1,200 平方米");
  });

  it("「不知道」 leaves the fact unknown: the summary says so and the check says 待确认", async () => {
    const u = await atCoreArea("unknown");
    const t = await u.say("不知道");
    expect(t.text).toContain("「核心区面积」先记为未知");
    await u.say("全部");
    const summary = await u.say("是");
    expect(summary.text).toContain("12. 核心区面积：未知（已跳过）");
    const result = await u.say("确认");
    expect(result.text).toContain("结论：需补充信息后再判断");
    const app = await storedApplication(u);
    expect(zoneProfileSchema.parse(app.profile).zone?.coreAreaSqm).toBeUndefined();
    expect((app.checkResult as { verdict: string }).verdict).toBe("needs-review");
  });

  it("「跳过」 does the same", async () => {
    const u = await atCoreArea("skip");
    const t = await u.say("跳过");
    expect(t.text).toContain("先记为未知");
    expect(t.text).toContain("第 13/14 步");
  });

  it("three answers it cannot read offer help and skipping, and 「跳过」 then moves on", async () => {
    const u = await atCoreArea("misses");
    const first = await u.say("很大");
    expect(first.text).toContain("这个回答没能采用");
    expect(first.choices).toBeUndefined();
    await u.say("挺大的");
    const third = await u.say("不小");
    expect(third.text).toContain("可以先「跳过」");
    expect(third.choices?.options.map((o) => o.label)).toEqual(["不清楚，跳过", "为什么问这个？"]);
    const why = await u.pressLabel("为什么问这个？");
    expect(why.text).toContain("要求核心区面积不少于 1000 平方米");
    const skipped = await u.pressLabel("不清楚，跳过", third);
    expect(skipped.text).toContain("先记为未知");
  });

  it("「其实是1200平米」 corrects the last answer it fits, and 「修改面积」 reopens the question", async () => {
    const u = await atCoreArea("correct");
    await u.say("800平米");
    const fixed = await u.say("其实是1200平米");
    expect(fixed.text).toContain("✓ 已修改：核心区面积 改为 1,200 平方米");
    expect(fixed.text).toContain("第 13/14 步");
    const reopened = await u.say("修改面积");
    expect(reopened.text).toContain("当前答案：1,200 平方米");
    const kept = await u.say("保持");
    expect(kept.text).toContain("保持为：1,200 平方米");
  });

  it("changing the carrier type clears its ownership, which is asked again", async () => {
    const u = await atCoreArea("dependent");
    const picker = await u.say("修改 依托单位类型");
    expect(picker.text).toContain("当前答案：科技企业孵化器");
    const changed = await u.pressLabel("众创空间");
    expect(changed.text).toContain("「依托单位性质」依赖原来的「依托单位类型」，已清除");
    expect(changed.text).toContain("依托单位是国有还是民营？");
    const record = await h.store.users.findByChannelId("console", u.id);
    const current = await h.store.answers.current(record!.id, "application");
    expect(current.find((a) => a.path === "carrier.ownership")).toBeUndefined();
    expect(current.find((a) => a.path === "carrier.type")?.value).toBe("maker-space");
    const back = await u.pressLabel("国有");
    expect(back.text).toContain("第 12/14 步 · 核心区面积");
  });

  it("switching the jurisdiction to Zibo drops the Zhejiang-only facts and asks the county", async () => {
    const u = await atCoreArea("switch");
    const t = await u.say("修改 地区");
    await u.pressLabel("淄博市（市级示范区）", t);
    const summaryPath = await u.sayAll(["3家", "专利、商标", "有", "有", "有"]);
    const summary = summaryPath.at(-1)!;
    expect(summary.text).toContain("请核对以下信息");
    expect(summary.text).not.toContain("核心区面积");
    expect(summary.text).not.toContain("依托单位类型");
    expect(summary.text).toContain("区县扶持政策：是");
  });

  it("the summary lists every answer and any item can be changed from it", async () => {
    const u = newUser("summary");
    await u.say("我想申报浙江的示范区");
    const summary = (await u.sayAll(ZHEJIANG_LINES)).at(-1)!;
    expect(summary.text.match(/^\d+\. .+：.+$/gmu)).toHaveLength(14);
    expect(summary.text).toContain("修改 3");
    const picker = await u.pressLabel("修改某一项");
    expect(picker.choices?.options).toHaveLength(15);
    const reopened = await u.pressLabel("11. 知识产权服务机构数量：25 家");
    expect(reopened.text).toContain("当前答案：25 家");
    const back = await u.say("30家");
    expect(back.text).toContain("✓ 已修改：知识产权服务机构数量 改为 30 家");
    expect(back.text).toContain("11. 知识产权服务机构数量：30 家");
  });
});

describe("commands", () => {
  it("a new user's first question is answered first, then a short welcome, once", async () => {
    const u = newUser("new");
    const first = await u.say("浙江省示范区要求多少家服务机构？");
    expect(first.replies).toHaveLength(2);
    expect(first.text.indexOf("第六条（三）")).toBeLessThan(first.text.indexOf("初次见面"));
    expect(first.text).toContain("回复「我想申报示范区」");
    const second = await u.say("淄博呢？");
    expect(second.text).not.toContain("初次见面");
    expect(second.text).toContain("第五条");
  });

  it("「你好」 as a first message gets the full help, without the welcome on top", async () => {
    const t = await newUser("hello").say("你好");
    expect(t.text).toContain("我可以：");
    expect(t.text).not.toContain("初次见面");
  });

  it("a new user who starts with an intake is not held up by the help text", async () => {
    const u = newUser("new-intake");
    const t = await u.say("我想申报浙江的示范区");
    expect(t.text).not.toMatch(/我可以：|初次见面/u);
    expect(t.replies).toHaveLength(1);
  });

  it("「帮助」 and 「我的申报」 in an intake answer, then the pending question comes back", async () => {
    const u = newUser("help");
    await u.say("我想申报浙江的示范区");
    await u.say("杭州测试科技园发展有限公司");
    const help = await u.say("帮助");
    expect(help.text).toContain("我可以：");
    expect(help.text).toContain("第 2/14 步 · 统一社会信用代码");
    const status = await u.say("我的申报");
    expect(status.text).toContain("您还没有申报记录");
    expect(status.text).toContain("第 2/14 步 · 统一社会信用代码");
    const next = await u.say("91330106MA2B3C4D5D");
    expect(next.text).toContain("✓ 已记录：统一社会信用代码");
  });

  it("「我的申报」 outside an intake lists the applications with what can be done next", async () => {
    const u = newUser("status");
    await u.say("我想申报浙江的示范区");
    await u.sayAll([...ZHEJIANG_LINES, "确认"]);
    const status = await u.say("我的申报");
    expect(status.text).toMatch(/ZJ-2026-\d{4} 浙江省 — 草稿（未提交）；自检：符合条件/u);
    expect(status.choices?.options.map((o) => o.label)).toContain("提交给主管部门");
  });

  it("「取消」 leaves the intake; a later 「取消」 says there is nothing to cancel", async () => {
    const u = newUser("cancel");
    await u.say("我想申报浙江的示范区");
    const cancelled = await u.say("取消");
    expect(cancelled.text).toContain("已退出");
    const again = await u.say("取消");
    expect(again.text).toContain("当前没有进行中的填报");
    const question = await u.say("杭州测试科技园发展有限公司");
    expect(question.text).not.toContain("已记录");
  });

  it("「取消」 in an intake answers with one message", async () => {
    const u = newUser("cancel-once");
    await u.say("测算一下我们能拿多少资助");
    const t = await u.say("取消");
    expect(t.replies).toHaveLength(1);
    expect(t.text).toContain("已退出填报");
  });

  it("asking for another jurisdiction mid-intake starts over there, keeping the applicant's details", async () => {
    const u = newUser("switch-j");
    await u.say("我想申报浙江的示范区");
    await u.sayAll(ZHEJIANG_LINES.slice(0, 2));
    const t = await u.say("我想申报淄博的示范区");
    expect(t.text).toContain("已改为申报淄博市示范区，单位信息沿用刚才填写的");
    expect(t.text).toContain("联系人");
    expect(t.text).toMatch(/第 3\/13 步/u);
    const same = await u.say("我想申报淄博的示范区");
    expect(same.text).toContain("您正在进行申报准备");
    expect(same.text).toMatch(/第 3\/13 步/u);
  });

  it("asking for the estimate mid-application switches flows instead of taking it as an answer", async () => {
    const u = newUser("switch-flow");
    await u.say("我想申报浙江的示范区");
    const t = await u.say("测算一下我们能拿多少资助");
    expect(t.text).toContain("已退出刚才的申报准备");
    expect(t.text).toContain("要测算哪一年度的资助？");
  });

  it("「提交申报」 mid-intake is not taken as an answer; the pending question comes back", async () => {
    const u = newUser("submit-early");
    await u.say("我想申报浙江的示范区");
    const t = await u.say("提交申报");
    expect(t.text).toContain("当前的填报还没有完成");
    expect(t.text).toContain("第 1/14 步 · 申报单位名称");
    const record = await h.store.users.findByChannelId("console", u.id);
    expect(await h.store.answers.current(record!.id, "application")).toEqual([]);
  });

  it("「重新开始」 starts the same flow over from the first question", async () => {
    const u = newUser("restart");
    await u.say("测算一下我们能拿多少资助");
    await u.sayAll(["2021", "是"]);
    const t = await u.say("重新开始");
    expect(t.text).toContain("要测算哪一年度的资助？");
    const year = await u.say("2022");
    expect(year.text).toContain("✓ 已记录：测算年度 2022");
  });

  it("「有用」/「没用」 after an answer are stored with that question in the question log", async () => {
    const u = newUser("feedback");
    await u.say("浙江省示范区要求多少家服务机构？");
    const thanks = await u.say("有用");
    expect(thanks.text).toContain("谢谢反馈");
    const [helpful] = await h.store.questions.recent(1);
    expect(helpful!.question).toBe("浙江省示范区要求多少家服务机构？");
    expect(helpful!.feedback).toBe("helpful");

    await u.say("淄博示范区的支持政策试行多久？");
    await u.say("没用");
    const [unhelpful] = await h.store.questions.recent(1);
    expect(unhelpful!.question).toBe("淄博示范区的支持政策试行多久？");
    expect(unhelpful!.feedback).toBe("unhelpful");

    // Only the answer just given is rated: a second 「没用」 does not overwrite the first rating.
    expect((await u.say("谢谢")).text).toContain("不客气");
    expect((await h.store.questions.recent(1))[0]!.feedback).toBe("unhelpful");
  });

  it("「有用」 after a question asked mid-intake rates it, and the pending question comes back", async () => {
    const u = newUser("feedback-intake");
    await u.say("我想申报浙江的示范区");
    await u.say("核心区面积最少要多少平方米？");
    const t = await u.say("有用");
    expect(t.text).toContain("谢谢反馈");
    expect(t.text).toContain("第 1/14 步 · 申报单位名称");
    expect((await h.store.questions.recent(1))[0]!.feedback).toBe("helpful");
    const next = await u.say("杭州测试科技园发展有限公司");
    expect(next.text).toContain("✓ 已记录：申报单位名称 杭州测试科技园发展有限公司");
  });
});

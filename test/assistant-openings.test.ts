/**
 * The first minutes of a conversation, as a new applicant has them: a
 * natural opening about applying, a stray 「?」 on an answer, leaving and
 * coming back, choosing Zibo, and a step count that does not move under them.
 * The real assistant over SQLite in a temp folder (test/support/assistant-harness.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENCY_LINES, CREDIT_CODE, startHarness, type Harness } from "./support/assistant-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const REFUSED = /不在我掌握的两份政策范围内|抱歉/u;
const steps = (text: string) => [...text.matchAll(/第 (\d+)\/(\d+) 步/gu)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe("a natural opening about applying", () => {
  it("is answered, then the intake is offered; the company name typed next starts it instead of being refused", async () => {
    const u = h.user("opening");
    const first = await u.say("我们园区想申报那个示范区，怎么弄");
    expect(first.choices?.options.map((o) => o.label)).toEqual(["开始申报准备", "测算服务机构资助"]);

    const next = await u.say("杭州测试科技园发展有限公司");
    expect(next.text).not.toMatch(REFUSED);
    expect(next.text).toContain("已记下申报单位名称：杭州测试科技园发展有限公司");
    expect(next.text).toContain("您要申报哪里的示范区？");

    // The name is not asked again.
    const zhejiang = await u.say("浙江");
    expect(zhejiang.text).toContain("第 2/14 步 · 统一社会信用代码");
  });

  it("the offered button starts the intake", async () => {
    const u = h.user("opening-button");
    await u.say("我们机构能拿多少资助？");
    expect(u.last!.choices?.options[0]!.label).toBe("开始资助测算");
    const started = await u.pressLabel("开始资助测算");
    expect(started.text).toContain("第 1/17 步 · 测算年度");
  });

  it("a question after the offer is still answered as a question", async () => {
    const u = h.user("opening-question");
    await u.say("我们园区想申报那个示范区，怎么弄");
    const q = await u.say("浙江省示范区要求多少家服务机构？");
    expect(q.text).toContain("第六条");
    expect(q.text).not.toContain("第 1/");
  });
});

describe("an answer with a stray character inside the intake", () => {
  it("a credit code ending in 「?」 is read as an answer: a wrong one gets what is expected, a right one is recorded", async () => {
    const u = h.user("stray");
    await u.sayAll(["我想申报浙江的示范区", "杭州测试科技园发展有限公司"]);
    const wrong = await u.say("91330106MA2B3C4D5X?");
    expect(wrong.text).not.toMatch(REFUSED);
    expect(wrong.text).toContain("这个回答没能采用：校验位不符");
    expect(wrong.text).toContain("第 2/14 步 · 统一社会信用代码");
    const right = await u.say(`${CREDIT_CODE}？`);
    expect(right.text).toContain(`✓ 已记录：统一社会信用代码 ${CREDIT_CODE}`);
  });
});

describe("leaving with 退出 and starting again", () => {
  it("offers to continue with the saved answers, showing them, and continues at the next open question", async () => {
    const u = h.user("leave");
    await u.sayAll(["我想申报浙江的示范区", "杭州测试科技园发展有限公司", CREDIT_CODE, "张三"]);
    const left = await u.say("退出");
    expect(left.text).toContain("已退出填报");

    const again = await u.say("我想申报浙江的示范区");
    expect(again.text).toContain("已保存的内容如下");
    expect(again.text).toContain("申报单位名称：杭州测试科技园发展有限公司");
    expect(again.text).toContain("联系人：张三");
    expect(again.choices?.options.map((o) => o.label)).toEqual(["继续上次的填报", "重新开始"]);

    const resumed = await u.pressLabel("继续上次的填报");
    expect(resumed.text).toContain("第 4/14 步 · 联系电话");
  });

  it("「重新开始」 starts afresh", async () => {
    const u = h.user("leave-fresh");
    await u.sayAll(["我想申报浙江的示范区", "杭州测试科技园发展有限公司", "退出", "我想申报浙江的示范区"]);
    const fresh = await u.say("重新开始");
    expect(fresh.text).toContain("第 1/14 步 · 申报单位名称");
  });
});

describe("Zibo's expired trial", () => {
  it("is said when Zibo is chosen, before the first question, and the intake goes on", async () => {
    const u = h.user("zibo-trial");
    await u.say("我想申报示范区");
    const chosen = await u.say("淄博");
    const text = chosen.text;
    expect(text).toMatch(/试用期至2021年8月24日.*已过试用期/u);
    expect(text.indexOf("已过试用期")).toBeLessThan(text.indexOf("第 1/"));
    expect(text).toContain("申报单位名称");
  });

  it("is said at the start of the (Zibo-only) agency estimate", async () => {
    const u = h.user("zibo-trial-agency");
    const started = await u.say("测算一下我们能拿多少资助");
    expect(started.text).toContain("已过试用期");
  });
});

describe("the step count", () => {
  it("never grows in the middle of the agency estimate", async () => {
    const u = h.user("steps");
    const seen = steps((await u.say("测算一下我们能拿多少资助")).text);
    for (const line of AGENCY_LINES.slice(0, -1)) seen.push(...steps((await u.say(line)).text));
    const totals = seen.map(([, total]) => total);
    expect(new Set(totals).size).toBe(1);
    expect(seen.map(([step]) => step)).toEqual(totals.map((_, i) => i + 1));
  });

  it("shrinks only with an answer that makes questions unnecessary, and says so", async () => {
    const u = h.user("steps-shrink");
    await u.sayAll(["测算一下我们能拿多少资助", "2021", "是"]);
    const before = steps(u.last!.text)[0]!;
    // Not a qualified patent agency: no 第九条 item can apply, the rest is not asked.
    const no = await u.say("否");
    const said = /后面有 (\d+) 个问题不需要填写，现在共 (\d+) 步/u.exec(no.text);
    expect(said).not.toBeNull();
    expect(Number(said![2])).toBe(before[0]);
    expect(Number(said![1]) + Number(said![2])).toBe(before[1]);
    expect(no.text).toContain("请核对");
  });
});

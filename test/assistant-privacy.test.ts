/**
 * Personal data never reaches a log line: a whole conversation — intake with
 * a phone number and a credit code, a policy question quoting the phone, a
 * staff comment quoting it, drafts — logged at the most verbose level, and
 * the typed numbers appear only masked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDIT_CODE, MASKED_PHONE, PHONE, startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ staff: ["officer"], logLevel: "trace" });
});
afterAll(async () => {
  await h?.close();
});

describe("logs of a whole conversation", () => {
  it("hold the phone number and credit code only masked", async () => {
    const applicant = h.user("private");
    await applicant.say(`你好，我的电话 ${PHONE}，信用代码 ${CREDIT_CODE}`);
    await applicant.say("我想申报浙江的示范区");
    await applicant.sayAll([...ZHEJIANG_LINES, "确认", "生成申报材料", "提交申报"]);
    const number = /ZJ-2026-\d{4}/u.exec(applicant.last!.text)![0];
    await applicant.say(`电话${PHONE}能查进度吗？`);
    const officer = h.user("officer");
    await officer.say(`查看 ${number}`);
    await officer.say(`退回 ${number} 请联系 ${PHONE} 核对代码 ${CREDIT_CODE}`);
    const told = await applicant.say("我的申报");
    // The applicant is told the staff's words as written: a notice is a message to them, not a log.
    expect(told.text).toContain(PHONE);

    const all = h.logLines.join("\n");
    expect(h.logLines.length).toBeGreaterThan(20);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain(CREDIT_CODE);
    expect(all).toContain(MASKED_PHONE);
    expect(all).toContain(`${CREDIT_CODE.slice(0, 4)}**********${CREDIT_CODE.slice(-4)}`);

    // The question log is a log too.
    const questions = await h.store.questions.recent(10);
    expect(questions.map((q) => q.question).join("\n")).not.toContain(PHONE);
  });
});

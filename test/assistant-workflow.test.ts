/**
 * Issue 5, the application workflow through the real core: intake → drafts
 * (three Word documents and the Markdown report) → submission → staff review
 * (queue, pre-check summary first, return with a comment) → the applicant is
 * told → corrects one fact and resubmits without re-entering the rest →
 * staff accept → the applicant is told. Plus the role checks and two staff
 * deciding at once.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION } from "../src/assistant/detect-command.ts";
import { DOCX_MIME } from "../src/drafting/draft-application.ts";
import { startHarness, ZHEJIANG_LINES, type ChatUser, type Harness } from "./support/assistant-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ staff: ["reviewer", "reviewer2"] });
});
afterAll(async () => {
  await h?.close();
});

const NUMBER = /ZJ-2026-\d{4}/u;
let n = 0;

/** A Zhejiang applicant with a confirmed intake; `institutions` replaces the 25家 answer. */
async function applicantWithDraft(name: string, institutions = "25家"): Promise<{ user: ChatUser; number: string }> {
  const user = h.user(`${name}-${++n}`);
  await user.say("我想申报浙江的示范区");
  const lines: string[] = [...ZHEJIANG_LINES];
  lines[10] = institutions;
  await user.sayAll([...lines, "确认"]);
  const number = NUMBER.exec(user.last!.text)?.[0];
  if (!number) throw new Error(`no application number in: ${user.last!.text}`);
  return { user, number };
}

async function auditOf(number: string) {
  return h.store.audit.listBySubject(`application:${number}`);
}

async function docxText(data: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value;
}

describe("return, correct, resubmit, accept", () => {
  it("runs end to end, each side told what happened", async () => {
    const staff = h.user("reviewer");
    const { user: ann, number } = await applicantWithDraft("ann", "19家");
    expect(ann.last!.text).toContain("结论：不符合申报条件");

    // Drafts: a short summary (the verdict, the unmet condition and its gap, what to fill in), then three Word documents.
    const drafts = await ann.say("生成申报材料");
    expect(drafts.replies[0]).toMatchObject({ kind: "text" });
    const summary = (drafts.replies[0] as { text: string }).text;
    expect(summary).toContain(`${number} 申报材料草稿`);
    expect(summary).toContain("自检结论：不符合申报条件");
    expect(summary).toMatch(/不符合，还差 \d+ 家/u);
    expect(summary).toContain("预审报告");
    expect(summary.split("\n").length).toBeLessThan(15);
    expect(summary).not.toMatch(/\| ?---|^#|命令行/mu);
    expect(drafts.documents).toHaveLength(3);
    for (const doc of drafts.documents) {
      expect(doc.mimeType).toBe(DOCX_MIME);
      expect(doc.fileName).toMatch(new RegExp(`^${number}-.+\\.docx$`, "u"));
      expect(Buffer.from(doc.data.subarray(0, 2)).toString()).toBe("PK");
    }
    const formText = await docxText(drafts.documents[0]!.data);
    expect(formText).toContain("杭州测试科技园发展有限公司");
    expect(formText).toContain("19");
    // the applicant's edition is the clean one they sign
    expect(formText).not.toContain("对应条款");

    const submitted = await ann.say("提交申报");
    expect(submitted.text).toContain(`已提交：${number}`);
    expect(submitted.text).toContain("自检结果为「不符合」");

    // Staff hear of it with their next message, see the queue, open the pre-check first.
    const queue = await staff.say("待审");
    expect(queue.text).toContain(`📬 新的申报待审核：${number}`);
    expect(queue.text).toContain(`${number} 浙江省 杭州测试科技园发展有限公司 — 自检：不符合条件`);
    const opened = await staff.say(`查看 ${number}`);
    expect(opened.replies[0]!.kind).toBe("text");
    expect(opened.text.startsWith(`【预审摘要】${number}`)).toBe(true);
    expect(opened.text).toContain("现有知识产权服务机构 19 家，少于 20 家");
    expect(opened.replies.findIndex((r) => r.kind === "document")).toBeGreaterThan(0);
    expect(opened.documents).toHaveLength(3);
    // staff get the review edition: the clauses each section answers
    expect(opened.documents[0]!.fileName).toBe(`${number}-申报书（审核版）.docx`);
    expect(await docxText(opened.documents[0]!.data)).toContain("（对应条款：第六条（三））");
    expect(opened.choices?.options.map((o) => o.label)).toEqual(["通过（受理）", "退回并附意见"]);

    const returned = await staff.say(`退回 ${number} 机构数量不足20家，请核实后补充`);
    expect(returned.text).toContain(`已退回 ${number}`);

    // The applicant is told with the next message, and sees the comment in the status.
    const told = await ann.say("我的申报");
    expect(told.replies[0]).toEqual({
      kind: "text",
      text: `📬 您的申报 ${number} 被退回，意见：「机构数量不足20家，请核实后补充」。回复「修改申报」可在原有信息基础上修改后重新提交。`,
    });
    expect(told.text).toContain("已退回，待修改");
    expect(told.text).toContain("退回意见：机构数量不足20家，请核实后补充");
    expect(told.choices?.options.map((o) => o.label)).toContain("重新提交");

    // Correcting one fact: everything else comes back filled in.
    const edit = await ann.say("修改申报");
    expect(edit.text).toContain("退回意见：机构数量不足20家");
    expect(edit.text).toContain("请核对以下信息");
    expect(edit.text).not.toContain("未填写");
    expect(edit.text).toContain("1. 申报单位名称：杭州测试科技园发展有限公司");
    await ann.say("修改 机构数量");
    const corrected = await ann.say("22家");
    expect(corrected.text).toContain("✓ 已修改：知识产权服务机构数量 改为 22 家");
    const rechecked = await ann.say("确认");
    expect(rechecked.text).toContain("结论：符合申报条件");
    expect(rechecked.text).toContain(`申报编号：${number}（已退回，修改后可重新提交）`);

    const redraft = await ann.say("生成申报材料");
    expect(await docxText(redraft.documents[0]!.data)).toContain("22");
    expect(redraft.text).toContain("机构数量不足20家，请核实后补充");

    const resubmitted = await ann.pressLabel("重新提交");
    expect(resubmitted.text).toContain(`已提交：${number}`);
    expect(resubmitted.text).not.toContain("自检结果为");

    const accepted = await staff.say(`通过 ${number}`);
    expect(accepted.text).toContain(`📬 新的申报待审核：${number}`);
    expect(accepted.text).toContain(`已受理 ${number}`);
    const final = await ann.say("我的申报");
    expect(final.replies[0]).toEqual({ kind: "text", text: `📬 您的申报 ${number} 已通过主管部门审核（受理）。` });
    expect(final.text).toContain(`${number} 浙江省 — 已受理`);

    const app = await h.store.applications.findByNumber(number);
    expect(app).toMatchObject({ status: "accepted", decidedBy: "console:reviewer" });
    const actions = (await auditOf(number)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["application.create", "application.submit", "application.return", "application.update", "application.resubmit", "application.accept"]),
    );
    expect(actions.indexOf("application.return")).toBeLessThan(actions.indexOf("application.resubmit"));
  });

  it("「退回」 by button asks for the comment and takes the next message as it", async () => {
    const staff = h.user("reviewer2");
    const { user, number } = await applicantWithDraft("button");
    await user.say("提交申报");
    const opened = await staff.press(`${ACTION.open}${number}`);
    const ask = await staff.pressLabel("退回并附意见", opened);
    expect(ask.text).toContain(`请输入退回 ${number} 的意见`);
    const done = await staff.say("请补充核心区面积的产权证明");
    expect(done.text).toContain(`已退回 ${number}`);
    expect((await h.store.applications.findByNumber(number))?.staffComment).toBe("请补充核心区面积的产权证明");
  });

  it("a staff member who pressed 「退回」 and then types a command gets the command, not a return with it as comment", async () => {
    const staff = h.user("reviewer2");
    const { user, number } = await applicantWithDraft("dropped");
    await user.say("提交申报");
    await staff.press(`${ACTION.return}${number}`);
    const queue = await staff.say("待审");
    expect(queue.text).toContain("待审核申报");
    expect((await h.store.applications.findByNumber(number))?.status).toBe("submitted");
    const later = await staff.say("请补充材料");
    expect(later.text).not.toContain("已退回");
  });

  it("a returned Zhejiang application corrected to Zibo becomes a new ZB application; the ZJ one stays", async () => {
    const staff = h.user("reviewer");
    const { user, number } = await applicantWithDraft("moved");
    await user.say("提交申报");
    await staff.say(`退回 ${number} 请确认申报地区`);
    await user.say("修改申报");
    const picked = await user.say("修改 地区");
    await user.pressLabel("淄博市（市级示范区）", picked);
    const summary = (await user.sayAll(["是", "3家", "全部", "有", "有", "有"])).at(-1)!;
    expect(summary.text).toContain("请核对以下信息");
    const result = await user.say("确认");
    expect(result.text).toMatch(new RegExp(`申报地区已改为淄博市，已新建申报 ZB-2026-\\d{4}；原申报 ${number} 保持不变`, "u"));
    const old = await h.store.applications.findByNumber(number);
    expect(old).toMatchObject({ jurisdiction: "zhejiang", status: "returned" });
    expect((old!.profile as { jurisdiction: string }).jurisdiction).toBe("zhejiang");
  });

  it("an accepted application can no longer be changed or resubmitted", async () => {
    const staff = h.user("reviewer");
    const { user, number } = await applicantWithDraft("accepted");
    await user.say("提交申报");
    await staff.say(`通过 ${number}`);
    expect((await user.say("修改申报")).text).toContain("不能修改");
    expect((await user.say("提交申报")).text).toContain("无需再次提交");
  });
});

describe("roles", () => {
  it("an applicant cannot list the queue, open another's application, accept or return; each denial is audited", async () => {
    const { user: owner, number } = await applicantWithDraft("owner");
    await owner.say("提交申报");
    const intruder = h.user(`intruder-${++n}`);

    expect((await intruder.say("待审")).text).toContain("仅限主管部门工作人员");
    expect((await intruder.say(`查看 ${number}`)).text).toBe(`没有找到您可查看的申报 ${number}。`);
    expect((await intruder.say(`通过 ${number}`)).text).toContain("仅限主管部门工作人员");
    expect((await intruder.say(`退回 ${number} 不行`)).text).toContain("仅限主管部门工作人员");
    expect((await intruder.press(`${ACTION.accept}${number}`)).text).toContain("仅限主管部门工作人员");
    // Not even the owner may decide their own application.
    expect((await owner.say(`通过 ${number}`)).text).toContain("仅限主管部门工作人员");

    const app = await h.store.applications.findByNumber(number);
    expect(app?.status).toBe("submitted");
    const denials = (await h.store.audit.recent(50)).filter((e) => e.action.startsWith("denied."));
    const byIntruder = denials.filter((e) => e.actor === `console:${intruder.id}`).map((e) => e.action);
    expect(byIntruder.sort()).toEqual(["denied.accept", "denied.accept", "denied.open", "denied.queue", "denied.return"]);
    expect(denials.some((e) => e.actor === `console:${owner.id}` && e.action === "denied.accept")).toBe(true);
  });

  it("the owner may open their own application, without the review buttons", async () => {
    const { user, number } = await applicantWithDraft("own");
    const own = await user.say(`查看 ${number}`);
    expect(own.text).toContain(`【预审摘要】${number}`);
    expect(own.documents).toHaveLength(3);
    expect(own.documents[0]!.fileName).toBe(`${number}-申报书.docx`);
    expect(own.choices).toBeUndefined();
  });

  it("staff see the staff commands in 「帮助」, applicants do not", async () => {
    expect((await h.user("reviewer").say("帮助")).text).toContain("「待审」查看待审核的申报");
    expect((await h.user(`plain-${++n}`).say("帮助")).text).not.toContain("待审");
  });
});

describe("two staff deciding the same application at once", () => {
  it("exactly one decision wins; the other is told who decided", async () => {
    const { user, number } = await applicantWithDraft("race");
    await user.say("提交申报");
    const [a, b] = await Promise.all([h.user("reviewer").say(`通过 ${number}`), h.user("reviewer2").say(`退回 ${number} 资料不全`)]);
    const won = [a, b].filter((t) => /已(受理|退回) ZJ-/u.test(t.text));
    const lost = [a, b].filter((t) => /(刚刚已由其他工作人员处理|无法再次审核)/u.test(t.text));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.text).toMatch(/console:reviewer2?/u);

    const app = await h.store.applications.findByNumber(number);
    expect(app?.status).toBe(won[0] === a ? "accepted" : "returned");
    const decisions = (await auditOf(number)).filter((e) => e.action === "application.accept" || e.action === "application.return");
    expect(decisions).toHaveLength(1);
    const notices = (await user.say("我的申报")).replies.filter((r) => r.kind === "text" && r.text.startsWith("📬"));
    expect(notices).toHaveLength(1);
  });
});

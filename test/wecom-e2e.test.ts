/**
 * End to end through WeCom with the real core: `createRuntime` (SQLite in a
 * temp DATA_DIR, offline answerer) and `startChannels`, the wiring of
 * `npm start`, with a fake WeCom that signs and encrypts its callbacks
 * (@wecom/crypto) and receives our messages and media uploads.
 *
 * One story, in order: a new applicant walks a whole Zhejiang intake by
 * numbered replies and typing (asking a policy question half way, leaving
 * one fact unknown), gets the rules' verdict, receives the three drafts as
 * files and submits; a staff member is notified and accepts it by number;
 * the applicant is told.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCheckReport } from "../src/reports/index.ts";
import { checkJurisdiction } from "../src/rules/index.ts";
import type { CheckResult } from "../src/rules/rule-result.types.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";
import { docxPart } from "./drafting-fixtures.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { wecomTestConfig } from "./support/channel-test-config.ts";
import { makeTempDataDir, readUntil, startE2eApp, type E2eApp } from "./support/e2e-runtime.ts";
import { createWecomFake, type WecomFake, type WecomFakeUser, type WecomSentMessage } from "./support/wecom-fake.ts";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * What the applicant tells the bot, as the zone profile the rules read. The
 * management system is left unknown (「不清楚，跳过」), and an economic
 * development zone is outside the area types 第五条 names.
 */
const FACTS = {
  jurisdiction: "zhejiang",
  applicant: {
    name: "宁波甬江科创园运营管理有限公司",
    creditCode: "91330206MA2AB3CD47",
    contactName: "李明远",
    contactPhone: "13967812345",
    address: "浙江省宁波市北仑区甬江路88号",
  },
  carrier: { type: "university-science-park", ownership: "state-owned" },
  zone: {
    name: "甬江知识产权服务业集聚区",
    areaType: "development-zone",
    industryAdvantage: true,
    serviceInstitutions: 23,
    coreAreaSqm: 1200,
    services: ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"],
  },
} as const;

const POLICY_QUESTION = "依托单位需要满足什么条件？";

describe("WeCom end to end with the real core", () => {
  let wecom: WecomFake;
  let app: E2eApp;
  let applicant: WecomFakeUser;
  let staff: WecomFakeUser;
  const log = captureLogger("warn");
  let number = "";

  beforeAll(async () => {
    wecom = await createWecomFake();
    const dataDir = await makeTempDataDir("wecom-e2e");
    app = await startE2eApp(wecomTestConfig({ ...wecom.corp, apiBase: wecom.apiBase, staff: ["wecom:wangju"], dataDir, sendsPerMemberPerMinute: 1_000 }), log.logger);
    const callbackUrl = app.channels[0]!.address!;
    applicant = wecom.user(callbackUrl, "liminyuan");
    staff = wecom.user(callbackUrl, "wangju");
  });

  afterAll(async () => {
    await app?.stop();
    await wecom?.stop();
  });

  const until = async (text: string, user = applicant) =>
    (await readUntil(() => user.nextReply(10_000), (m) => m.text?.includes(text) ?? false, `「${text}」`)).found;
  /** Sends `text` and returns the message that contains `next`. */
  const reply = async (text: string, next: string, user = applicant) => {
    expect((await user.send(text)).status).toBe(200);
    return until(next, user);
  };
  const texts = (messages: WecomSentMessage[]) => messages.filter((m) => m.msgtype === "text").map((m) => m.text!);

  it("a new applicant completes a Zhejiang intake by numbered replies and typing, asks a policy question on the way, and gets the rules' verdict", async () => {
    await reply("我想申报浙江省示范区", "第 1/14 步");
    const typed = [FACTS.applicant.name, FACTS.applicant.creditCode, FACTS.applicant.contactName, FACTS.applicant.contactPhone, FACTS.applicant.address];
    for (const [i, answer] of typed.entries()) await reply(answer, `第 ${i + 2}/14 步`);

    const area = await reply(FACTS.zone.name, "第 7/14 步");
    // Numbered once: the adapter numbers the lines, the intake's own numbers are not repeated.
    expect(area.text).toContain("回复数字选择：\n1. 高新园区\n2. 科技城\n3. 高新技术特色小镇");
    expect(area.text).toContain("6. 经济（技术）开发区\n7. 其他\n8. 不清楚，跳过");
    await reply("6", "第 8/14 步");
    await reply("5", "第 9/14 步"); // 大学科技园
    await reply("1", "第 10/14 步"); // 国有
    await reply("1", "第 11/14 步"); // 是

    const answer = await reply(POLICY_QUESTION, "创新创业载体");
    // One turn, one message (WeCom counts messages per member): the answer, then the question it interrupted.
    expect(answer.text).toMatch(/《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条[\s\S]*（接着刚才的问题）[\s\S]*第 11\/14 步/);
    await reply("23家", "第 12/14 步");

    const services = await reply("1200平方米", "第 13/14 步");
    expect(services.text).toContain("选好后回复 0 完成");
    // Nine numbers in one message are nine toggles in the core; only the final list comes back.
    const toggled = await reply("1 2 3 4 5 6 7 8 9", "0. 完成（已选 9 项）");
    expect(toggled.text).toContain("1. ✓ 专利");
    expect(toggled.text).toContain("9. ✓ 培训");
    expect(toggled.text).not.toContain("✓ 不清楚");
    const management = await reply("0", "第 14/14 步");
    expect(management.text).toContain("3. 不清楚，跳过");
    const summary = await reply("3", "请核对以下信息");
    expect(summary.text).toContain("14. 知识产权管理制度：");

    const head = await reply("1", "【浙江省示范区资格自检】");
    const rest = await readUntil(() => applicant.nextReply(10_000), (m) => m.text?.includes("申报编号：") ?? false, "the application number");
    number = /申报编号：(ZJ-\d{4}-\d{4})/.exec(rest.found.text!)![1]!;
    expect(rest.found.text).toContain("回复数字选择：\n1. 生成申报材料（Word）\n2. 修改信息\n3. 提交给主管部门");

    // The facts replied are what was stored, and the chat's verdict is the rules' verdict on them.
    const stored = (await app.runtime.store.applications.findByNumber(number))!;
    const profile = zoneProfileSchema.parse(stored.profile);
    expect(profile).toMatchObject(FACTS);
    expect(profile.zone?.ipManagementSystem).toBeUndefined();
    const expected = checkJurisdiction("zhejiang", zoneProfileSchema.parse({ ...FACTS, asOf: profile.asOf }));
    expect(expected.verdict).toBe("needs-review");
    expect(expected.warnings.map((w) => w.code)).toEqual(["area-not-preferred"]);
    const storedCheck = stored.checkResult as unknown as CheckResult;
    expect(storedCheck.verdict).toBe(expected.verdict);
    expect(storedCheck.conditions).toEqual(expected.conditions);
    expect(expected.conditions.map((c) => [c.id, c.status])).toEqual([
      ["zj2018:6.1", "met"],
      ["zj2018:6.2", "met"],
      ["zj2018:6.3", "met"],
      ["zj2018:6.4", "unknown"],
    ]);

    // The report is longer than one WeCom text (2,048 bytes): it arrives in parts, nothing lost.
    const parts = [head.text!, ...texts(rest.before), rest.found.text!];
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(2_048);
    const squash = (s: string) => s.replace(/\s+/g, "");
    expect(squash(parts.join(""))).toContain(squash(renderCheckReport(expected)));
    expect(head.text).toContain("结论：需补充信息后再判断");
  });

  it("生成申报材料 uploads three real .docx files naming the applicant; 提交申报 submits", async () => {
    const uploadsBefore = wecom.calls("/cgi-bin/media/upload").length;
    expect((await applicant.send("生成申报材料")).status).toBe(200);
    const drafts = await readUntil(() => applicant.nextReply(15_000), (m) => m.text?.includes(`以上是 ${number} 的申报材料草稿`) ?? false, "the drafts' closing message");
    const files = drafts.before.filter((m) => m.msgtype === "file").map((m) => m.file!);
    expect(files.map((f) => f.fileName).sort()).toEqual([`${number}-材料清单与预审报告.docx`, `${number}-建设工作方案.docx`, `${number}-申报书.docx`].sort());
    expect(wecom.calls("/cgi-bin/media/upload").length - uploadsBefore).toBe(3);
    for (const file of files) {
      expect(file.mimeType).toBe(DOCX_MIME);
      expect(file.data.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
      expect(await docxPart(file.data)).toContain(FACTS.applicant.name);
    }

    const submitted = await reply("提交申报", `已提交：${number}`);
    expect(submitted.text).toContain("自检结果为「需进一步确认」");
    expect((await app.runtime.store.applications.findByNumber(number))!.status).toBe("submitted");
  });

  it("staff hear of the submission and accept it with a numbered reply; the applicant is told at once", async () => {
    const notice = await until(`新的申报待审核：${number}`, staff);
    expect(notice.text).toContain(FACTS.applicant.name);

    expect((await staff.send(`查看 ${number}`)).status).toBe(200);
    const review = await readUntil(() => staff.nextReply(15_000), (m) => m.text?.includes(`审核 ${number}`) ?? false, "the review choices");
    expect(review.before.filter((m) => m.msgtype === "file")).toHaveLength(3);
    expect(review.found.text).toContain("回复数字选择：\n1. 通过（受理）\n2. 退回并附意见");
    await reply("1", `已受理 ${number}`, staff);

    const decision = await until(`您的申报 ${number} 已通过主管部门审核（受理）`);
    expect(decision.text).toMatch(/^📬 /);
    expect(await app.runtime.store.applications.findByNumber(number)).toMatchObject({ status: "accepted", decidedBy: "wecom:wangju" });
    expect(log.records.map((r) => r.msg)).toEqual([]);
  });
});

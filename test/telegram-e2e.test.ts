/**
 * End to end through Telegram with the real core: `createRuntime` (SQLite in
 * a temp DATA_DIR, offline answerer) and `startChannels`, the wiring of
 * `npm start`, with grammY long-polling the telegram-test-api emulator.
 *
 * One story, in order: a new applicant walks a whole Zhejiang intake with
 * buttons and typed answers (asking a policy question half way), gets the
 * rules' verdict, receives the three drafts as .docx and submits; a staff
 * member is notified, returns the application with a comment, and the
 * applicant is told. Finally the console, given the same answers, prints the
 * same check report.
 */
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../bot/console/console-channel.ts";
import { renderCheckReport } from "../src/reports/index.ts";
import { checkJurisdiction } from "../src/rules/index.ts";
import type { CheckResult } from "../src/rules/rule-result.types.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";
import { docxPart } from "./drafting-fixtures.ts";
import { captureLogger } from "./support/capture-logger.ts";
import { telegramTestConfig } from "./support/channel-test-config.ts";
import { makeTempDataDir, readUntil, startE2eApp, type E2eApp } from "./support/e2e-runtime.ts";
import {
  startTelegramEmulator,
  waitFor,
  type EmulatedBotMessage,
  type EmulatedTelegramUser,
  type TelegramEmulator,
} from "./support/telegram-emulator.ts";

const APPLICANT_ID = 3101;
const STAFF_ID = 9101;
const SERVICES = ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"] as const;
const SERVICE_LABELS = ["专利", "商标", "版权", "代理", "法律", "信息", "商用化", "咨询", "培训"];

/** What the applicant tells the bot, as the zone profile the rules read. 19 institutions: one short of 第六条（三）. */
const FACTS = {
  jurisdiction: "zhejiang",
  applicant: {
    name: "杭州云栖科创服务有限公司",
    creditCode: "91330106MA2H7K3X59",
    contactName: "陈静怡",
    contactPhone: "13857123456",
    address: "浙江省杭州市西湖区云栖小镇创业路18号",
  },
  carrier: { type: "incubator", ownership: "private" },
  zone: {
    name: "云栖知识产权服务业集聚区",
    areaType: "characteristic-town",
    industryAdvantage: true,
    serviceInstitutions: 19,
    coreAreaSqm: 1680,
    services: [...SERVICES],
    ipManagementSystem: true,
  },
} as const;

const POLICY_QUESTION = "申报浙江省示范区，核心区面积至少要多少平方米？";
const RETURN_COMMENT = "知识产权服务机构不足20家，请补充入驻协议后再报";

describe("Telegram end to end with the real core", () => {
  let tg: TelegramEmulator;
  let app: E2eApp;
  let applicant: EmulatedTelegramUser;
  let staff: EmulatedTelegramUser;
  let dataDir = "";
  const log = captureLogger("warn");
  // Carried from one step of the story to the next.
  let number = "";
  let chatReport = "";
  let policyAnswer = "";

  beforeAll(async () => {
    tg = await startTelegramEmulator();
    dataDir = await makeTempDataDir("telegram-e2e");
    app = await startE2eApp(telegramTestConfig({ apiRoot: tg.apiRoot, token: tg.token, staff: [`telegram:${STAFF_ID}`], dataDir }), log.logger);
    applicant = tg.user({ id: APPLICANT_ID, firstName: "陈" });
    staff = tg.user({ id: STAFF_ID, firstName: "王局" });
  });

  afterAll(async () => {
    await app?.stop();
    await tg?.stop();
  });

  /** Reads the applicant's messages until one contains `text`. */
  const until = async (text: string, user = applicant) =>
    (await readUntil(() => user.nextReply(10_000), (m) => m.text?.includes(text) ?? false, `「${text}」`)).found;
  const buttonTexts = (m: EmulatedBotMessage) => m.buttons.flat().map((b) => b.text);

  it("a new applicant completes a Zhejiang intake by buttons and typing, asks a policy question on the way, and gets the rules' verdict", async () => {
    await applicant.send("/apply");
    const where = await until("您要申报哪里的示范区");
    await applicant.press(where, /浙江省/);

    await until("第 1/14 步");
    const typed = [FACTS.applicant.name, FACTS.applicant.creditCode, FACTS.applicant.contactName, FACTS.applicant.contactPhone, FACTS.applicant.address];
    for (const [i, answer] of typed.entries()) {
      await applicant.send(answer);
      await until(`第 ${i + 2}/14 步`);
    }
    await applicant.send(FACTS.zone.name);

    const area = await until("第 7/14 步");
    await applicant.press(area, /高新技术特色小镇$/);
    // The answered question loses its keyboard and says what was picked.
    await waitFor(() => applicant.message(area.messageId)?.text?.includes("✓ 已选择：") && applicant.message(area.messageId)!.buttons.length === 0, 5_000, "keyboard closed");
    await applicant.press(await until("第 8/14 步"), /科技企业孵化器$/);
    await applicant.press(await until("第 9/14 步"), /民营$/);
    await applicant.press(await until("第 10/14 步"), "是");

    await until("第 11/14 步 · 知识产权服务机构数量");
    await applicant.send(POLICY_QUESTION);
    const answer = await until("第六条");
    policyAnswer = answer.text!;
    expect(policyAnswer).not.toContain("第 11/14 步"); // the answer, not the question that cites the same clause
    expect(policyAnswer).toMatch(/《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条（三）/);
    expect(policyAnswer).toContain("1000平方米");
    // …then the pending question again, unchanged.
    expect((await until("第 11/14 步")).text).toContain("（接着刚才的问题）");
    await applicant.send("19家");
    await applicant.send("1680平方米");

    // Multi-select: each press toggles ✓ on the same message; 完成 closes it.
    const services = await until("第 13/14 步");
    expect(buttonTexts(services)).toContain("完成");
    for (const label of SERVICE_LABELS) {
      const current = applicant.message(services.messageId)!;
      await applicant.press(current, new RegExp(`^\\d+\\. ${label}$`));
      await waitFor(() => buttonTexts(applicant.message(services.messageId)!).some((t) => t.startsWith("✓ ") && t.endsWith(`. ${label}`)), 5_000, `✓ ${label}`);
    }
    await applicant.press(applicant.message(services.messageId)!, "完成（已选 9 项）");
    await applicant.press(await until("第 14/14 步"), "是");

    const summary = await until("请核对以下信息");
    expect(summary.text).toContain("11. 知识产权服务机构数量：19 家");
    await applicant.press(summary, /确认无误/);

    const report = await until("【浙江省示范区资格自检】");
    const actions = await until("申报编号：");
    number = /申报编号：(ZJ-\d{4}-\d{4})/.exec(actions.text!)![1]!;

    // The facts typed and pressed are what was stored, and the chat's verdict is the rules' verdict on them.
    const stored = (await app.runtime.store.applications.findByNumber(number))!;
    const profile = zoneProfileSchema.parse(stored.profile);
    expect(profile).toMatchObject(FACTS);
    const expected = checkJurisdiction("zhejiang", zoneProfileSchema.parse({ ...FACTS, asOf: profile.asOf }));
    expect(expected.verdict).toBe("not-eligible");
    const storedCheck = stored.checkResult as unknown as CheckResult;
    expect(storedCheck.verdict).toBe(expected.verdict);
    expect(storedCheck.conditions).toEqual(expected.conditions);
    expect(expected.conditions.map((c) => [c.id, c.status])).toEqual([
      ["zj2018:6.1", "met"],
      ["zj2018:6.2", "met"],
      ["zj2018:6.3", "not-met"],
      ["zj2018:6.4", "met"],
    ]);
    expect(report.text).toBe(renderCheckReport(expected));
    expect(report.text).toContain("结论：不符合申报条件");
    chatReport = report.text!;
  });

  it("生成申报材料 brings three real .docx files naming the applicant; then the application is submitted", async () => {
    const actions = applicant.messages().filter((m) => m.text?.includes("申报编号：")).at(-1)!;
    await applicant.press(actions, /^生成申报材料/);
    const next = await readUntil(() => applicant.nextReply(15_000), (m) => m.text?.includes(`以上是 ${number} 的申报材料草稿`) ?? false, "the drafts' closing message");
    const documents = next.before.filter((m) => m.document).map((m) => m.document!);
    expect(documents.map((d) => d.fileName).sort()).toEqual([`${number}-材料清单与预审报告.docx`, `${number}-建设工作方案.docx`, `${number}-申报书.docx`].sort());
    for (const doc of documents) {
      // A .docx is a zip whose main part is word/document.xml (Telegram reads the type from the name).
      expect(doc.data.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
      expect(await docxPart(doc.data)).toContain(FACTS.applicant.name);
    }

    await applicant.press(next.found, "提交给主管部门");
    const submitted = await until(`已提交：${number}`);
    expect(submitted.text).toContain("自检结果为「不符合」");
    expect((await app.runtime.store.applications.findByNumber(number))!.status).toBe("submitted");
  });

  it("staff hear of the submission, return it with a comment, and the applicant is told at once", async () => {
    const notice = await until(`新的申报待审核：${number}`, staff);
    expect(notice.text).toContain(FACTS.applicant.name);

    await staff.send(`查看 ${number}`);
    const summary = await until("【预审摘要】", staff);
    expect(summary.text).toContain("结论：不符合申报条件");
    const review = await readUntil(() => staff.nextReply(15_000), (m) => m.text?.includes(`审核 ${number}`) ?? false, "the review buttons");
    expect(review.before.filter((m) => m.document)).toHaveLength(3);
    expect(buttonTexts(review.found)).toEqual(["通过（受理）", "退回并附意见"]);

    await staff.press(review.found, "退回并附意见");
    await until("请输入退回", staff);
    await staff.send(RETURN_COMMENT);
    await until(`已退回 ${number}`, staff);

    // Pushed through the channel startChannels registered, without the applicant writing first.
    const decision = await until(`您的申报 ${number} 被退回`);
    expect(decision.text).toContain(RETURN_COMMENT);
    const stored = (await app.runtime.store.applications.findByNumber(number))!;
    expect(stored).toMatchObject({ status: "returned", staffComment: RETURN_COMMENT, decidedBy: `telegram:${STAFF_ID}` });

    // Delivered once: the applicant's next turn shows the status, not the notice again.
    await applicant.send("我的申报");
    const status = await until("您的申报：");
    expect(status.text).toContain("已退回，待修改");
    expect(status.text).toContain(`退回意见：${RETURN_COMMENT}`);
    expect(applicant.messages().filter((m) => m.text?.includes(`您的申报 ${number} 被退回`))).toHaveLength(1);
  });

  it("the console, given the same answers, answers the policy question and checks the zone word for word the same", async () => {
    expect(chatReport).toContain("【浙江省示范区资格自检】");
    expect(policyAnswer).toContain("第六条");
    const lines = [
      "我想申报浙江省示范区",
      ...Object.values(FACTS.applicant),
      FACTS.zone.name,
      "3", // 高新技术特色小镇
      "2", // 科技企业孵化器
      "2", // 民营
      "是",
      POLICY_QUESTION,
      "19家",
      "1680平方米",
      "1,2,3,4,5,6,7,8,9",
      "是",
      "确认",
    ];
    const output = new PassThrough();
    let transcript = "";
    output.on("data", (chunk: Buffer) => (transcript += chunk.toString("utf8")));
    await runConsoleChat({
      assistant: app.runtime.assistant,
      input: Readable.from([`${lines.join("\n")}\n`]),
      output,
      userId: "console-twin",
      outboxDir: join(dataDir, "outbox"),
      interactive: false,
    });
    expect(transcript).toContain(chatReport);
    expect(transcript).toContain(policyAnswer);
    // Nothing along the way went wrong quietly (a failed turn or push is logged at warn/error).
    expect(log.records.map((r) => r.msg)).toEqual([]);
  });
});

/**
 * Issue 12 over HTTP (the browser suite does the same in Chromium): signing
 * in both ways, the refusals (signed out, expired or reused link, forged
 * CSRF token, a session that is no longer staff, a read-only account), the
 * decisions with their rules (a return needs a comment, accepting 不符合
 * needs a reason, two reviewers: one wins and the other sees who), the
 * applicant told through the chat outbox, exports — and the chat side of
 * issue 10: accepting 不符合 asks for a reason, 查看 shows what changed.
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HARNESS_NOW } from "./support/assistant-harness.ts";
import { DeskClient, linkIn, startDesk, type DeskHarness } from "./support/desk-harness.ts";

let d: DeskHarness;
let clock = HARNESS_NOW.getTime();
beforeAll(async () => {
  d = await startDesk({ staff: ["reviewer", "reviewer2", "former"], now: () => new Date(clock) });
  await d.addAccount("zhangsan", "correct-horse-battery", "reviewer", "张三");
  await d.addAccount("viewer", "read-only-password", "viewer", "李四");
});
afterAll(async () => {
  await d?.close();
});

const client = () => new DeskClient(() => d.url);

describe("signing in", () => {
  it("a signed-out visitor is sent to the sign-in page, and POSTs are refused", async () => {
    const c = client();
    const queue = await c.get("/queue");
    expect(queue.status).toBe(302);
    expect(queue.location).toBe("/login?next=%2Fqueue");
    expect((await c.get("/export.csv")).status).toBe(302);
    const login = await c.get("/login");
    expect(login.html).toContain("登录审核台");
    const decision = await c.post("/applications/ZJ-2026-0001/decision", { decision: "accepted" });
    expect(decision.status).toBe(401);
  });

  it("with an account: a wrong password is refused, the right one signs in; headers and cookie are strict", async () => {
    const c = client();
    const wrong = await c.signIn("zhangsan", "wrong-password-x");
    expect(wrong.status).toBe(401);
    expect(wrong.html).toContain("账号或密码不正确");
    const ok = await c.signIn("zhangsan", "correct-horse-battery");
    expect(ok.status).toBe(303);
    const queue = await c.get("/queue");
    expect(queue.status).toBe(200);
    expect(queue.html).toContain("张三 · 审核人员");
    expect(queue.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(queue.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const res = await fetch(new URL("/login", d.url));
    const cookie = res.headers.getSetCookie().join("\n");
    expect(cookie).toMatch(/HttpOnly/iu);
    expect(cookie).toMatch(/SameSite=Strict/iu);
  });

  it("with a link from chat: works once, within ten minutes; non-staff get no link", async () => {
    const staff = d.user("reviewer");
    const link = linkIn((await staff.say("登录审核台")).text);
    const c = client();
    expect((await c.useLink(link)).location).toBe("/queue");
    expect((await c.get("/queue")).status).toBe(200);

    const again = await client().useLink(link);
    expect(again.status).toBe(401);
    expect(again.html).toContain("已经使用过");

    const late = linkIn((await staff.say("登录审核台")).text);
    clock += 11 * 60_000;
    const expired = await client().useLink(late);
    expect(expired.status).toBe(401);
    expect(expired.html).toContain("已过期");

    const outsider = await d.user("someone").say("登录审核台");
    expect(outsider.text).toContain("仅限主管部门工作人员");
    expect(outsider.text).not.toContain("http");
  });

  it("a forged or missing CSRF token is refused", async () => {
    const c = client();
    await c.signIn("zhangsan", "correct-horse-battery");
    const forged = await c.post("/logout", { _csrf: "forged-token" });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain("安全校验未通过");
    const none = await c.request("/logout", { form: {} });
    expect(none.status).toBe(403);
    expect((await c.get("/queue")).status).toBe(200);
  });

  it("a session whose identity is no longer staff is refused, and a disabled account too", async () => {
    const c = client();
    await c.useLink(linkIn((await d.user("former").say("登录审核台")).text));
    expect((await c.get("/queue")).status).toBe(200);
    await d.restartDesk(["reviewer", "reviewer2"]);
    const refused = await c.get("/queue");
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("没有审核台权限");
    await d.restartDesk(["reviewer", "reviewer2", "former"]);

    const acc = client();
    await acc.signIn("viewer", "read-only-password");
    expect((await acc.get("/overview")).status).toBe(200);
    await d.store.staffAccounts.setDisabled("viewer", true);
    expect((await acc.get("/overview")).status).toBe(403);
    await d.store.staffAccounts.setDisabled("viewer", false);
  });
});

describe("sign-in rate limit", () => {
  it("too many attempts from one address are refused for a minute", async () => {
    await d.restartDesk(["reviewer", "reviewer2", "former"], 3);
    const c = client();
    for (let i = 0; i < 3; i++) expect((await c.signIn("zhangsan", "wrong-password-x")).status).toBe(401);
    const limited = await c.signIn("zhangsan", "correct-horse-battery");
    expect(limited.status).toBe(429);
    expect(limited.html).toContain("登录尝试过于频繁");
    await d.restartDesk(["reviewer", "reviewer2", "former"]);
  });
});

describe("deciding", () => {
  it("return with a comment, resubmission shows its changes, accept; the applicant is told each time", async () => {
    const number = await d.submitted("ann", "19家");
    const c = client();
    await c.signIn("zhangsan", "correct-horse-battery");
    const queue = await c.get("/queue?q=杭州测试");
    expect(queue.html).toContain(number);
    const page = await c.get(`/applications/${number}`);
    expect(page.html).toContain("结论：不符合申报条件");
    expect(page.html.indexOf("预审结果")).toBeLessThan(page.html.indexOf("申报材料"));
    expect(page.html).toContain("现有知识产权服务机构 19 家，少于 20 家");

    const docx = await fetch(new URL(`/applications/${number}/documents/application-form.docx`, d.url), { headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(text).toContain("杭州测试科技园发展有限公司");

    const noComment = await c.post(`/applications/${number}/decision`, { decision: "returned", comment: " " });
    expect(noComment.status).toBe(400);
    expect(noComment.html).toContain("退回必须填写意见");
    const returned = await c.post(`/applications/${number}/decision`, { decision: "returned", comment: "机构数量不足20家，请核实" });
    expect(returned.status).toBe(303);

    const applicant = d.user(`ann-${1}`);
    const told = await applicant.say("我的申报");
    expect(told.text).toContain(`📬 您的申报 ${number} 被退回，意见：「机构数量不足20家，请核实」`);
    await applicant.say("修改申报");
    await applicant.say("修改 机构数量");
    await applicant.say("22家");
    await applicant.say("确认");
    await applicant.say("提交申报");

    const after = await c.get(`/applications/${number}`);
    expect(after.html).toContain("退回后的修改");
    expect(after.html).toMatch(/知识产权服务机构数量<\/td><td class="before">19 家<\/td><td class="after">22 家/u);
    expect(after.html).toContain("不符合申报条件 → 符合申报条件");

    // The chat's 查看 says the same (one function for both).
    const chat = await d.user("reviewer").say(`查看 ${number}`);
    expect(chat.text).toContain("【退回后的修改】");
    expect(chat.text).toContain("· 知识产权服务机构数量：19 家 → 22 家");

    const accepted = await c.post(`/applications/${number}/decision`, { decision: "accepted" });
    expect(accepted.location).toBe(`/applications/${number}?notice=accepted`);
    const done = await c.get(accepted.location!);
    expect(done.html).toContain("已受理，并已通知申报单位");
    expect(done.html).toMatch(/受理<\/strong> <span class="muted">张三（zhangsan）/u);
    expect((await applicant.say("我的申报")).text).toContain(`📬 您的申报 ${number} 已通过主管部门审核（受理）。`);
  });

  it("accepting a 不符合 application needs a reason, which the history keeps", async () => {
    const number = await d.submitted("bob", "19家");
    const c = client();
    await c.signIn("zhangsan", "correct-horse-battery");
    const asked = await c.post(`/applications/${number}/decision`, { decision: "accepted" });
    expect(asked.status).toBe(400);
    expect(asked.html).toContain("请填写受理理由");
    expect((await d.store.applications.findByNumber(number))?.status).toBe("submitted");
    await c.post(`/applications/${number}/decision`, { decision: "accepted", reason: "已现场核实第20家机构入驻" });
    const page = await c.get(`/applications/${number}`);
    expect(page.html).toContain("受理理由：已现场核实第20家机构入驻");
  });

  it("in chat, accepting 不符合 asks for the reason and records it", async () => {
    const number = await d.submitted("carl", "19家");
    const staff = d.user("reviewer2");
    const ask = await staff.say(`通过 ${number}`);
    expect(ask.text).toContain("自检结论为「不符合申报条件」");
    expect(ask.text).toContain("请输入受理理由");
    expect((await d.store.applications.findByNumber(number))?.status).toBe("submitted");
    const done = await staff.say("经复核，机构数量以最新名册为准");
    expect(done.text).toContain(`已受理 ${number}（受理理由已记录）`);
    const events = await d.store.audit.listBySubject(`application:${number}`);
    expect(events.find((e) => e.action === "application.accept")?.detail).toMatchObject({ detail: { reason: "经复核，机构数量以最新名册为准" } });
  });

  it("two reviewers at once: one wins, the other sees who decided", async () => {
    const number = await d.submitted("dan");
    const a = client();
    const b = client();
    await a.signIn("zhangsan", "correct-horse-battery");
    await b.useLink(linkIn((await d.user("reviewer2").say("登录审核台")).text));
    await a.get(`/applications/${number}`);
    await b.get(`/applications/${number}`);
    const [ra, rb] = await Promise.all([
      a.post(`/applications/${number}/decision`, { decision: "accepted", version: String((await d.store.applications.findByNumber(number))!.version) }),
      b.post(`/applications/${number}/decision`, { decision: "returned", comment: "请补充材料" }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([303, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.html).toMatch(/您的决定未生效：该申报已由 (张三（zhangsan）|console:reviewer2) 于 .+ 处理/u);
  });

  it("a read-only account cannot decide", async () => {
    const number = await d.submitted("eve");
    const c = client();
    await c.signIn("viewer", "read-only-password");
    await c.get(`/applications/${number}`);
    const refused = await c.post(`/applications/${number}/decision`, { decision: "accepted" });
    expect(refused.status).toBe(403);
    expect((await d.store.applications.findByNumber(number))?.status).toBe("submitted");
  });
});

describe("queue and exports", () => {
  it("filters by status and verdict with counts, and exports what is filtered as CSV and XLSX", async () => {
    const c = client();
    await c.signIn("zhangsan", "correct-horse-battery");
    const all = await c.get("/queue?status=all");
    expect(all.html).toMatch(/已受理 <span class="count">\d+<\/span>/u);
    const accepted = await c.get("/queue?status=accepted&verdict=not-eligible");
    expect(accepted.html).toContain("ZJ-2026-");
    const csv = await fetch(new URL("/export.csv?status=accepted", d.url), { headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    const body = await csv.text();
    expect(body.split("\n")[0]).toBe("申报编号,辖区,申报单位,状态,自检结论,提交日期,处理人,处理时间,退回意见");
    expect(body).toContain("已受理");
    expect(body).not.toContain("待审");
    const xlsx = await fetch(new URL("/export.xlsx?status=all", d.url), { headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("申报列表")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("申报编号");
    expect(sheet.rowCount).toBeGreaterThan(3);
  });
});

/**
 * Issue 12 in a real browser: Debian's Chromium driven by playwright-core.
 * Signs in both ways, works through a submitted application (read the
 * pre-check, download a .docx and open it, return with a comment, see the
 * applicant's resubmission with its changes, accept), checks the refusals,
 * and takes the screenshots the README shows (docs/screenshots/).
 * Outside CI the suite skips with a notice when Chromium is missing; in CI
 * that is a failure.
 */
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import mammoth from "mammoth";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AGENCY_LINES } from "./support/assistant-harness.ts";
import { linkIn, startDesk, type DeskHarness } from "./support/desk-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const SHOTS = join(import.meta.dirname, "..", "docs", "screenshots");
const available = existsSync(CHROMIUM);
if (!available) {
  if (process.env.CI) throw new Error(`Chromium is required in CI (${CHROMIUM}); .ci/run installs it with apt-get.`);
  console.warn(`[review-desk.browser] SKIPPED: ${CHROMIUM} not found. Install it with: apt-get install -y chromium`);
}

let d: DeskHarness;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "zh-CN", acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

async function signInWithPassword(page: Page, name: string, password: string): Promise<void> {
  await page.goto(`${d.url}/login`);
  await page.getByLabel("账号").fill(name);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL(/\/queue/u);
}

async function signInWithLink(page: Page, chatUser: string): Promise<void> {
  await page.goto(linkIn((await d.user(chatUser).say("登录审核台")).text));
  await page.getByRole("button", { name: "登录审核台" }).click();
  await page.waitForURL(/\/queue/u);
}

describe.skipIf(!available)("review desk in Chromium", () => {
  beforeAll(async () => {
    d = await startDesk({ staff: ["reviewer", "former"] });
    await d.addAccount("zhangsan", "correct-horse-battery", "reviewer", "张三");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    // Something to look at: a few applications, questions and one estimate.
    for (const n of ["22家", "25家", "19家"]) await d.submitted("seed", n);
    const asker = d.user("asker");
    for (const q of ["浙江省示范区要求多少家服务机构？", "淄博的专利授权资助是多少？", "申报需要哪些材料？", "今天天气怎么样？"]) await asker.say(q);
    const agency = d.user("agency");
    await agency.say("测算一下我们能拿多少资助");
    await agency.sayAll([...AGENCY_LINES, "确认"]);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await d?.close();
  });

  it("a signed-out visitor lands on the sign-in page", async () => {
    const page = await newPage();
    await page.goto(`${d.url}/overview`);
    await expect.poll(() => page.url()).toContain("/login?next=%2Foverview");
    await expect(page.getByRole("heading", { name: "登录审核台" }).isVisible()).resolves.toBe(true);
  });

  it("works through an application end to end, with screenshots", async () => {
    const number = await d.submitted("ann", "19家");
    const page = await newPage();
    await signInWithPassword(page, "zhangsan", "correct-horse-battery");
    await page.getByPlaceholder("申报编号或单位名称").fill(number);
    await page.waitForSelector(`#queue-results >> text=${number}`);
    await page.fill('input[name="q"]', "");
    await page.waitForFunction(() => document.querySelectorAll("#queue-results tbody tr").length > 1);
    const queueShot = join(SHOTS, "desk-queue.png");
    await page.screenshot({ path: queueShot, fullPage: true });

    await page.getByRole("link", { name: number }).click();
    await page.waitForURL(new RegExp(`/applications/${number}$`, "u"));
    const precheck = page.locator("#precheck");
    await expect(precheck.textContent()).resolves.toContain("结论：不符合申报条件");
    await expect(precheck.textContent()).resolves.toContain("第六条（三）");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载审核版（.docx）" }).first().click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${number}-.+\\.docx$`, "u"));
    const text = (await mammoth.extractRawText({ path: await download.path() })).value;
    expect(text).toContain("杭州测试科技园发展有限公司");

    await page.locator("#return-form textarea[name=comment]").fill("机构数量不足20家，请核实后补充");
    await page.locator("#return-form").getByRole("button", { name: "退回" }).click();
    await page.waitForSelector("text=已退回，意见已转告申报单位");

    const owner = await d.store.users.findById((await d.store.applications.findByNumber(number))!.userId);
    const ann = d.user(owner!.externalId);
    expect((await ann.say("我的申报")).text).toContain("机构数量不足20家，请核实后补充");
    await ann.sayAll(["修改申报", "修改 机构数量", "22家", "确认", "提交申报"]);

    await page.goto(`${d.url}/applications/${number}`);
    const changes = await page.locator("#changes").textContent();
    expect(changes).toContain("知识产权服务机构数量19 家22 家");
    expect(changes).toContain("不符合申报条件 → 符合申报条件");
    const appShot = join(SHOTS, "desk-application.png");
    await page.screenshot({ path: appShot, fullPage: false });

    await page.locator("#accept-form").getByRole("button", { name: "受理" }).click();
    await page.waitForSelector("text=已受理，并已通知申报单位");
    await expect(page.locator("#history").textContent()).resolves.toMatch(/受理\s*张三（zhangsan）/u);
    expect((await ann.say("我的申报")).text).toContain(`您的申报 ${number} 已通过主管部门审核（受理）`);

    await page.getByRole("link", { name: "统计概览" }).click();
    await page.waitForSelector("svg.chart");
    const overviewShot = join(SHOTS, "desk-overview.png");
    await page.screenshot({ path: overviewShot, fullPage: true });

    for (const shot of [queueShot, appShot, overviewShot]) {
      const png = await readFile(shot);
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect((await stat(shot)).size).toBeGreaterThan(20_000);
    }
    const readme = await readFile(join(import.meta.dirname, "..", "README.md"), "utf8");
    for (const name of ["desk-queue.png", "desk-application.png", "desk-overview.png"]) expect(readme).toContain(`docs/screenshots/${name}`);
  });

  it("signs in with a chat link once; a reused link is refused", async () => {
    const link = linkIn((await d.user("reviewer").say("登录审核台")).text);
    const page = await newPage({ width: 1024, height: 1366 });
    await page.goto(link);
    await page.getByRole("button", { name: "登录审核台" }).click();
    await page.waitForURL(/\/queue/u);
    await expect(page.locator("header .who").textContent()).resolves.toContain("console:reviewer");

    const other = await newPage();
    await other.goto(link);
    await other.getByRole("button", { name: "登录审核台" }).click();
    await expect(other.locator("main").textContent()).resolves.toContain("已经使用过");
  });

  it("a forged CSRF token and a session that is no longer staff are refused", async () => {
    const number = await d.submitted("bob");
    const page = await newPage();
    await signInWithPassword(page, "zhangsan", "correct-horse-battery");
    await page.goto(`${d.url}/applications/${number}`);
    await page.locator('#return-form input[name="_csrf"]').evaluate((el) => ((el as HTMLInputElement).value = "forged"));
    await page.locator("#return-form textarea[name=comment]").fill("伪造请求");
    await page.locator("#return-form").getByRole("button", { name: "退回" }).click();
    await expect(page.locator("main").textContent()).resolves.toContain("安全校验未通过");
    expect((await d.store.applications.findByNumber(number))!.status).toBe("submitted");

    const former = await newPage();
    await signInWithLink(former, "former");
    await d.restartDesk(["reviewer"]);
    await former.goto(`${d.url.replace(/\/$/u, "")}/queue`);
    await expect(former.locator("main").textContent()).resolves.toContain("没有审核台权限");
  });
});

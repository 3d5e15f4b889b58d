/**
 * Round 9m: the asker's date beside a text's own; a story set aside by a turn to the question; everyday
 * words jieba tags as personal names; V点 and V成; chat's Latin abbreviations; 一 as an article past a
 * place; 家 counting clients; the clause a worked-out answer rests on is quoted even when not retrieved.
 * Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { trialDateLines } from "../src/answer/date-in-trial.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { smallTalkSpans } from "../src/retrieval/message-clauses.ts";
import { everydayForm } from "../src/retrieval/word-forms.ts";
import { policyValidityOn } from "../src/rules/policy-dates.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const TODAY = "2026-12-04";

describe("the asker's date beside the text's own", () => {
  const { opening } = useOfflineAnswerer();

  it("is the one held against the trial, whichever comes first", async () => {
    const zibo = policyValidityOn("zb2020", TODAY);
    const [y, m, d] = zibo.effective.split("-").map(Number);
    const restated = `淄博方案${y}年${m}月${d}日开始试行，我们打算${y! + 1}年${m! + 2}月再去申报，到时候还在试用期内吗？`;
    expect(trialDateLines(restated, ["zibo"], TODAY)!.lines[0]).toMatch(new RegExp(`^不在试用期内：${y! + 1}年${m! + 2}月`));
    expect(await opening(restated)).toMatch(/^不在试用期内/);
    // the text's own date alone is still the one asked about
    expect(trialDateLines(`${y}年${m}月${d}日还在试用期内吗`, ["zibo"], TODAY)!.lines[0]).toMatch(/^在试用期内/);
  });
});

describe("a story set aside by a turn to the question", () => {
  const { opening } = useOfflineAnswerer();
  const asides = (q: string): string[] => smallTalkSpans(q).map(([a, b]) => q.slice(a, b));

  it("is dropped, programme named in it and all, once the rest asks something of its own", async () => {
    const story = "我们单位今年要申报淄博的示范区，我负责跑材料，跑了好几趟，";
    const q = `${story}长话短说，你就告诉我，申报书交给谁？`;
    expect(asides(q).join("")).toContain("我们单位今年要申报淄博的示范区");
    expect(await opening(`${story}废话不多说，我就想知道：这个申报是先交到区县还是直接交到市里？`)).toContain("区县");
  });

  it("is kept when the rest names nothing (「…长话短说，够不够？」)", () => {
    expect(asides("我们园区有15家服务机构，长话短说，够不够？").join("")).not.toContain("15家");
  });
});

describe("an everyday word jieba tags as a personal name", () => {
  const { answerer } = useOfflineAnswerer();

  it("is no noun the texts lack (明白, 卡住)", async () => {
    const r = await answerer().answer("这浙江的示范区办法是谁说了算啊？有啥条款看不明白该找谁解释？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations).toContain("zj2018:17");
  });
});

describe("everyday verb forms", () => {
  const tagOf = (w: string): string => (/^[领拿补做办]$/.test(w) ? "v" : "n");

  it("V点 is V a little, unless it is a word of its own", () => {
    expect(everydayForm("领点", "n", tagOf, () => 13.9)?.base).toBe("领");
    expect(everydayForm("拿点", "m", tagOf, () => 10.8)?.base).toBe("拿");
    // 要点 (8.2), 考点 are words general Chinese knows well
    expect(everydayForm("要点", "n", () => "v", () => 8.2)).toBeUndefined();
  });

  it("V成 is V with its result", () => {
    expect(everydayForm("做成", "v", tagOf)?.base).toBe("做");
  });
});

describe("chat's Latin abbreviations", () => {
  it("are no part of the ask, and no English word is touched", () => {
    expect(readSpokenForms("u1s1淄博示范区要几家机构")).toBe("淄博示范区要几家机构");
    expect(readSpokenForms("bdjw 浙江示范区多久考核一次 hhh")).toBe(" 浙江示范区多久考核一次 ");
    expect(readSpokenForms("淄博对PCT申请有支持吗")).toBe("淄博对PCT申请有支持吗");
  });
});

describe("the asker's counts", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("「是…里一家代理所」 is an article, not one institution", async () => {
    const r = await answerer().answer("我们是淄博示范区里一家代理所，今年有同事新考下专利代理师证，能领点奖励吗？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).not.toContain("1 家");
    expect(r.text.split("\n")[0]).toContain("1万元");
  });

  it("家 counting the clients is no count of institutions", async () => {
    expect(await opening("我们所今年在淄博示范区替两家企业各代理了2件涉外专利诉讼，全都胜诉，维权代理费补助最多一共能拿多少？")).not.toContain("服务点（机构）2 家");
  });

  it("the clause the verdict rests on is quoted, however the search ranked it", async () => {
    const r = await answerer().answer("淄博示范区里只有一家服务机构，够申报吗");
    expect(r.text.split("\n")[0]).toContain("还差 1 家");
    expect(r.text).toContain("已有知识产权服务点（机构）2家以上");
  });
});

describe("a reply word beside a function word", () => {
  const { opening } = useOfflineAnswerer();

  it("is not read as a typo (报给 ≠ 包给)", async () => {
    const reply = await opening("两地示范区申报，分别是先报给哪一级部门？");
    expect(reply).toContain("设区市知识产权局");
    expect(reply).toContain("区县知识产权管理部门");
  });
});

describe("pointers back", () => {
  it("「刚才说的」 only says the noun was mentioned", () => {
    expect(readSpokenForms("刚才说的服务机构数量，淄博是多少？")).toBe("服务机构数量，淄博是多少？");
  });
});

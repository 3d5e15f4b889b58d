/**
 * Round 9s: what blind25's failing lines showed, fixed by method — where the asker is (「园区在宁波」) is no topic,
 * nor how long they have been at it (「好多年了」) or who keeps asking them (「领导天天问」); 「点名」「写明」 ask
 * whether a text states something; a count without its noun (「做了3笔」) and a bare 「省里」 lean on the
 * conversation; a follow-up changes a figure (「再加3家」) as well as replacing it, in English too; 「超过120件」 is
 * at least 121; the asker's zone facts are checked against a text that measures only some of them; and the
 * development sets' everyday words (上交, 搞头, 沾上边, 激励 …) are read as the texts word them. Questions written
 * fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import type { PreviousTurn } from "../src/answer/answer.types.ts";
import { applyOwnNumbers } from "../src/answer/apply-own-numbers.ts";
import { applyEnglishOwnNumbers } from "../src/answer/english-own-numbers.ts";
import { asPreviousTurn } from "../src/answer/resolve-follow-up.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const TODAY = "2020-10-01";

describe("the asker's own story is not what is asked", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads a city of the province as where the asker is, and a city's own scheme as another text's", async () => {
    expect(await opening("我们孵化器落在宁波，评上省级示范区之后多久要考核一次？")).toMatch(/两年/);
    const own = await answerer().answer("宁波市对知识产权服务机构有什么房租补贴？");
    expect(own.refused).toBe(true);
  });

  it("weighs neither how long the asker has been at it nor who keeps asking them, and reads a choice as one ask", async () => {
    expect(await opening("唉，我们园区在绍兴干了好多年了，老板老是问评上省级示范区是不是一直有效，还是过一阵要重新考核？")).toMatch(/两年/);
  });

  it("reads 「点名」「写明」 as asking whether a text states something", async () => {
    expect(await opening("淄博的建设方案有没有点名植物新品种这类服务需求？")).toMatch(/植物新品种/);
  });

  it("answers where the materials go when asked as a choice", async () => {
    expect(await opening("淄博那边的申报材料，是直接递到市里，还是先给区县？")).toMatch(/区县/);
  });

  it("answers an ask with a topic of its own beside an earlier ask, reading it with the programme only", async () => {
    const r = await answerer().answer("浙江示范区建设要遵循哪几条原则？还有建设主体是谁？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/1\. .*原则/);
    expect(r.text).toMatch(/2\. .*建设主体[\s\S]*依托单位是示范区的建设主体/);
  });
});

describe("a long story before a closing ask", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads a clause closed by 了 as telling, and a topicless closing ask as about the clause before it", async () => {
    // 「能评上几颗星了😂」 tells what people guess; 「具体咋规定的来着」 asks about the clause before it.
    const q = "我们园区这两年折腾得够呛，办了好多场培训，也跟银行谈了合作，大家都在猜能评上几颗星了😂 不过我印象里淄博那个方案说认定结果分优秀、合格、不合格，具体咋规定的来着";
    expect(await opening(q)).toMatch(/优秀、合格和不合格三档（第十四条）/);
  });

  it("still names what the texts lack when the clause before the ask is about it", async () => {
    const r = await answerer().answer("隔壁园区的主任说，评上示范区以后房租能打五折，我们所正琢磨要不要搬过去，这房租打折是淄博示范区政策里写的吗");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^淄博市建设方案没有写到“房租”/);
  });
});

describe("premises, vague counts and the body asked for", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 「说人话：」「说白了」 as turning to the question", async () => {
    expect(await opening("说白了：浙江和淄博，谁对服务机构数量的门槛更低？")).toMatch(/^淄博市（市级）的低（2家 对 20家）/);
  });

  it("reads a premise (「…的话」) as when the ask holds, and 「找哪个部门解释」 as who interprets, not where to hand in", async () => {
    expect(await opening("淄博的方案要是条款理解不一致的话，找哪个部门解释？")).toMatch(/由市知识产权事业发展中心负责解释（第十六条）/);
    expect(await opening("浙江那个办法找哪个部门解释？")).toMatch(/由省知识产权局负责解释（第十七条）/);
  });

  it("answers a count told vaguely (「没几家」「才几家」) with the threshold in that unit, as one ask", async () => {
    expect(await opening("园区面积没问题，可入驻的知识产权服务机构没几家，这个会不会影响我们报浙江省级示范区？")).toMatch(/20家以上/);
    const r = await opening("我们园区核心区挺大，就是服务机构才几家，会不会影响申报浙江的示范区？");
    expect(r).not.toMatch(/问，逐一回答/);
    expect(r).toMatch(/20家以上/);
  });
});

describe("everyday words the tagger misreads or the texts word otherwise", () => {
  const { opening } = useOfflineAnswerer();

  it("reads a word the dictionary knows only as a name (巴拉 of 吭哧巴拉) as how the asker talks", async () => {
    expect(await opening("县里吭哧巴拉建淄博示范区，县里能捞着啥好处？")).toMatch(/加分奖励（第十五条）/);
  });

  it("reads 「一分钱都捞不着」 as money and 「沾上边」 as qualifying, so the asker's count is worked out", async () => {
    expect(await opening("我们所今年代理本市发明专利授权才50件，淄博那个奖励我们沾得上边不？")).toMatch(/^不能。按第九条（五），本年度代理本市发明专利授权 50 件，未超过 70 件/);
    expect(await opening("淄博示范区的代理所，今年发明授权65件，是不是一分钱都拿不到？")).toMatch(/授权 65 件，未超过 70 件/);
  });

  it("reads 激励 as asking a gain", async () => {
    expect(await opening("县里建淄博的示范区，市里给县里什么激励？")).toMatch(/加分奖励（第十五条）/);
  });

  it("reads 上交 as handing in, 搞头 as a gain, and 啥样的材料 as asking for the whole list", async () => {
    expect(await opening("申报浙江的示范区要往上交哪些东西？")).toMatch(/^共 5 项（第九条）/);
    expect(await opening("报淄博示范区有啥搞头？")).toMatch(/优先推荐/);
    expect(await opening("报淄博示范区得准备啥样的材料？")).toMatch(/^共 2 项（第八条）/);
  });
});

describe("what a follow-up leans on", () => {
  const { answerer, opening } = useOfflineAnswerer();
  const turn = async (question: string, history: PreviousTurn[] = []): Promise<PreviousTurn[]> => [
    ...history,
    asPreviousTurn(await answerer().answer(question, { history })),
  ];

  it("counts with the conversation's noun when the count drops it", async () => {
    const securitisations = await turn("淄博示范区的机构完成一项知识产权证券化给多少支持？");
    expect(await opening("我们今年做了3笔，加起来最多能拿多少？", securitisations)).toMatch(/最高 30 万元/);
  });

  it("stays in the conversation's place when 「省里」 names only where something goes", async () => {
    const zibo = await turn("淄博示范区归哪个部门指导考核？");
    const r = await answerer().answer("它也负责往省里推荐吗？", { history: zibo });
    expect(r.jurisdictions).toEqual(["zibo"]);
    expect(r.citations[0]).toBe("zb2020:4");
  });

  it("adds to or takes from the earlier figure when the follow-up says so", async () => {
    const zone = await turn("园区有17家知识产权服务机构，够申报浙江省示范区吗？");
    expect(await opening("再引进3家呢？", zone)).toMatch(/20 家.*不少于 20 家/);
    const loans = await turn("淄博示范区里我们所今年办成了4笔政银保专利质押贷款，能拿多少？");
    const more = await answerer().answer("又多做了3笔呢？", { history: loans });
    expect(more.text).toMatch(/最高 7 万元/);
    expect(more.text).toContain("按 4 笔加上 3 笔，共 7 笔计");
    const fewer = await answerer().answer("要是少了2家呢？", { history: zone });
    expect(fewer.text).toMatch(/15 家.*还差 5 家/);
  });

  it("does the same in English, reading the earlier question as typed", async () => {
    const zone = await turn("Our zone in Zibo has only 1 IP service agency. Is that enough?");
    expect(zone.at(-1)!.asked).toContain("1 IP service agency");
    expect(await opening("And if we had 3?", zone)).toMatch(/^Zibo: at least 2 IP service agencies are required and you have 3 — that is enough/);
    const more = await answerer().answer("What if we add 2 more?", { history: zone });
    expect(more.text).toContain("(Read as 1 + 2 = 3.)");
    // Too short to tell its language alone, 「And 5?」 is English after an English question.
    const loans = await turn("We are an agency in a Zibo zone and closed 3 patent pledge loans this year. How much can we get?");
    expect(await opening("And 5?", loans)).toMatch(/^Up to CNY 50,000 \(5 × 10,000\)/);
  });
});

describe("a zone's own count asked as 「可以报…不」「中不中」", () => {
  it("is checked against the threshold, never answered by the clause's wording alone", () => {
    // Before, 「可以报市级示范区不？」 opened 「不可以。」 over 「2家以上」 for 3 agencies.
    const enough = applyOwnNumbers("淄博这边我们有3家服务机构，可以报市级示范区不？", ["zibo"], TODAY)!;
    expect(enough.lines[0]).toMatch(/3 家，不少于 2 家，这一项已达到/);
    const short = applyOwnNumbers("园区里就15家服务机构，报浙江的示范区中不中？", ["zhejiang"], TODAY)!;
    expect(short.lines[0]).toMatch(/15 家，少于 20 家，还差 5 家/);
  });
});

describe("the asker's zone facts against a text that measures only some of them", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("checks what the text measures and says what it does not, instead of refusing", async () => {
    const r = await opening("我们孵化器有8家服务机构、核心区1500平方米，淄博的要求够吗？");
    expect(r).toMatch(/淄博市：够。按第五条（三），已有知识产权服务点（机构）8 家，不少于 2 家/);
    expect(r).toContain("淄博市建设方案没有对核心区面积的要求。");
  });

  it("works out each side of a comparison, each line labelled once", async () => {
    const r = await answerer().answer("园区有15家服务机构、核心区900平方米，浙江和淄博各自的要求够不够？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/^浙江省（省级）：不够。按第六条（三），现有知识产权服务机构 15 家/);
    expect(r.text).toMatch(/\n淄博市（市级）：够。按第五条（三），已有知识产权服务点（机构）15 家，不少于 2 家/);
    expect(r.text).not.toContain("（省级）：浙江省：");
  });

  it("does not read a count of someone else's as the asker's zone", async () => {
    const r = await answerer().answer("在浙江新开一家专利代理机构要几名代理师，审批找哪个部门？");
    expect(r.refused).toBe(true);
  });
});

describe("a count said as more than a figure", () => {
  it("is at least one more, as the tiers of 第九条（五） read 「超过」", () => {
    const r = applyOwnNumbers("淄博示范区的代理机构当年代理本市发明专利授权超过120件，能拿多少？", ["zibo"], TODAY)!;
    expect(r.lines[0]).toMatch(/最高 3 万元（121 件 > 120 件/);
    expect(r.lines).toContain("（「超过120件」按至少 121 件计。）");
  });

  it("asked of a tier in a follow-up, is worked out for that tier", () => {
    const r = applyOwnNumbers("我们所当年代理本市发明专利授权90件，能拿多少 那超过200件呢", ["zibo"], TODAY, "那超过200件呢？")!;
    expect(r.lines[0]).toMatch(/最高 5 万元（201 件 > 200 件/);
  });

  it("leaves a rate asked before (「一件最多补多少」) out of the asker's counts", () => {
    const cap = applyOwnNumbers("淄博示范区代理专利案件胜诉一件最多补多少 那同一申请人一年打赢好几件呢", ["zibo"], TODAY, "那同一申请人一年打赢好几件呢？");
    expect(cap).toBeUndefined();
  });
});

describe("several asks with figures of their own", () => {
  const { answerer } = useOfflineAnswerer();

  it("are each worked out, a later one counting what the first named", async () => {
    const r = await answerer().answer("淄博代理本市发明专利授权超过120件能给多少？超过200件呢？");
    expect(r.text).toMatch(/1\. [\s\S]*最高 3 万元（121 件 > 120 件[\s\S]*2\. [\s\S]*最高 5 万元（201 件 > 200 件/);
  });
});

describe("a gain asked in English", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 「get anything out of」 as a gain (好处), answered by the clause granting it", async () => {
    expect(await opening("What would a county in Zibo get out of hosting one of these zones?")).toMatch(/bonus points.*Article 15/);
  });
});

describe("English follow-up figures, worked by the rules", () => {
  it("take a bare figure in place of the one figure the earlier question stated", () => {
    const r = applyEnglishOwnNumbers("And with 1,200?", ["zhejiang"], TODAY, false, "Our core area in Zhejiang is 800 square metres. Is that enough?")!;
    expect(r.lines[0]).toMatch(/1,200/);
    expect(r.lines[0]).toMatch(/that is enough/);
  });

  it("guess nothing when the earlier question stated two figures", () => {
    const r = applyEnglishOwnNumbers("And 30?", ["zhejiang"], TODAY, false, "We have 18 agencies and 800 square metres of core area in Zhejiang.");
    expect(r).toBeUndefined();
  });
});

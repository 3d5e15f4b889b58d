/**
 * Round 9q: whether a title lasts (「评上是不是就一劳永逸了」) is answered by the review and the withdrawal
 * together; how many zones are approved (「一年批几家」「有没有名额」) by how they are chosen; a tag question
 * (「…，中不中？」) asks about the clause before it; 哪天 in a yes/no ask is some day, not a date asked; a gain asked
 * of someone is answered by the clause granting it to them; a rough count of grants is estimated at both ends.
 * Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { applyOwnNumbers } from "../src/answer/apply-own-numbers.ts";
import { readEnglishQuestion } from "../src/answer/english-question.ts";
import { lastingTitle } from "../src/answer/lasting-title.ts";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { formKindCues, questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { situationSpans } from "../src/retrieval/message-clauses.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("whether a title lasts", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads the ask from everyday words, not from the policy's own validity", () => {
    for (const q of ["评上以后是不是就没人管了", "牌子是不是永远挂着", "拿到称号以后不用再考核了吧", "评完就管一辈子了？", "评上后是不是一直有效"]) {
      expect(questionKindTerms(q), q).toContain("#lasting");
    }
    expect(questionKindTerms("浙江的管理办法现在还有效吗")).not.toContain("#lasting");
    expect(questionKindTerms("浙江的管理办法一直有效吗")).not.toContain("#lasting");
    // Every stretch that says it is a cue, not only the first (「一劳永逸…没人管」).
    expect(formKindCues("是不是一劳永逸了，后面就没人管了")).toEqual(expect.arrayContaining(["一劳永逸", "后面就没人管"]));
  });

  it("finds each text's review and withdrawal", () => {
    const pieces = listPieces();
    const zj = lastingTitle(pieces.filter((p) => p.doc === "zj2018"))!;
    expect(zj.quotes.map((q) => q.id)).toEqual(["zj2018:14", "zj2018:16"]);
    expect(zj.line).toMatch(/^不是评上就一直保留：示范区每两年考核一次.*（第十四条）；评为不合格的，限期整改；整改仍不合格的，取消称号并予以摘牌（第十六条）。$/);
    // Only the sentences that bear on it are quoted of the long 第十六条.
    expect(zj.quotes[1]!.text).toMatch(/^……评为优秀或合格的，保留.*摘牌。$/);
    const zb = lastingTitle(pieces.filter((p) => p.doc === "zb2020"))!;
    expect(zb.line).toContain("示范区每年度认定一次");
    expect(zb.line).toContain("取消资格（第十四条）");
  });

  it("answers it with both clauses, for one text or both", async () => {
    const zj = await opening("我们园区去年评上了浙江省的示范区，以后是不是就不用管了？");
    expect(zj).toMatch(/^不是评上就一直保留：示范区每两年考核一次/);
    expect(zj).toContain("取消称号并予以摘牌（第十六条）");
    const both = await answerer().answer("浙江和淄博的示范区，评上以后牌子能一直挂着吗？");
    expect(both.refused, both.text).toBe(false);
    const lines = both.text.split("\n\n")[0]!.split("\n");
    expect(lines[0]).toMatch(/^浙江省（省级）：不是评上就一直保留：示范区每两年考核一次/);
    expect(lines[1]).toMatch(/^淄博市（市级）：不是评上就一直保留：示范区每年度认定一次/);
    expect(both.citations).toEqual(expect.arrayContaining(["zj2018:14", "zj2018:16", "zb2020:12", "zb2020:14"]));
  });

  it("reads 哪天 in a yes/no ask as some day, and the ask as one of losing the title", async () => {
    expect(questionKindTerms("示范区会不会哪天被摘牌")).not.toContain("#date");
    expect(questionKindTerms("示范区会不会哪天被摘牌")).toContain("#consequence");
    expect(questionKindTerms("淄博的方案是哪天实施的")).toContain("#date");
    const r = await answerer().answer("浙江的示范区称号会不会哪天被摘掉？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toContain("摘牌");
  });
});

describe("how many zones are approved", () => {
  const { opening } = useOfflineAnswerer();

  it("is asked as a quota, not a count of agencies", () => {
    expect(questionKindTerms("浙江每年评几家示范区")).toEqual(expect.arrayContaining(["#quota"]));
    expect(questionKindTerms("浙江每年评几家示范区")).not.toContain("#qty:家");
    expect(questionKindTerms("区里要有几家服务机构")).toContain("#qty:家");
  });

  it("is answered by how zones are chosen", async () => {
    expect(await opening("浙江省级示范区每年有固定名额吗？")).toContain("成熟一家，审定一家");
    expect(await opening("浙江的示范区是集中一起批，还是随时成熟随时批？")).toContain("成熟一家，审定一家");
  });
});

describe("a tag question", () => {
  const { opening } = useOfflineAnswerer();

  it("asks about the clause before it", () => {
    expect(situationSpans("评上以后就不用管了，对吧？")).toEqual([]);
    expect(situationSpans("我们在张店，评上以后就不用管了，对吧？")).toEqual([[0, 6]]);
  });

  it("so the clause's ask is answered", async () => {
    expect(await opening("淄博的示范区认定下来以后就不用管了，是吧？")).toMatch(/^不是评上就一直保留：示范区每年度认定一次/);
  });
});

describe("a gain asked of someone", () => {
  const { answerer } = useOfflineAnswerer();

  it("is answered by the clause granting it to them, not a gain granted to another", async () => {
    // 第十四条 grants 优先推荐 to the zone; 第十五条 gives the 区县 加分.
    const r = await answerer().answer("淄博的示范区建起来了，所在的区县自己能图个啥？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toBe("示范区建设作为区县创新工作，年度考核予以加分奖励（第十五条）。");
    expect(r.citations[0]).toBe("zb2020:15");
    // Asked of the zone, the zone's gain still comes first.
    const zone = await answerer().answer("淄博的示范区认定为优秀有什么好处？");
    expect(zone.text.split("\n\n")[0]).toContain("优先推荐申报国家知识产权服务业集聚区");
  });
});

describe("English words for the same asks", () => {
  it("reads a quota as 名额 (the `#quota` ask) and 「scheme」 as the text itself", () => {
    const quota = readEnglishQuestion("Is there a quota on Zhejiang zones?");
    expect(quota.chinese).toContain("名额");
    expect(questionKindTerms(quota.chinese)).toContain("#quota");
    // 「scheme」 names the text, as 「measures」 does: no unknown word to refuse on.
    expect(readEnglishQuestion("What does the Zibo scheme give for a securitisation?").unknownWords).toEqual([]);
  });
});

describe("money put up and gains got, in speech", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 掏钱/出钱 as putting up funds and 能图个啥 as a gain, 图个啥 alone as a purpose", () => {
    expect(readSpokenForms("依托单位要自掏腰包吗")).toBe("依托单位要出资金吗");
    expect(readSpokenForms("区县能图个啥")).toBe("区县能得到什么好处");
    expect(readSpokenForms("搞这个示范区图个啥")).toBe("搞这个示范区目的是什么");
    expect(readSpokenForms("一年薅两回羊毛行不行")).toBe("一年重复享受行不行");
  });

  it("answers claiming twice in a year, and paperwork asked as 文书", async () => {
    expect(await opening("淄博的补贴一年里能不能薅好几次羊毛？")).toMatch(/^不能。当年度优惠政策只享受一次，不重复支持/);
    expect(await opening("申报淄博示范区，要交哪份文书？")).toContain("申报书");
  });

  it("so 「要掏钱配套吗」 is answered by the duty to put up matching funds", async () => {
    expect(await opening("浙江的依托单位申报示范区，自己得掏钱配套吗？")).toContain("落实配套资金和政策");
  });
});

describe("a rough count of invention grants", () => {
  it("gives the result both ends of the range share, saying the range, with no tier hint", () => {
    const lines = applyOwnNumbers("我们今年代理的淄博本地发明专利授权大概60来件，能拿到授权数量那项支持吗？", ["zibo"], "2026-12-05")!.lines;
    // Before, the clause was quoted under a bare 「能。」.
    expect(lines[0]).toBe("不能。按第九条（五），本年度代理本市发明专利授权 54–66 件，未超过 70 件，不符合支持条件。");
    expect(lines.some((l) => l.startsWith("提示："))).toBe(false);
    expect(lines.at(-1)).toBe("（「60来件」按约数记为 54–66。）");
  });

  it("gives each end and asks for the exact figure when the range straddles a tier", () => {
    const lines = applyOwnNumbers("我们所今年代理发明专利授权120件左右，淄博能给多少？", ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toMatch(/^还不能确定：「120件左右」按约数记为 108–132/);
    expect(lines[1]).toContain("按 108 件：测算结果：第九条（五）（代理本市发明专利授权数量）：最高 1 万元");
    expect(lines[2]).toContain("按 132 件：测算结果：第九条（五）（代理本市发明专利授权数量）：最高 3 万元");
    // An exact count is estimated as before.
    expect(applyOwnNumbers("今年授权了130件，淄博能拿多少", ["zibo"], "2026-12-05")!.lines[0]).toContain("最高 3 万元");
  });
});

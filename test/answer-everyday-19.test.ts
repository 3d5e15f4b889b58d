/**
 * Round 9u: a fact of the texts told before the ask (「浙江示范区两年考核一次，要是评了不合格…」), a verb that only
 * links the asked object (「看重哪几条原则」), everyday words for choosing and approving (挑, 选拔, 拍板), a staged
 * consequence and 「直接/马上」 asked of it, straight to a body that is not the first step, an ask that turns
 * from what is granted (「…，那最终由谁审定」), each side's own item of a list (「（设区市、区县）」), a kind
 * listed answered by kind (「就类型而言能」), a topic put first with 对 (「对外资机构进驻示范区的审批，…」), a title
 * to win the texts never write (「拿下专精特新小巨人」), 「一交就完事了」 and lists compared on one thing (「对…企业的条件」). Questions written fresh from the two
 * texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { askFocus } from "../src/retrieval/ask-focus.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";
import { withoutOtherSideItems } from "../src/answer/side-own-items.ts";
import { yesNoAsk, yesNoVerdict } from "../src/answer/yes-no-ask.ts";
import { listedMemberLine } from "../src/answer/listed-member.ts";
import { otherGoal } from "../src/answer/other-recognition.ts";
import { qualifierOf } from "../src/answer/qualified-items.ts";
import { englishAskKind } from "../src/answer/compose-english-answer.ts";
import { situationSpans } from "../src/retrieval/message-clauses.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const cues = (...words: string[]) => words.map((text) => ({ text, weight: 1 }));

describe("a fact of the texts told before the ask", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("is covered with the article it tells of, so the ask is answered, not refused", async () => {
    const r = await answerer().answer("浙江示范区两年考核一次，要是评了不合格，会不会马上被摘牌？");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toMatch(/^不会。.*限期整改/);
  });

  it("but a story of the asker's own, or an ask of another place, is no clause of the texts", async () => {
    expect((await answerer().answer("我们园区去年通过了ISO认证，浙江省示范区给多少认证奖励？")).refused).toBe(true);
    expect((await answerer().answer("淄博的方案提到对标学习深圳，那深圳给服务机构每家补多少钱？")).refused).toBe(true);
    expect(await opening("浙江示范区两年考核一次，那考核由谁组织？")).toMatch(/省知识产权局/);
  });
});

describe("the verb that only links the thing asked", () => {
  const { opening } = useOfflineAnswerer();
  const tok = getTokenizer();

  it("reads the noun after 哪 and a numeral with its classifier as the focus, not the verb before", () => {
    const tagged = tok.tagged("示范区看重哪几条原则");
    const focus = askFocus(tagged, (w) => /^(n|vn)/.test(w.tag)).map((i) => tagged[i]!.word);
    expect(focus).toContain("原则");
    // A count's classifier measures the noun before it: 「服务机构多少家核心区面积…」 asks of 服务机构.
    const count = tok.tagged("要求服务机构多少家核心区面积又要多大");
    expect(askFocus(count, (w) => /^(n|vn)/.test(w.tag)).map((i) => count[i]!.word)).toContain("服务机构");
  });

  it("answers with the principles, whatever verb links them", async () => {
    expect(await opening("浙江示范区建设看重哪几条原则？")).toMatch(/政府引导，市场驱动/);
  });
});

describe("choosing and approving, in everyday words", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("finds 择优遴选 for 选拔 and for 挑 in an everyday form (挑出来)", async () => {
    expect(await opening("淄博的示范区最后是怎么选拔出来的？")).toMatch(/专家评估和现场考察，择优遴选/);
    const both = (await answerer().answer("淄博示范区归谁挑、又是怎么挑出来的？")).text;
    expect(both).toMatch(/2\. 又是怎么挑出来的？\n市知识产权事业发展中心组织专家评估和现场考察，择优遴选/);
  });

  it("asks each side who approves, after a turn from what is granted (那…)", async () => {
    const text = await opening("浙江是先报设区市、淄博是先报区县，那最终由谁审定？");
    expect(text).toMatch(/淄博市（市级）：市知识产权事业发展中心组织专家评估和现场考察/);
    expect(text).toMatch(/浙江省（省级）：[^\n]*审定一家/);
  });
});

describe("a staged consequence, and whether it comes at once", () => {
  const { opening } = useOfflineAnswerer();
  const staged = "评为不合格的，限期整改；整改仍不合格的，取消资格。";

  it("says yes to the first step and no to a later step asked to come at once", () => {
    expect(yesNoVerdict("不合格的有没有整改的机会？", staged, cues("整改", "机会", "不合格"), [])).toBe("yes");
    expect(yesNoVerdict("不合格是不是马上取消资格？", staged, cues("取消资格", "不合格"), [])).toBe("no");
    // Neither stage named: left to the sentence.
    expect(yesNoVerdict("不合格是不是就没了？", staged, cues("不合格"), [])).toBeUndefined();
    // Later step without 直接/马上: it does follow, in the end — no verdict either way.
    expect(yesNoVerdict("不合格会被取消资格吗？", staged, cues("取消资格", "不合格"), [])).toBeUndefined();
  });

  it("reads 「直接…吗」 as a yes/no question", () => {
    expect(yesNoAsk("考砸了直接摘牌吗？")?.no).toBe("不是");
  });

  it("answers both texts alike when each gives a second chance", async () => {
    expect(await opening("淄博示范区认定不合格的，有没有整改的机会？")).toMatch(/^有。评为不合格的，限期整改/);
    expect(await opening("浙江的示范区考核不合格是不是立刻取消称号？")).toMatch(/^不是。评为不合格的，限期整改/);
  });
});

describe("straight to a body that is not the first step", () => {
  const { opening } = useOfflineAnswerer();

  it("is denied by the step the text puts first, or by the body it names", async () => {
    expect(await opening("浙江示范区的申报材料可以直接报给省知识产权局吗？")).toMatch(/^不可以。设区市知识产权主管部门审核合格后/);
    expect(await opening("淄博示范区的申报书能直接送到市里吗？")).toMatch(/^不能。区县知识产权管理部门审核合格后/);
    expect(await opening("淄博示范区申报，材料直接交给市里行不行？")).toMatch(/^不行。向辖区内区县知识产权管理部门提出申报申请/);
  });

  it("names no verdict when where it goes is where the text sends it", () => {
    const sentence = "向辖区内区县知识产权管理部门提出申报申请。";
    expect(yesNoVerdict("能直接交到区县吗？", sentence, cues("区县"), [])).toBeUndefined();
  });
});

describe("each side's own item of a list naming both", () => {
  const { opening } = useOfflineAnswerer();
  const tok = getTokenizer();
  const zj = (w: string) => ["设区市", "示范区", "支持"].includes(w);
  const zb = (w: string) => ["区县", "示范区", "支持"].includes(w);

  it("takes the other side's item out of a side's question, and nothing else", () => {
    const q = "地方上（设区市、区县）要在哪些方面加大支持？";
    expect(withoutOtherSideItems(q, tok.tagged(q), zb, zj)).toBe("地方上（区县）要在哪些方面加大支持？");
    expect(withoutOtherSideItems(q, tok.tagged(q), zj, zb)).toBe("地方上（设区市）要在哪些方面加大支持？");
    // A word neither side's text uses stays: what this side lacks is still said.
    const other = "核心区面积、办公场地有要求吗？";
    expect(withoutOtherSideItems(other, tok.tagged(other), zb, zj)).toBe(other);
  });

  it("compares the two corresponding articles instead of saying one side has none", async () => {
    const text = await opening("两地对示范区所在地方（设区市、区县）在哪些方面加大支持，有区别吗？");
    expect(text).toMatch(/^基本没有区别，内容一样，措辞略有不同。/);
    expect(text).toMatch(/淄博市（市级）：示范区所在区县要结合各地实际情况.*（第十条）/);
  });

  it("reads 上位依据 as the documents each text rests on", async () => {
    const text = await opening("两份政策的上位依据各是什么？");
    expect(text).toMatch(/浙江省（省级）：根据国家知识产权局《关于加快培育和发展知识产权服务业的指导意见》/);
    expect(text).toMatch(/淄博市（市级）：根据《国家知识产权服务业集聚发展区工作实施办法》/);
  });
});

describe("a kind listed, answered by kind in the asker's verb", () => {
  const { opening } = useOfflineAnswerer();

  it("uses 能, 可以, 算 or 属于 as asked", () => {
    expect(listedMemberLine("众创空间", "我们是众创空间，能当依托单位吗")).toBe("就类型而言能：“众创空间”属于这一项所列的类型（其余条件见本条各项）：");
    expect(listedMemberLine("众创空间", "众创空间可以做依托单位吗")).toMatch(/^就类型而言可以：/);
    expect(listedMemberLine("众创空间", "众创空间算不算")).toMatch(/^就类型而言算：/);
  });

  it("opens the answer so, never with a bare yes", async () => {
    const text = await opening("我们是一家民营的科技企业孵化器，能不能做浙江示范区的依托单位？");
    expect(text).toMatch(/^就类型而言能：“科技企业孵化器”属于这一项所列的类型/);
  });
});

describe("a topic put first with 对/关于, and a title to win the texts never write", () => {
  const { answerer } = useOfflineAnswerer();
  const tok = getTokenizer();
  const written = (phrase: string) => ["科技企业孵化器", "示范品牌", "企业"].some((w) => w.includes(phrase));

  it("weighs the words of 「对…的X」 as what is asked, so a thing the texts lack is not covered", async () => {
    for (const q of ["浙江和淄博对外资服务机构进驻示范区的审批，哪边门槛更低？", "浙江和淄博对合资代理机构进驻示范区的许可，哪边要求更松？"]) {
      const r = await answerer().answer(q);
      expect(r.refused, q).toBe(true);
      expect(r.text).toMatch(/两份政策都没有写到“(外资|合资)”/);
    }
  });

  it("but what the asker does or wants (「刚接手…的活儿」) still tells only the situation", async () => {
    const r = await answerer().answer("刚接手园区申报的活儿，浙江示范区核心区面积要多大？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/1000平方米/);
  });

  it("names a title to win whose head noun the texts never write", () => {
    expect(otherGoal(tok.tagged("公司打算今年冲隐形冠军，得满足哪些条件？"), written)).toBe("隐形冠军");
    // A head the texts write, or a question naming the zone, is left to the rest of the reading.
    expect(otherGoal(tok.tagged("我们要争取国家级科技企业孵化器，有啥要求？"), written)).toBeUndefined();
    expect(otherGoal(tok.tagged("想拿下隐形冠军，淄博示范区能给多少支持？"), written)).toBeUndefined();
  });

  it("refuses it, saying what the texts do not write", async () => {
    const r = await answerer().answer("老板让今年务必拿下专精特新小巨人，你就直说要满足啥吧");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/没有写到“专精特新小巨人”/);
  });
});

describe("how the asker closes a guess (「一交就完事了」)", () => {
  const { opening } = useOfflineAnswerer();

  it("is no topic, and 「是不是直接…交」 asks where it goes first", async () => {
    expect(await opening("领导让我问问，淄博示范区申报是不是直接把材料交市里就完事了？")).toMatch(/^不是。区县知识产权管理部门审核合格后/);
  });
});

describe("one of alternatives is no must (「只能是国企吗」 ← 「国有或民营的…」)", () => {
  const { opening } = useOfflineAnswerer();

  it("answers no, reading 国企 as the texts' 国有", async () => {
    expect(await opening("浙江示范区的依托单位只能是国企吗？")).toMatch(/^不是。具有较强实力的国有或民营的/);
    expect(yesNoVerdict("必须是孵化器吗？", "科技企业孵化器或众创空间", cues("孵化器"), [])).toBe("no");
    // Asked with both alternatives itself, the must is the text's own.
    expect(yesNoVerdict("必须是国有或民营的吗？", "国有或民营的载体", cues("国有", "民营"), [])).not.toBe("no");
  });
});

describe("nothing much told (「没啥背景」), and an English ask for what a text rests on", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 没啥/没什么 as telling, not asking, while 有没有啥 still asks", () => {
    expect(situationSpans("我们没啥背景，淄博示范区要几家机构？").length).toBe(1);
    expect(situationSpans("有没有啥行业规矩，浙江示范区对机构怎么管？")).toEqual([]);
  });

  it("answers 「What … is it based on?」 with the clause naming the documents, not a list of items", async () => {
    expect(englishAskKind("What higher-level documents is Zhejiang's zone scheme based on?")).toBe("statement");
    expect(await opening("What higher-level documents is Zhejiang's zone scheme based on?")).toMatch(/Guiding Opinions/);
  });
});

describe("the asker's tenure told in a long story beside an ask for conditions", () => {
  const { answerer } = useOfflineAnswerer();

  it("is the story's, not what the texts must cover (「俺在区里发改局干了没两年…有啥前提要求」)", async () => {
    const r = await answerer().answer("俺在区里发改局干了没两年，领导说咱区要争取弄个淄博市级示范区，让俺先摸摸底，就是不知道对咱区县政府有啥前提要求？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/^共 3 项（第五条）：\n（一）示范区所在区县高度重视知识产权服务业发展/);
  });

  it("while a figure beside an ask of a measure is still what the ask works on", async () => {
    const r = await answerer().answer("我们园区有18家机构，浙江示范区还差几家？");
    expect(r.text).toMatch(/还差 2 家/);
  });
});

describe("support already received this year under the same cap (第九条（四）)", () => {
  const { opening } = useOfflineAnswerer();

  it("works out what is left: 16万 received, two more cases → at most 4万", async () => {
    expect(await opening("今年前面几个胜诉案子已经累计拿了16万补助，这个月又胜诉2件涉外案件，还能补多少？")).toMatch(/^测算结果：第九条（四）.*最高 4 万元/);
  });

  it("says no more once the cap is reached", async () => {
    expect(await opening("我们今年涉外案子已经领过20万补助了，又胜诉1件，还能补吗？")).toMatch(/^不能。按第九条（四），本年度已获 20 万元，已达每年 20 万元上限/);
  });
});

describe("a patent-attorney certificate obtained in an earlier year", () => {
  const { opening } = useOfflineAnswerer();

  it("is no 年度内新获得 certificate: the 1万 of 第九条（二） is not granted for it", async () => {
    expect(await opening("所里小王去年考下的专利代理师证书，今年能领淄博的1万元吗？")).toMatch(/^不能。按第九条（二），本年度没有新获国家专利代理师证书的人员/);
    // New this year: granted as before.
    expect(await opening("所里今年有2位同事新考下专利代理师证书，淄博能支持多少钱？")).toMatch(/最高 2 万元/);
  });
});

describe("a comparison of lists narrowed to one thing (「对…企业的条件是不是差不多」)", () => {
  const { opening } = useOfflineAnswerer();
  const tok = getTokenizer();

  it("reads the thing as the last noun before 的条件/的要求", () => {
    expect(qualifierOf("浙江和淄博示范区，对园区里企业的条件是不是差不多？", (t) => tok.tagged(t))).toBe("企业");
    expect(qualifierOf("浙江和淄博的申报条件一样吗？", (t) => tok.tagged(t))).toBeUndefined();
  });

  it("compares each side's one item on it, not the whole lists", async () => {
    const text = await opening("浙江和淄博示范区对区里企业的要求差不多吗？");
    expect(text).toMatch(/^差不多，基本一样，措辞略有不同。\n浙江省（省级）：所在区域产业优势明显.*（第六条（二））。\n淄博市（市级）：示范区内产业优势明显.*（第五条（二））。/);
  });

  it("still tells items apart by their measures (20家 against 2家)", async () => {
    expect(await opening("浙江和淄博对知识产权服务机构的要求一样吗？")).toMatch(/^不一样。\n浙江省（省级）：[^\n]*20家以上[^\n]*（第六条（三））。\n淄博市（市级）：[^\n]*2家以上/);
  });
});

describe("a claim that a listed kind does not count", () => {
  const { opening } = useOfflineAnswerer();

  it("is denied, then the kind is said to be listed", async () => {
    const text = await opening("听说众创空间算不上创新创业载体，当不了浙江示范区的依托单位，是真的吗？");
    expect(text).toMatch(/^不对。就类型而言算：“众创空间”属于这一项所列的类型/);
  });
});

describe("the amount already received is no amount hoped for", () => {
  const { opening } = useOfflineAnswerer();

  it("answers the amount asked (10万), not the one received (18万)", async () => {
    const text = await opening("我们今年涉外胜诉案已经拿了18万补助，又胜诉2件，还能补10万吗？");
    expect(text).toMatch(/^不能。测算结果：第九条（四）.*最高 2 万元/);
    expect(text).toMatch(/您问的 10 万元超过了上限，最多 2 万元/);
    expect(await opening("我们今年涉外胜诉案已经拿了18万补助，又胜诉2件，还能补2万吗？")).toMatch(/^能，在上限之内。/);
  });
});

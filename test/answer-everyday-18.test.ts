/**
 * Round 9t: comparisons that check what the asker believes of each side (「浙江要20家、淄博只要2家，对吧」), which
 * side reviews more often, a bound (「不少于」) that negates nothing, a premise told of one side and asked of the
 * other (「淄博写了…，浙江也有吗」), the order of events (「进驻之前就已经是…」), and long stories whose asking
 * words (「帮我捋一捋」「实打实的」「后果」「前提」) or asides (「领导让我打听」「跟几家企业谈」「总不能…吧」) are
 * how the asker talks, not what about. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { sideQuestions } from "../src/answer/compare-sides.ts";
import { sideClaims } from "../src/answer/side-claims.ts";
import { splitAsks } from "../src/answer/split-asks.ts";
import { comparativeAsk } from "../src/answer/which-side-more.ts";
import { englishZoneFacts } from "../src/answer/english-own-numbers.ts";
import { reviewScheduleLines } from "../src/answer/review-schedule.ts";
import { claimsAbsence, yesNoVerdict } from "../src/answer/yes-no-ask.ts";
import { situationSpans } from "../src/retrieval/message-clauses.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("what the asker believes of each side, checked side by side", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads each side's own claim, and only when the whole is put up to be confirmed", () => {
    expect(sideClaims("浙江要20家机构、淄博只要2家，对吧？")?.map((s) => s.text)).toEqual(["浙江要20家机构，对不对？", "淄博只要2家，对不对？"]);
    // A bare verb takes the object of the claim before it.
    expect(sideClaims("淄博有试用期，浙江没有，对吧？")?.map((s) => s.text)).toEqual(["淄博有试用期，对不对？", "浙江没有试用期，对不对？"]);
    // Told of one side and asked of the other: not two claims.
    expect(sideClaims("淄博要求开展“专利清零”行动，浙江的办法里有这个要求吗？")).toBeUndefined();
    // Asking each side for something is no claim.
    expect(sideClaims("浙江要几家机构，淄博要几家？")).toBeUndefined();
  });

  it("confirms or corrects each side, the side without such a provision included", async () => {
    const text = await opening("淄博有试用期，浙江没有，对吧？");
    expect(text).toMatch(/淄博市（市级）：没错。.*试用期一年（第十七条）/);
    expect(text).toMatch(/浙江省（省级）：没错。浙江省管理办法没有这方面的规定/);
    const wrong = await opening("浙江只要10家机构，淄博要5家，对吗");
    expect(wrong).toMatch(/浙江省（省级）：不对。.*20家以上/);
    expect(wrong).toMatch(/淄博市（市级）：.*不对。.*2家以上/);
  });

  it("confirms a floor stated as 不少于 (a bound, no negation) and a claimed absence", async () => {
    const text = await opening("是不是浙江核心区要1000平方米，淄博没有面积要求？");
    expect(text).toMatch(/浙江省（省级）：没错。核心区面积不少于1000平方米/);
    expect(text).toMatch(/淄博市（市级）：没错。淄博市建设方案没有这方面的规定/);
    expect(claimsAbsence("淄博没有面积要求，对不对？")).toBe(true);
    expect(claimsAbsence("浙江核心区不少于1000平方米，对不对？")).toBe(false);
  });
});

describe("how often each side reviews", () => {
  const { opening } = useOfflineAnswerer();

  it("says which side reviews more often, from the periods both texts state", async () => {
    expect(comparativeAsk("浙江和淄博哪边考核更频繁？")).toMatchObject({ larger: false });
    expect(await opening("浙江和淄博，哪边对示范区的考核（认定）更频繁一些？")).toMatch(/^淄博市（市级）更频繁（每年度 对 每两年）。/);
  });

  it("answers 「两年考一次吗」: the verb between the period's words is the topic", async () => {
    expect(await opening("浙江是两年考一次吗？")).toMatch(/^是。示范区每两年考核一次/);
  });
});

describe("a provision told of one side and asked of the other", () => {
  const { opening } = useOfflineAnswerer();

  it("says plainly that the other side has no such sentence when the asker quotes it", async () => {
    const text = await opening("淄博方案里有“与国家法律法规冲突时以国家法律法规为准”这句话，浙江的办法里也有吗？");
    expect(text).toMatch(/浙江省（省级）：没有。浙江省管理办法没有这方面的规定/);
    expect(text).not.toMatch(/说法不同/);
  });

  it("answers 「写没写」 with 没写, and a period asked of a clause stating none as no such provision", async () => {
    expect(await opening("淄博方案写了试用期一年，浙江的办法写没写试行多长时间？")).toMatch(/^浙江省（省级）：没写。浙江省管理办法没有这方面的规定/);
  });
});

describe("the order of events", () => {
  const { opening } = useOfflineAnswerer();

  it("says no when the asker had it before the event the text requires it after", async () => {
    expect(await opening("我们所进驻淄博示范区之前就已经是国家级示范品牌了，今年刚进驻，那20万能拿吗？")).toMatch(/^不能。/);
    expect(await opening("我们先创了省级品牌后进驻的淄博示范区，能拿10万吗？")).toMatch(/^不能。/);
  });

  it("reads the order words only: a brand won after moving in is not refused for it", () => {
    const sentence = "有专利代理资质的知识产权服务机构进驻示范区后，创省级和国家级示范品牌或重点资质的，国家级的给予不超过20万元";
    expect(yesNoVerdict("进驻之前就是国家级品牌了，能拿吗？", sentence, [{ text: "国家级", weight: 1 }], [])).toBe("no");
    expect(yesNoVerdict("进驻以后创了国家级品牌，能拿吗？", sentence, [{ text: "国家级", weight: 1 }], [])).not.toBe("no");
  });
});

describe("how the asker talks in a long story is not what they ask about", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads 「帮我捋一捋」 as a request and 「跟几家企业谈」 as a few, not a count asked", async () => {
    const q =
      "各位好，我们所这阵子在跟淄博几家企业谈专利托管，有的企业想全包给我们，有的只想偶尔咨询，我记得淄博方案里托管分了好几种方式，能帮我捋一捋都有哪几种吗";
    expect(await opening(q)).toMatch(/完全式.*顾问式.*单项式/);
    expect(situationSpans("我们跟淄博几家企业谈专利托管，托管分哪几种？").length).toBe(1);
  });

  it("reads who set the asker the task as no topic, and 后果 as asking what follows", async () => {
    const q = "说来惭愧，我们园区今年淄博认定被评了不合格，整改后复查还是没过。处长让我先查清楚后果，你说这下会咋样？";
    expect(await opening(q)).toMatch(/取消资格/);
  });

  it("reads an idiom before 的 as describing the noun after it", async () => {
    const r = await answerer().answer("淄博示范区认定评了优秀，有没有实打实的好处？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toMatch(/优先推荐申报国家知识产权服务业集聚区/);
  });

  it("reads 「前提」 as the conditions asked for and a rhetorical 「总不能…吧」 as asking nothing", async () => {
    expect(await opening("想在淄博申报市级示范区，区县这边得有啥前提？")).toMatch(/区县高度重视知识产权服务业发展/);
    expect(situationSpans("区县得有啥前提？总不能光园区使劲吧？").length).toBe(1);
  });
});

describe("the asker's span of years held against how often a text reviews", () => {
  const { opening } = useOfflineAnswerer();

  it("counts the reviews in the years named, from the review interval of the params file", async () => {
    expect(await opening("评上浙江示范区以后，8年里一共要被考核几回？")).toMatch(/^按第十四条，每两年一次：8年里 4 次/);
    const both = await opening("浙江和淄博的示范区，五年之内分别要考核或认定几次？");
    expect(both).toMatch(/浙江省（省级）：.*按第十四条，每两年一次：5年里 2 次/);
    expect(both).toMatch(/淄博市（市级）：按第十二条，每年一次：5年里 5 次/);
  });

  it("says the year of the first review after the year the zone was designated", async () => {
    expect(await opening("我们园区2020年评上了浙江省示范区，头一次考核是哪一年？")).toMatch(/第一次在2022年/);
  });

  it("leaves a question about money over the years to the support rules", () => {
    expect(reviewScheduleLines("淄博示范区5年里能拿几次补贴？", ["zibo"], "2020-10-01")).toBeUndefined();
  });

  it("works the span out in English as well", async () => {
    expect(await opening("How many times will a Zhejiang zone be assessed over 6 years?")).toMatch(/^3 times in 6 years — zones are reviewed once every two years \(Zhejiang Measures \(2018\), Article 14\)/);
  });
});

describe("whether the asker's zone facts are enough, said first", () => {
  const { opening } = useOfflineAnswerer();

  it("opens each side's check with 够 or 不够, in the question's own verb", async () => {
    expect(await opening("我们园区有12家服务机构，浙江的要求够吗？")).toMatch(/^浙江省：不够。按第六条（三），现有知识产权服务机构 12 家，少于 20 家/);
    expect(await opening("我们园区有5家服务机构，淄博的要求符合不？")).toMatch(/^淄博市：符合。按第五条（三）/);
  });

  it("says whether both sides are met before the sides' lines", async () => {
    expect(await opening("我们园区有25家服务机构、核心区1500平方米，浙江和淄博的要求都够吗？")).toMatch(/^都够。\n浙江省（省级）：够。/);
    expect(await opening("我们园区有6家服务机构，浙江和淄博的要求都满足吗？")).toMatch(/^只有淄博市（市级）满足。\n浙江省（省级）：不满足。/);
  });
});

describe("firms by name in English, and a part the asker describes", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("refuses to name banks the texts never name, and answers which kind of loan counts", async () => {
    const named = await answerer().answer("Which banks does Zibo cooperate with for patent pledge loans?");
    expect(named.refused).toBe(true);
    expect(named.text).toMatch(/which bank or firm by name/);
    expect(await opening("Which bank loans count for Zibo's pledge financing support?")).toMatch(/banks in Zibo/);
  });

  it("reads 「有看不懂的地方」 as a part of the text, not a place", async () => {
    expect(await opening("淄博这个方案有看不明白的地方，一般找谁解释？")).toMatch(/市知识产权事业发展中心负责解释/);
  });
});

describe("how much two sides differ", () => {
  const { opening } = useOfflineAnswerer();

  it("answers 「差别大吗」「是不是差不多」 from how alike the two lines are, lists read whole", async () => {
    expect(await opening("对示范区所在区域的产业和企业，浙江和淄博的要求差别大吗？")).toMatch(/^差别不大，基本一样，措辞略有不同。/);
    expect(await opening("浙江考核和淄博认定，看的主要内容是不是差不多？")).toMatch(/^差不多，基本一样，措辞略有不同。/);
    expect(await opening("浙江和淄博对服务机构数量的要求差别大吗")).toMatch(/^有差别。/);
  });

  it("reads lists of different lengths as different, and a list's item count as no measure of what it says", async () => {
    expect(await opening("浙江和淄博要交的申报材料一样吗？")).toMatch(/^不一样。/);
    expect(await opening("浙江和淄博考核的内容一样吗？")).toMatch(/^基本一样，措辞略有不同。/);
  });
});

describe("each side named with a noun of its own", () => {
  const { opening } = useOfflineAnswerer();

  it("asks each side of its own noun (依托单位 of Zhejiang, 创建单位 of Zibo)", async () => {
    expect(sideQuestions("落实配套资金这件事，浙江的依托单位和淄博的创建单位是不是都得做？")?.map((s) => s.text)).toEqual([
      "浙江落实配套资金这件事，依托单位是不是得做？",
      "淄博落实配套资金这件事，创建单位是不是得做？",
    ]);
    expect(await opening("落实配套资金这件事，浙江的依托单位和淄博的创建单位是不是都得做？")).toMatch(/^都是。/);
  });

  it("keeps a measure named after the pair with each side (「浙江的考核和淄博的认定 频率」)", async () => {
    const text = await opening("浙江的考核和淄博的认定 频率有啥不一样");
    expect(text).toMatch(/浙江省（省级）：示范区每两年考核一次/);
    expect(text).toMatch(/淄博市（市级）：示范区每年度认定一次/);
  });
});

describe("a fee the applicant would pay", () => {
  const { answerer } = useOfflineAnswerer();

  it("says that neither text charges or states a fee, in Chinese and English", async () => {
    const fee = await answerer().answer("申报淄博市级示范区要交多少申报费？");
    expect(fee.refused).toBe(true);
    expect(fee.text).toMatch(/^淄博市建设方案没有写到“收费或费用”/);
    expect((await answerer().answer("报浙江省示范区要不要交钱？")).refused).toBe(true);
    const en = await answerer().answer("Is there an application fee for a Zhejiang demonstration zone?");
    expect(en.refused).toBe(true);
  });

  it("still answers the support for agency fees the text grants", async () => {
    const r = await answerer().answer("淄博示范区里代理涉外专利案件胜诉，维权代理费补助多少？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/5万元/);
  });
});

describe("another recognition named before 的认定", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("refuses naming it, verbs inside its name included, and still answers the zone's own recognition", async () => {
    const r = await answerer().answer("淄博市知识产权运营示范中心的认定条件和奖励是多少？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/没有写到“知识产权运营示范中心认定”/);
    expect(await opening("淄博示范区的认定结果分几档？")).toMatch(/优秀、合格和不合格三档/);
  });
});

describe("what 除了 sets aside, and a closing ask for the wording", () => {
  const { opening } = useOfflineAnswerer();

  it("keeps the clause of 除了 with the ask after it, its set-aside words and measures out of it", async () => {
    expect(await opening("我们园区这两年干得不错，主任说要冲个优秀。评上淄博示范区优秀除了名声好听，还有没有实在的好处？方案里是怎么写的？")).toMatch(
      /优先推荐申报国家知识产权服务业集聚区/,
    );
    expect(await opening("我们孵化器打算申报浙江示范区，想当依托单位，老板问除了场地和人手，依托单位自己还要不要掏钱？预算紧，先摸个底。")).toMatch(/落实配套资金/);
  });

  it("reads 「办法里是怎么写的」 after an ask as the same ask", () => {
    expect(splitAsks("评上优秀有啥好处？办法里是怎么写的？").length).toBe(1);
  });
});

describe("another document or recognition named, and a patent's annual fee", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("refuses naming a policy document the texts never write, and still answers of their own", async () => {
    const r = await answerer().answer("淄博市专利资助办法对发明专利授权资助多少？");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/没有写到“专利资助办法”/);
    expect(await opening("浙江这个试行办法什么时候开始实施？")).toMatch(/2018年1月1日/);
    expect(await opening("淄博方案是根据哪些文件制定的？")).toMatch(/工作实施办法/);
  });

  it("refuses a recognition asked how it is done (「…示范企业怎么评定」) and a patent's annual fee", async () => {
    expect((await answerer().answer("国家知识产权示范企业怎么评定？")).text).toMatch(/没有写到“国家知识产权示范企业评定”/);
    expect((await answerer().answer("发明专利每年的年费要交多少？")).refused).toBe(true);
  });
});

describe("how long a text is on trial", () => {
  const { opening } = useOfflineAnswerer();

  it("answers 「试行多久」 with the clause of each text's date of effect and trial, not its review period", async () => {
    expect(await opening("淄博那个方案试行多长时间？")).toMatch(/^本办法自2020年8月25日起实施，试用期一年（第十七条）/);
    expect(await opening("浙江的办法写了试行多久吗？")).not.toMatch(/每两年考核一次/);
  });
});

describe("a second chance after failing, asked in a long story", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 余地/缓冲/补救 as the texts' 限期整改, 当场 as when, and a count told in the story as scene", async () => {
    const q = "我们园区前年挂的浙江示范区的牌，今年人手走了好几个，这回考核有点悬😰 要是评了不合格，是不是当场就摘牌了？还有没有补救的余地？";
    expect(await opening(q)).toMatch(/限期整改/);
  });
});

describe("an English figure of what a text requires", () => {
  it("is no count of the asker's own zone unless the asker speaks of theirs", () => {
    expect(englishZoneFacts("Zhejiang needs 20 agencies and Zibo only 2, right?")).toBeUndefined();
    expect(englishZoneFacts("Our zone has 12 agencies. Zhejiang requires 20, right?")).toEqual({ serviceInstitutions: 12 });
  });
});

describe("which side reviews more often, in English", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 「reviews」 as 考核 and answers from the periods", async () => {
    expect(await opening("Which reviews more often, Zhejiang or Zibo?")).toMatch(/^Zibo \(municipal\) does it more often: every year against every 2 years\./);
  });
});

describe("where the materials go, asked as a place", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 「交到什么地方去」 as the body they go to, not a place", async () => {
    expect(await opening("我们是杭州的孵化器，申报浙江示范区的材料第一步要先交到什么地方去？")).toMatch(/^向设区市知识产权局提出申报申请（第九条）/);
  });

  it("answers the first step asked with the earliest sentence saying where an application goes", async () => {
    expect(await opening("淄博申报示范区，材料先交给谁？")).toMatch(/^向辖区内区县知识产权管理部门提出申报申请（第七条第2项）/);
    expect(await opening("浙江申报材料最后交到哪？")).toMatch(/向省知识产权局提交/);
  });
});

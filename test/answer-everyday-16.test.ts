/**
 * Round 9r: a follow-up that states a figure of its own (「那要是22家呢？」「那今年我们有两个人考下来呢？」) is worked
 * out with that figure — it takes the place of the one the carried question still states, and a count that drops
 * its noun counts what the conversation is about. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import type { PreviousTurn } from "../src/answer/answer.types.ts";
import { applyOwnNumbers } from "../src/answer/apply-own-numbers.ts";
import { asPreviousTurn } from "../src/answer/resolve-follow-up.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const TODAY = "2020-10-01";

describe("a follow-up's own figures", () => {
  it("replace the figure the carried question states", () => {
    const zone = applyOwnNumbers("园区现在有18家知识产权服务机构，够报浙江示范区吗 那要是22家呢", ["zhejiang"], TODAY, "那要是22家呢？")!;
    expect(zone.lines[0]).toContain("22 家");
    expect(zone.lines[0]).not.toContain("18 家");
    const won = applyOwnNumbers("淄博示范区的代理所帮企业打赢了2件涉外专利官司，能拿多少 那要是打赢5件呢", ["zibo"], TODAY, "那要是打赢5件呢？")!;
    // Five cases at 5 万 each come to 25 万, over the yearly cap of 20 万.
    expect(won.lines[0]).toMatch(/最高 20 万元/);
    const grants = applyOwnNumbers("淄博示范区代理机构当年代理本市发明专利授权100件，能拿多少 那150件呢", ["zibo"], TODAY, "那150件呢？")!;
    expect(grants.lines[0]).toMatch(/最高 3 万元.*150 件/);
  });

  it("leave the other facts of the earlier question standing", () => {
    const both = applyOwnNumbers("淄博示范区代理所今年办了3笔专利质押贷款，还有1个代理师新考下证书，一共多少 那贷款要是6笔呢", ["zibo"], TODAY, "那贷款要是6笔呢？")!;
    expect(both.lines.join("\n")).toMatch(/6 × 10,000/);
    expect(both.lines.join("\n")).toMatch(/1 × 10,000/);
  });

  it("count what the conversation is about when the follow-up drops the noun", () => {
    const heads = applyOwnNumbers("淄博示范区机构里有人新拿到国家专利代理师证书，给多少 那今年我们有两个人考下来", ["zibo"], TODAY, "那今年我们有两个人考下来呢？")!;
    expect(heads.lines[0]).toMatch(/最高 2 万元/);
    // A bare count where the conversation names two kinds of the same measure (loans and securitisations, both 笔)
    // is not guessed: the earlier figures stand.
    const unsure = applyOwnNumbers("淄博示范区代理所做了2笔质押贷款和1笔证券化，能拿多少 那4笔呢", ["zibo"], TODAY, "那4笔呢？")!;
    expect(unsure.lines.join("\n")).toMatch(/2 × 10,000/);
    expect(unsure.lines.join("\n")).not.toMatch(/4 × 10,000/);
  });

  it("read a rough count as a range, and an exact one in place of a rough one", () => {
    const rough = applyOwnNumbers("园区现在有15家知识产权服务机构，够报浙江示范区吗 那要是二十来家呢", ["zhejiang"], TODAY, "那要是二十来家呢？")!;
    expect(rough.lines.join("\n")).toMatch(/约数/);
    const exact = applyOwnNumbers("园区有二十来家服务机构，够浙江的条件吗 那要是25家呢", ["zhejiang"], TODAY, "那要是25家呢？")!;
    expect(exact.lines[0]).toContain("25 家");
    expect(exact.lines.join("\n")).not.toMatch(/约数/);
  });

  it("do not read a count of clients as one of agencies", () => {
    const clients = applyOwnNumbers("园区现在有18家知识产权服务机构，够报浙江示范区吗 那服务了30家企业呢", ["zhejiang"], TODAY, "那服务了30家企业呢？")!;
    expect(clients.lines[0]).toContain("18 家");
  });
});

describe("follow-ups with figures, through the answerer", () => {
  const { answerer, opening } = useOfflineAnswerer();

  async function turn(question: string): Promise<PreviousTurn[]> {
    return [asPreviousTurn(await answerer().answer(question))];
  }

  it("works out the new figure, not the earlier one", async () => {
    const zone = await turn("我们科技园入驻了18家知识产权服务机构，能申报浙江省的示范区吗？");
    expect(await opening("那要是22家呢？", zone)).toMatch(/22 家.*不少于 20 家/);

    const loans = await turn("在淄博示范区，代理机构促成一笔专利权质押贷款能拿多少支持？");
    expect(await opening("那要是5笔呢？", loans)).toMatch(/最高 5 万元/);

    const attorneys = await turn("淄博示范区机构里有人新拿到国家专利代理师证书，给多少？");
    expect(await opening("那今年我们所有三个人考下来呢？", attorneys)).toMatch(/最高 3 万元/);
  });
});

import { describe, expect, it } from "vitest";
import { createPendingChoices } from "../bot/wecom/pending-choices.ts";
import { formatChoices } from "../bot/wecom/wecom-format.ts";

describe("WeCom numbered replies", () => {
  const areaType = {
    kind: "choices" as const,
    text: "示范区位于哪类区域？",
    options: [
      { id: "zone.areaType=high-tech-park", label: "1. 高新园区" },
      { id: "zone.areaType=science-city", label: "2. 科技城" },
    ],
  };
  const institutions = {
    kind: "choices" as const,
    text: "区内现有知识产权服务点（机构）多少家？",
    options: [{ id: "skip:zone.serviceInstitutions", label: "不清楚，跳过" }],
    numberAnswer: true,
  };

  it("「2」 on a list of options is the second option", () => {
    const pending = createPendingChoices();
    pending.remember("u1", areaType);
    expect(pending.resolve("u1", "2")).toEqual(["zone.areaType=science-city"]);
    expect(formatChoices(areaType)).toContain("2. 科技城");
  });

  it("「2」 answering a count question stays the answer 2, and its skip button is offered by name", () => {
    const pending = createPendingChoices();
    pending.remember("u1", institutions);
    expect(pending.resolve("u1", "2")).toBeUndefined();
    expect(pending.resolve("u1", "不清楚，跳过")).toEqual(["skip:zone.serviceInstitutions"]);
    const text = formatChoices(institutions);
    expect(text).toContain("「不清楚，跳过」");
    expect(text).not.toMatch(/^1\. /mu);
  });
});

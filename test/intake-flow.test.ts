import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Reply } from "../src/assistant/message.types.ts";
import {
  advanceIntake,
  applicableQuestions,
  intakeStateSchema,
  questionsOf,
  repeatPrompt,
  resolveQuestion,
  startIntake,
  type IntakeEvent,
  type IntakeInput,
  type IntakeState,
  type IntakeStep,
  type StartIntakeOptions,
} from "../src/intake/index.ts";
import { requiredAgencyFacts, requiredFacts } from "../src/rules/required-facts.ts";
import { checkJurisdiction } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { serviceSchema, zoneProfileSchema, type Jurisdiction } from "../src/rules/zone-profile.schema.ts";
import { questionById } from "../src/intake/question-catalog.ts";

/** The services the intake offers in a jurisdiction. */
const serviceChoices = (j: Jurisdiction) => resolveQuestion(questionById("zone.services")!, j).options!;

const NOW = new Date("2026-11-22T02:00:00Z");

interface Run {
  steps: IntakeStep[];
  last: IntakeStep;
  state: IntakeState;
}

/** Feeds messages; between messages the state goes through JSON, as the core will store it. */
function more(from: Run, inputs: (string | IntakeInput)[]): Run {
  const steps = [...from.steps];
  let step = from.last;
  for (const input of inputs) {
    const stored = JSON.parse(JSON.stringify(step.state)) as IntakeState;
    step = advanceIntake(stored, input, NOW);
    steps.push(step);
  }
  return { steps, last: step, state: step.state };
}

function run(flow: "application" | "agency-estimate", opts: Omit<StartIntakeOptions, "now">, inputs: (string | IntakeInput)[]): Run {
  const first = startIntake(flow, { ...opts, now: NOW });
  return more({ steps: [first], last: first, state: first.state }, inputs);
}

const text = (reply: Reply | undefined) => (reply && reply.kind !== "document" ? reply.text : "");
const lastText = (r: Run) => r.last.replies.map(text).join("\n");
/** Question ids in the order they were put to the user. */
const askedIds = (r: Run) => r.steps.filter((s) => s.state.status === "asking").map((s) => s.state.pending);
function completed<T extends IntakeEvent["type"]>(r: Run, type: T): Extract<IntakeEvent, { type: T }> {
  expect(r.last.event.type).toBe(type);
  return r.last.event as Extract<IntakeEvent, { type: T }>;
}

const ZHEJIANG_ANSWERS = [
  "浙江",
  "杭州某某科技园发展有限公司",
  "91350100m000100y43",
  "张三",
  "+86 138 0000 0000",
  "杭州市西湖区某某路1号",
  "西湖知识产权服务业集聚区",
  "高新区",
  "孵化器",
  "民营",
  "有",
  "二十五家",
  "1.2万平方米",
  "全部",
  "具备",
];

const ZIBO_ANSWERS = [
  "淄博某某科技园发展有限公司",
  "91350100M000100Y43",
  "李四",
  "0533-1234567",
  "淄博市张店区某某路1号",
  "张店知识产权服务业集聚区",
  "经开区",
  "是",
  "3家",
  "以上都有",
  "有",
  "有",
  "还没有",
];

const AGENCY_ANSWERS = [
  "2021年",
  "是",
  "具备",
  "3笔",
  "1",
  "完全式、单项式",
  "是",
  "两名",
  "否",
  "是",
  "是",
  "2",
  "1",
  "没有",
  "130件",
  "甲公司 2件；乙公司 1件",
  "1家",
];

describe("申报准备: a whole applicant intake", () => {
  it("Zhejiang, typed answers → a ZoneProfile that the rules find eligible", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "确认"]);
    const event = completed(r, "completed");
    if (event.flow !== "application") throw new Error("wrong flow");
    expect(event.action).toBe("check");
    expect(event.jurisdiction).toBe("zhejiang");
    expect(event.profile).toEqual({
      jurisdiction: "zhejiang",
      asOf: "2026-11-22",
      applicant: {
        name: "杭州某某科技园发展有限公司",
        creditCode: "91350100M000100Y43",
        contactName: "张三",
        contactPhone: "13800000000",
        address: "杭州市西湖区某某路1号",
      },
      carrier: { type: "incubator", ownership: "private" },
      zone: {
        name: "西湖知识产权服务业集聚区",
        areaType: "high-tech-park",
        industryAdvantage: true,
        serviceInstitutions: 25,
        coreAreaSqm: 12_000,
        services: ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"],
        ipManagementSystem: true,
      },
    });
    expect(zoneProfileSchema.parse(event.profile)).toEqual(event.profile);
    expect(checkJurisdiction("zhejiang", event.profile).verdict).toBe("eligible");
    expect(r.state.status).toBe("done");
  });

  it("shows progress 「第 n/14 步」 and says why, citing the clause, on every Zhejiang question", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, -1));
    const questionSteps = r.steps.slice(1).filter((s) => s.state.status === "asking");
    expect(questionSteps).toHaveLength(14);
    questionSteps.forEach((s, i) => {
      const t = text(s.replies[0]);
      expect(t).toContain(`第 ${i + 1}/14 步`);
      expect(t).toContain("为什么问：");
      expect(t).toMatch(/依据：《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第.+条/);
    });
  });

  it("Zibo with the jurisdiction given starts at the applicant and asks 13 steps", () => {
    const r = run("application", { jurisdiction: "zibo" }, [...ZIBO_ANSWERS, "确认"]);
    expect(text(r.steps[0]!.replies[0])).toContain("第 1/13 步 · 申报单位名称");
    const event = completed(r, "completed");
    if (event.flow !== "application") throw new Error("wrong flow");
    expect(event.profile.applicant?.contactPhone).toBe("0533-1234567");
    expect(event.profile.county).toEqual({ managementMechanism: true, developmentPlan: true, supportPolicies: false });
    expect(event.profile.zone?.services).toEqual(serviceChoices("zibo").map((o) => o.id));
    expect(event.profile.zone?.areaType).toBe("development-zone");
    // 第五条（一） needs all three county facts; the third is missing, so the rules say not eligible.
    expect(checkJurisdiction("zibo", event.profile).verdict).toBe("not-eligible");
  });

  it("Zibo never asks the core area or the carrier; Zhejiang never asks the county", () => {
    const zibo = askedIds(run("application", { jurisdiction: "zibo" }, ZIBO_ANSWERS));
    expect(zibo).not.toContain("zone.coreAreaSqm");
    expect(zibo.filter((id) => id?.startsWith("carrier."))).toEqual([]);
    const zhejiang = askedIds(run("application", {}, ZHEJIANG_ANSWERS));
    expect(zhejiang.filter((id) => id?.startsWith("county."))).toEqual([]);
    expect(zhejiang).toContain("zone.coreAreaSqm");
  });
});

describe("the catalog asks what the rules read, and nothing more", () => {
  const kindOf = { boolean: "yes-no", count: "count", area: "area", enum: "choice", "multi-enum": "multi-choice", year: "year", text: "org-name" } as const;

  it.each(["zhejiang", "zibo"] as const)("%s: zone questions = requiredFacts, with the same clause and a fitting kind", (j: Jurisdiction) => {
    const state = { flow: "application" as const, facts: { jurisdiction: j } };
    const asked = applicableQuestions(state).filter((q) => q.purpose === "rule");
    const facts = requiredFacts(j);
    expect(asked.map((q) => q.id).sort()).toEqual(facts.map((f) => f.path).sort());
    for (const f of facts) {
      const q = resolveQuestion(asked.find((x) => x.id === f.path)!, j);
      expect(q.clause, f.path).toBe(f.clause);
      expect(q.kind, f.path).toBe(kindOf[f.kind]);
      for (const o of q.options ?? []) expect(f.options, f.path).toContain(o.id);
    }
  });

  it.each([
    ["zhejiang", "zj2018"],
    ["zibo", "zb2020"],
  ] as const)("%s: the service options are the services the rule parameters require", (j, policy) => {
    const params = JSON.parse(readFileSync(new URL(`../knowledge/rules/${policy}.params.json`, import.meta.url), "utf8"));
    // Whatever the parameters are called (Zhejiang splits fields and service types), collect every
    // list of services the rules require at the latest date.
    const required = new Set<string>();
    for (const p of Object.values(params.parameters) as { values: { value: unknown }[] }[]) {
      const latest = p.values.at(-1)?.value;
      if (Array.isArray(latest) && latest.length && latest.every((v) => serviceSchema.safeParse(v).success)) {
        for (const v of latest) required.add(v as string);
      }
    }
    expect(serviceChoices(j).map((o) => o.id).sort()).toEqual([...required].sort());
  });

  it("agency questions cover every fact the 第九条 estimate reads", () => {
    const roots = (path: string) => path.replace(/\[\]\..*$/, "").replace(/\.(foreign|major|zeroing|doubling)$/, "");
    const asked = new Set(questionsOf("agency-estimate").map((q) => roots(q.id)));
    const read = new Set(requiredAgencyFacts().map((f) => roots(f.path)));
    expect([...asked].sort()).toEqual([...read].sort());
  });
});

describe("资助测算: a whole agency intake", () => {
  it("typed answers → an AgencyInput the estimate accepts", () => {
    const r = run("agency-estimate", {}, [...AGENCY_ANSWERS, "确认"]);
    const event = completed(r, "completed");
    if (event.flow !== "agency-estimate") throw new Error("wrong flow");
    expect(event.action).toBe("estimate");
    expect(event.input).toEqual({
      jurisdiction: "zibo",
      year: 2021,
      asOf: "2026-11-22",
      agency: { inZone: true, patentAgencyQualified: true },
      pledgeLoans: 3,
      securitizations: 1,
      custody: { modes: ["full", "single"], certifiedOutstanding: true },
      newPatentAttorneys: 2,
      brand: { national: false, provincial: true, afterJoiningZone: true },
      wonCases: [
        { enterpriseInZone: true, kind: "foreign" },
        { enterpriseInZone: true, kind: "foreign" },
        { enterpriseInZone: true, kind: "major" },
      ],
      abnormalApplications: false,
      inventionGrants: 130,
      clients: [
        { name: "甲公司", program: "zeroing", inventionGrants: 2 },
        { name: "乙公司", program: "zeroing", inventionGrants: 1 },
        { name: "专利倍增客户 1", program: "doubling", inventionGrants: 5 },
      ],
    });
    expect(agencyInputSchema.parse(event.input)).toEqual(event.input);
    const estimate = estimateSupport(event.input);
    expect(estimate.items.map((i) => i.clause)).toContain("zb2020:9.1");
    expect(estimate.totalMax).toBeGreaterThan(0);
  });

  it("an agency outside the zone is asked nothing further, and the summary says why", () => {
    const r = run("agency-estimate", {}, ["2021", "否", "是"]);
    expect(r.state.status).toBe("confirming");
    expect(lastText(r)).toContain("只面向示范区内、有专利代理资质");
    expect(askedIds(r)).toEqual(["year", "agency.inZone", "agency.patentAgencyQualified"]);
  });

  it("abnormal applications void 第九条（五）, so grants and clients are not asked", () => {
    const r = run("agency-estimate", {}, [...AGENCY_ANSWERS.slice(0, 13), "有"]);
    expect(r.state.status).toBe("confirming");
    expect(askedIds(r)).not.toContain("inventionGrants");
    expect(askedIds(r)).not.toContain("clients.zeroing");
  });

  it("no custody service → the certification question is skipped", () => {
    const r = run("agency-estimate", {}, ["2021", "是", "是", "0", "0", "没有"]);
    expect(r.state.pending).toBe("newPatentAttorneys");
  });
});

describe("a question in the middle", () => {
  const toArea = ZHEJIANG_ANSWERS.slice(0, 12); // the next question is the core area

  it("is handed to the assistant and the pending question is asked again once", () => {
    const before = run("application", {}, toArea);
    expect(before.state.pending).toBe("zone.coreAreaSqm");
    const asked = more(before, ["核心区面积怎么算？"]);
    expect(asked.last.event).toEqual({ type: "question", text: "核心区面积怎么算？", questionId: "zone.coreAreaSqm" });
    expect(asked.last.replies).toHaveLength(1);
    expect(text(asked.last.replies[0])).toContain("核心区面积");
    expect({ ...asked.state, updatedAt: "" }).toEqual({ ...before.state, updatedAt: "" });
    const answered = more(asked, ["1200平米"]);
    expect(answered.state.facts["zone.coreAreaSqm"]).toBe(1200);
  });

  it("「20家够吗？」 is a question, but 「1200？」 is still an answer", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 11));
    expect(r.state.pending).toBe("zone.serviceInstitutions");
    expect(more(r, ["20家够吗？"]).last.event.type).toBe("question");
    expect(more(r, ["25？"]).state.facts["zone.serviceInstitutions"]).toBe(25);
  });

  it("a question starting with 有 is not taken as yes", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 14));
    expect(r.state.pending).toBe("zone.ipManagementSystem");
    const q = more(r, ["有管理制度具体指什么？"]);
    expect(q.last.event.type).toBe("question");
    expect(q.state.facts["zone.ipManagementSystem"]).toBeUndefined();
  });

  it("on the summary, the assistant answers and the confirmation is offered again", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "申报截止时间是什么时候？"]);
    expect(r.last.event.type).toBe("question");
    expect(r.state.status).toBe("confirming");
    expect(r.last.replies[0]).toMatchObject({ kind: "choices", options: [{ id: "confirm" }, { id: "edit" }] });
  });

  it("「为什么问这个」 explains the question and names its clause", () => {
    const r = more(run("application", {}, toArea), ["为什么问这个"]);
    expect(r.last.event).toEqual({ type: "explain", questionId: "zone.coreAreaSqm", clause: "zj2018:6.3" });
    expect(lastText(r)).toContain("1000 平方米");
  });
});

describe("corrections", () => {
  it("「其实是1200平米」 corrects the area, not the count answered after it", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 11), "25家", "900平米", "其实是1200平米"]);
    expect(r.last.event).toMatchObject({ type: "answered", questionId: "zone.coreAreaSqm", value: 1200, corrected: true });
    expect(r.state.facts["zone.serviceInstitutions"]).toBe(25);
    expect(r.state.pending).toBe("zone.services");
    expect(lastText(r)).toContain("已修改：核心区面积 改为 1,200 平方米");
  });

  it("「修改 面积」 reopens it with the current answer, then the intake goes on where it was", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 13));
    expect(r.state.pending).toBe("zone.services");
    const edit = more(r, ["修改 面积"]);
    expect(edit.last.event).toEqual({ type: "edit", questionId: "zone.coreAreaSqm" });
    expect(lastText(edit)).toContain("当前答案：12,000 平方米");
    const done = more(edit, ["一千五百平"]);
    expect(done.state.facts["zone.coreAreaSqm"]).toBe(1500);
    expect(done.state.pending).toBe("zone.services");
  });

  it("「面积改成1500」 changes it in one message", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "面积改成1500"]);
    expect(r.state.facts["zone.coreAreaSqm"]).toBe(1500);
    expect(r.state.status).toBe("confirming");
  });

  it("the summary lists every answer; 「修改 3」 reopens step 3 and 「保持」 keeps it", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS);
    const summary = lastText(r);
    expect(summary).toContain("申报地区：浙江省");
    expect(summary).toContain("3. 联系人：张三");
    expect(summary).toContain("12. 核心区面积：12,000 平方米");
    expect(summary).toContain("14. 知识产权管理制度：是");
    const edit = more(r, ["修改 3"]);
    expect(edit.state.pending).toBe("applicant.contactName");
    const kept = more(edit, ["保持"]);
    expect(kept.last.event).toEqual({ type: "kept", questionId: "applicant.contactName" });
    expect(kept.state.status).toBe("confirming");
    expect(kept.state.facts["applicant.contactName"]).toBe("张三");
  });

  it("the summary's buttons pick the item to change", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, { choice: "edit" }]);
    const picker = r.last.replies[0]!;
    expect(picker.kind).toBe("choices");
    if (picker.kind !== "choices") return;
    expect(picker.options.map((o) => o.id)).toContain("edit:zone.coreAreaSqm");
    const edit = more(r, [{ choice: "edit:zone.coreAreaSqm" }, "2000"]);
    expect(edit.state.facts["zone.coreAreaSqm"]).toBe(2000);
    expect(edit.state.status).toBe("confirming");
  });

  it("changing the jurisdiction clears the Zhejiang-only facts, keeps the applicant, and asks Zibo's", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "修改 地区", "淄博"]);
    expect(r.last.event).toMatchObject({
      type: "answered",
      questionId: "jurisdiction",
      cleared: expect.arrayContaining(["carrier.type", "carrier.ownership", "zone.coreAreaSqm", "zone.services", "zone.ipManagementSystem"]),
    });
    expect(r.state.facts["applicant.name"]).toBe("杭州某某科技园发展有限公司");
    expect(r.state.facts["zone.serviceInstitutions"]).toBe(25);
    expect(r.state.facts["zone.coreAreaSqm"]).toBeUndefined();
    expect(r.state.pending).toBe("zone.services");
    const done = more(r, ["全部", "是", "是", "是", "确认"]);
    const event = completed(done, "completed");
    if (event.flow !== "application") throw new Error("wrong flow");
    expect(event.jurisdiction).toBe("zibo");
    expect(event.profile.carrier).toBeUndefined();
    expect(event.profile.zone?.coreAreaSqm).toBeUndefined();
  });

  it("changing the carrier type clears its ownership and asks it again", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "修改 依托单位类型", "众创空间"]);
    expect(r.last.event).toMatchObject({ type: "answered", questionId: "carrier.type", cleared: ["carrier.ownership"] });
    expect(r.state.pending).toBe("carrier.ownership");
    expect(lastText(r)).toContain("「依托单位性质」依赖原来的「依托单位类型」");
  });

  it("re-entering the same value clears nothing", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS, "修改 依托单位类型", "孵化器"]);
    expect(r.last.event).toMatchObject({ type: "answered", cleared: [] });
    expect(r.state.status).toBe("confirming");
  });

  it("agency: withdrawing both brands clears 「进驻后取得」; changing custody modes clears the certification", () => {
    const r = run("agency-estimate", {}, [...AGENCY_ANSWERS, "修改 省级", "否"]);
    expect(r.last.event).toMatchObject({ cleared: ["brand.afterJoiningZone"] });
    expect(r.state.status).toBe("confirming");
    const custody = more(r, ["修改 托管方式", "顾问式"]);
    expect(custody.last.event).toMatchObject({ cleared: ["custody.certifiedOutstanding"] });
    expect(custody.state.pending).toBe("custody.certifiedOutstanding");
  });

  it("a correction that names its item inside the value: 「其实没有代理资质」", () => {
    const r = run("agency-estimate", {}, ["2021", "是", "是", "其实没有代理资质"]);
    expect(r.last.event).toMatchObject({ type: "answered", questionId: "agency.patentAgencyQualified", value: false, corrected: true });
    expect(r.state.status).toBe("confirming");
  });

  it("「修改面积」 in a Zibo intake says the item is not needed there", () => {
    const r = run("application", { jurisdiction: "zibo" }, [...ZIBO_ANSWERS.slice(0, 3), "修改面积"]);
    expect(lastText(r)).toContain("「核心区面积」在当前情况下不需要填写");
    expect(r.state.pending).toBe("applicant.contactPhone");
  });

  it("「上一步」 reopens the previous question", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 3), "上一步"]);
    expect(r.state.pending).toBe("applicant.creditCode");
    expect(r.state.editing).toBe(true);
  });

  it("an address that starts with 改 is an address, not an edit", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 5), "改革路1号创业大厦"]);
    expect(r.state.facts["applicant.address"]).toBe("改革路1号创业大厦");
  });
});

describe("unknown and bad answers", () => {
  it("「不知道」 leaves a fact unknown: left out of the profile and marked on the summary", () => {
    const answers = [...ZHEJIANG_ANSWERS];
    answers[12] = "不知道";
    const r = run("application", {}, answers);
    expect(r.state.unknown).toEqual(["zone.coreAreaSqm"]);
    expect(lastText(r)).toContain("12. 核心区面积：未知（已跳过）");
    const done = more(r, ["确认"]);
    const event = completed(done, "completed");
    if (event.flow !== "application") throw new Error("wrong flow");
    expect(event.profile.zone).not.toHaveProperty("coreAreaSqm");
    expect(checkJurisdiction("zhejiang", event.profile).verdict).toBe("needs-review");
  });

  it("the skip button does the same", () => {
    const r = run("application", { jurisdiction: "zibo" }, [{ choice: "skip:applicant.name" }]);
    expect(r.state.unknown).toEqual(["applicant.name"]);
    expect(r.last.event).toEqual({ type: "skipped", questionId: "applicant.name" });
  });

  it("a required question cannot be skipped", () => {
    const r = run("agency-estimate", {}, ["跳过"]);
    expect(r.last.event).toMatchObject({ type: "invalid", questionId: "year" });
    expect(r.state.pending).toBe("year");
    expect(lastText(r)).toContain("必填");
  });

  it("a bad answer says what is expected with an example and loses nothing", () => {
    const before = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 2));
    const r = more(before, ["91350100M000100Y44"]);
    expect(r.last.event).toMatchObject({ type: "invalid", questionId: "applicant.creditCode", misses: 1, offerHelp: false });
    expect(lastText(r)).toContain("校验位");
    expect(lastText(r)).toContain("例如：");
    expect(r.state.facts).toEqual(before.state.facts);
  });

  it("after three misses on the same question, help and skip are offered", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 12), "很大", "挺大的", "不小"]);
    const events = r.steps.slice(-3).map((s) => s.event);
    expect(events.map((e) => e.type === "invalid" && e.offerHelp)).toEqual([false, false, true]);
    const reply = r.last.replies[0]!;
    expect(reply.kind).toBe("choices");
    if (reply.kind === "choices") expect(reply.options.map((o) => o.id)).toEqual(["skip:zone.coreAreaSqm", "explain:zone.coreAreaSqm"]);
    expect(r.state.facts["zone.serviceInstitutions"]).toBe(25);
    const skipped = more(r, [{ choice: "skip:zone.coreAreaSqm" }]);
    expect(skipped.state.unknown).toContain("zone.coreAreaSqm");
    expect(skipped.state.misses).toEqual({});
  });
});

describe("buttons", () => {
  it("yes/no and single choices take the pressed option id", () => {
    const r = run("application", {}, [{ choice: "jurisdiction=zhejiang" }]);
    expect(r.state.facts.jurisdiction).toBe("zhejiang");
    const yes = run("application", { jurisdiction: "zibo" }, [...ZIBO_ANSWERS.slice(0, 7), { choice: "zone.industryAdvantage=yes" }]);
    expect(yes.state.facts["zone.industryAdvantage"]).toBe(true);
  });

  it("multi-choice options toggle, then 「完成」 records them in option order", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 13), ...["trademark", "patent", "legal", "legal"].map((s) => ({ choice: `zone.services=${s}` }))]);
    expect(r.last.event).toEqual({ type: "selection", questionId: "zone.services", selected: ["patent", "trademark"] });
    expect(r.last.replies[0]).toMatchObject({ kind: "choices", multi: true, selected: ["zone.services=patent", "zone.services=trademark"] });
    expect(r.state.facts["zone.services"]).toBeUndefined();
    const done = more(r, [{ choice: "done" }]);
    expect(done.state.facts["zone.services"]).toEqual(["patent", "trademark"]);
  });

  it("a button of an earlier question changes nothing", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 12), { choice: "carrier.type=incubator" }]);
    expect(r.last.event.type).toBe("invalid");
    expect(r.state.pending).toBe("zone.coreAreaSqm");
    expect(r.state.facts["carrier.type"]).toBe("incubator");
  });

  it("fixed-option questions offer their enum values as ids, named by the question", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 8));
    expect(r.state.pending).toBe("carrier.type");
    const reply = r.last.replies[0]!;
    if (reply.kind !== "choices") throw new Error("expected choices");
    expect(reply.options.map((o) => o.id)).toEqual([
      ...["sci-tech-service-center", "incubator", "maker-space", "tech-market", "university-science-park", "tech-transfer-agency", "other"].map(
        (v) => `carrier.type=${v}`,
      ),
      "skip:carrier.type",
    ]);
  });

  it("a double tap on 「其他」 for the area type does not answer the carrier type asked next", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 7), { choice: "zone.areaType=other" }, { choice: "zone.areaType=other" }]);
    expect(r.state.facts["zone.areaType"]).toBe("other");
    expect(r.state.facts["carrier.type"]).toBeUndefined();
    expect(r.state.pending).toBe("carrier.type");
    expect(r.last.event.type).toBe("invalid");
  });

  it("an old 「是」 button does not answer the next yes/no question", () => {
    const r = run("application", { jurisdiction: "zibo" }, [...ZIBO_ANSWERS.slice(0, 10), { choice: "county.managementMechanism=yes" }, { choice: "county.managementMechanism=yes" }]);
    expect(r.state.pending).toBe("county.developmentPlan");
    expect(r.state.facts["county.developmentPlan"]).toBeUndefined();
  });

  it("an old 「跳过」 button does not skip the next question", () => {
    const r = run("application", {}, [...ZHEJIANG_ANSWERS.slice(0, 2), { choice: "skip:applicant.creditCode" }, { choice: "skip:applicant.creditCode" }]);
    expect(r.state.unknown).toEqual(["applicant.creditCode"]);
    expect(r.state.pending).toBe("applicant.contactName");
  });

  it("every button id fits Telegram's 64-byte callback_data with its 2-byte prefix", () => {
    const ids = new Set<string>();
    for (const flow of ["application", "agency-estimate"] as const) {
      for (const j of ["zhejiang", "zibo"] as const) {
        for (const q of questionsOf(flow)) {
          const resolvedQ = resolveQuestion(q, j);
          for (const o of resolvedQ.options ?? []) ids.add(`${q.id}=${o.id}`);
          for (const c of ["skip", "keep", "explain", "edit"]) ids.add(`${c}:${q.id}`);
          ids.add(`${q.id}=yes`);
        }
      }
    }
    const longest = Math.max(...[...ids].map((id) => Buffer.byteLength(id, "utf8")));
    expect(longest).toBeLessThanOrEqual(62);
  });
});

describe("the state", () => {
  it("is plain JSON and advanceIntake never changes the state it is given", () => {
    const r = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 5));
    const frozen = JSON.stringify(r.state);
    advanceIntake(r.state, "杭州市西湖区某某路1号", NOW);
    expect(JSON.stringify(r.state)).toBe(frozen);
    expect(intakeStateSchema.parse(JSON.parse(frozen))).toEqual(r.state);
  });

  it("repeatPrompt asks again what the intake waits for, e.g. after a break", () => {
    const asking = run("application", {}, ZHEJIANG_ANSWERS.slice(0, 12));
    expect(text(repeatPrompt(asking.state)[0])).toContain("第 12/14 步 · 核心区面积");
    const confirming = run("application", {}, ZHEJIANG_ANSWERS);
    expect(repeatPrompt(confirming.state)[0]).toMatchObject({ kind: "choices", options: [{ id: "confirm" }, { id: "edit" }] });
    expect(repeatPrompt(more(confirming, ["确认"]).state)).toEqual([]);
  });

  it("「退出」 cancels; messages after the end are not intake messages", () => {
    const r = run("application", {}, ["浙江", "退出"]);
    expect(r.last.event).toEqual({ type: "cancelled" });
    expect(more(r, ["你好"]).last.event).toEqual({ type: "closed" });
  });

  it("never throws and stays valid, whatever mix of answers, commands and noise arrives", () => {
    const pool = [
      ...ZHEJIANG_ANSWERS, ...ZIBO_ANSWERS, ...AGENCY_ANSWERS,
      "不知道", "跳过", "确认", "修改 3", "修改 面积", "修改 地区", "其实是1200平米", "上一步", "保持", "为什么问这个",
      "核心区面积怎么算？", "修改", "完成", "", "？", "1,3,5", "淄博", "浙江",
    ];
    const input = fc.oneof(
      fc.constantFrom(...pool),
      fc.string({ maxLength: 12 }),
      fc.constantFrom("yes", "no", "skip", "done", "confirm", "edit", "keep", "explain", "patent", "full", "edit:zone.coreAreaSqm", "edit:year", "zibo", "jurisdiction=zibo", "zone.services=patent", "custody.modes=full", "skip:year", "keep:zone.coreAreaSqm", "explain:agency.inZone", "agency.inZone=yes").map((choice) => ({ choice })),
    );
    fc.assert(
      fc.property(fc.constantFrom("application" as const, "agency-estimate" as const), fc.array(input, { maxLength: 40 }), (flow, inputs) => {
        const r = run(flow, {}, [...inputs, "确认"]);
        for (const step of r.steps) {
          expect(intakeStateSchema.safeParse(step.state).success).toBe(true);
          expect(step.replies.length > 0 || step.event.type === "closed").toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

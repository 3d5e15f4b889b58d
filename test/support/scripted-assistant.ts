/**
 * A small scripted `Assistant` for channel tests and benchmarks: the adapter
 * is the thing under test, so the core's behaviour here is fixed and simple.
 *
 * Script (per user):
 * - 「帮助」 → a help text.
 * - 「我想申报示范区」 → (1/3) carrier type, a single choice;
 *   then (2/3) 是否有产业优势, yes/no;
 *   then (3/3) services, a multi-select: each option id toggles, `done` ends
 *   with a text and a `.docx` document (a real zip header, so file-type checks pass).
 * - 「测算一下我们能拿多少资助」 → a long answer full of citations (~9,000 characters).
 * - 「慢：…」 → answers after `slowMs`.
 * - 「出错」 → throws, for the error boundary.
 * - 「取消」 → forgets the user's progress.
 * - a number while a choice is pending → that option (as the real intake does).
 * - anything else → 「收到：<text>」.
 *
 * Every call is recorded in `calls`, so tests can assert the core was (not) reached.
 */
import type { Assistant, ChoiceOption, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";

export const CARRIER_OPTIONS: ChoiceOption[] = [
  { id: "sci-tech-service-center", label: "科创服务中心" },
  { id: "incubator", label: "科技企业孵化器" },
  { id: "maker-space", label: "众创空间" },
  { id: "tech-market", label: "科技大市场" },
  { id: "university-science-park", label: "大学科技园" },
  { id: "tech-transfer-agency", label: "技术转移服务机构" },
  { id: "other", label: "其他" },
];
export const YES_NO_OPTIONS: ChoiceOption[] = [
  { id: "yes", label: "是" },
  { id: "no", label: "否" },
];
export const SERVICE_OPTIONS: ChoiceOption[] = [
  { id: "patent", label: "专利" },
  { id: "trademark", label: "商标" },
  { id: "copyright", label: "版权" },
  { id: "agency", label: "代理" },
  { id: "legal", label: "法律" },
  { id: "geographical-indication", label: "地理标志" },
];

/** Marks a `.docx` file: it is a zip archive, so it starts with PK\x03\x04. */
export const DOCX_MAGIC = Uint8Array.from([0x50, 0x4b, 0x03, 0x04]);
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const CITATION = "《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条（五）";

/** ~9,000 characters of paragraphs, each with citations, so any split has to choose its cuts. */
export function longCitedAnswer(): string {
  const paragraphs: string[] = [];
  for (let i = 1; i <= 70; i++) {
    paragraphs.push(
      `${i}. 依据${CITATION}，本年度代理本市发明专利授权超过120件的，最高可获3万元；` +
        `同时参照《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条（三），` +
        `示范区应集聚20家以上服务机构，核心区面积不少于1000平方米，并说明第九条（一）所列的政银保专利质押贷款情况。`,
    );
  }
  return paragraphs.join("\n\n");
}

type Step = "carrier" | "advantage" | "services";
interface UserState {
  step?: Step;
  services: Set<string>;
}

export interface ScriptedAssistant extends Assistant {
  calls: IncomingMessage[];
  /** delay of 「慢：…」 answers */
  slowMs: number;
}

export function createScriptedAssistant(options: { slowMs?: number; delayMs?: number } = {}): ScriptedAssistant {
  const states = new Map<string, UserState>();
  const calls: IncomingMessage[] = [];

  const carrierQuestion = (): Reply => ({ kind: "choices", text: "（1/3）请选择载体类型：", options: CARRIER_OPTIONS });
  const advantageQuestion = (): Reply => ({ kind: "choices", text: "（2/3）园区是否具有产业优势？", options: YES_NO_OPTIONS });
  const servicesQuestion = (state: UserState): Reply => ({
    kind: "choices",
    text: "（3/3）园区提供哪些知识产权服务？可多选，选好后点「完成」。",
    options: SERVICE_OPTIONS,
    multi: true,
    selected: SERVICE_OPTIONS.filter((o) => state.services.has(o.id)).map((o) => o.id),
  });

  function pendingOptions(state: UserState): ChoiceOption[] {
    if (state.step === "carrier") return CARRIER_OPTIONS;
    if (state.step === "advantage") return YES_NO_OPTIONS;
    if (state.step === "services") return [...SERVICE_OPTIONS, { id: "done", label: "完成" }];
    return [];
  }

  function choose(userId: string, state: UserState, choice: string): Reply[] {
    switch (state.step) {
      case "carrier":
        if (!CARRIER_OPTIONS.some((o) => o.id === choice)) return [{ kind: "text", text: "请从列表中选择载体类型。" }, carrierQuestion()];
        state.step = "advantage";
        return [advantageQuestion()];
      case "advantage":
        if (!YES_NO_OPTIONS.some((o) => o.id === choice)) return [advantageQuestion()];
        state.step = "services";
        return [servicesQuestion(state)];
      case "services": {
        if (choice === "done") {
          const picked = SERVICE_OPTIONS.filter((o) => state.services.has(o.id)).map((o) => o.label);
          states.delete(userId);
          const body = new TextEncoder().encode(`申报书草稿：${picked.join("、")}`);
          const data = new Uint8Array(DOCX_MAGIC.length + body.length);
          data.set(DOCX_MAGIC);
          data.set(body, DOCX_MAGIC.length);
          return [
            { kind: "text", text: `已记录服务：${picked.join("、") || "无"}。申报书草稿已生成。` },
            { kind: "document", fileName: "申报书草稿.docx", mimeType: DOCX_MIME, data, caption: "示范区申报书草稿" },
          ];
        }
        if (!SERVICE_OPTIONS.some((o) => o.id === choice)) return [servicesQuestion(state)];
        if (state.services.has(choice)) state.services.delete(choice);
        else state.services.add(choice);
        return [servicesQuestion(state)];
      }
      default:
        return [{ kind: "text", text: "这个选项已失效，请重新开始。" }];
    }
  }

  const assistant: ScriptedAssistant = {
    calls,
    slowMs: options.slowMs ?? 1_500,
    async handle(message) {
      calls.push(message);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      let state = states.get(message.userId);
      if (!state) {
        state = { services: new Set() };
        states.set(message.userId, state);
      }
      if (message.choice !== undefined) return choose(message.userId, state, message.choice);

      const text = (message.text ?? "").trim();
      const number = /^\d+$/.test(text) ? Number(text) : undefined;
      const pending = pendingOptions(state);
      if (number !== undefined && number >= 1 && number <= pending.length) return choose(message.userId, state, pending[number - 1]!.id);

      if (text === "帮助") return [{ kind: "text", text: "我可以回答示范区政策问题、帮您自检申报资格、测算资助。" }];
      if (text === "取消") {
        states.delete(message.userId);
        return [{ kind: "text", text: "已取消。" }];
      }
      if (text === "我想申报示范区") {
        state.step = "carrier";
        state.services.clear();
        return [carrierQuestion()];
      }
      if (text === "测算一下我们能拿多少资助") return [{ kind: "text", text: longCitedAnswer() }];
      if (text.startsWith("慢：")) {
        await new Promise((r) => setTimeout(r, assistant.slowMs));
        return [{ kind: "text", text: `想好了：${text.slice(2)}` }];
      }
      if (text === "出错") throw new Error("scripted failure for 13800138000");
      return [{ kind: "text", text: `收到：${text}` }];
    },
  };
  return assistant;
}

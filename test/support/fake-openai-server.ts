/**
 * An OpenAI-compatible server on 127.0.0.1 for tests: /v1/chat/completions
 * and /v1/embeddings, with per-test behaviour (a reply, a 500, a delay) and a
 * record of every request. Embeddings are deterministic hashed character
 * bigrams, so an index built through it retrieves sensibly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
}

export type ChatBehaviour =
  | { reply: string; delayMs?: number }
  | { status: number; body?: unknown; delayMs?: number };

export interface RecordedRequest {
  path: string;
  body: unknown;
}

export interface FakeOpenAiServer {
  /** base URL to configure, ending in /v1 */
  baseURL: string;
  requests: RecordedRequest[];
  /** what the next chat completions return (default: cite the first piece of the context) */
  onChat(handler: (req: ChatRequest) => ChatBehaviour): void;
  chatRequests(): ChatRequest[];
  embeddingInputs(): string[];
  close(): Promise<void>;
}

export const FAKE_EMBEDDING_DIMENSIONS = 64;

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0);
  for (let i = 0; i + 2 <= text.length; i++) v[hash(text.slice(i, i + 2)) % FAKE_EMBEDDING_DIMENSIONS]! += 1;
  const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
  return v.map((x) => x / norm);
}

/** A reply in the labelled format the answerer asks for (src/answer/model-reply.schema.ts). */
export function modelReply(answer: string, citations: readonly string[] = [], covered = true): string {
  return `COVERED: ${covered ? "yes" : "no"}\nCITATIONS: ${citations.join(", ")}\nANSWER: ${answer}`;
}

/**
 * Default model behaviour, a well-behaved grounded model: it quotes the first
 * piece of the <资料> block verbatim and cites it, in English around the quote
 * when the question is English; with no piece it says the texts do not cover it.
 */
export function citeFirstPiece(req: ChatRequest): ChatBehaviour {
  const user = req.messages.find((m) => m.role === "user")?.content ?? "";
  const piece = /^\[((?:zj2018|zb2020):[\w.]+)\] [^：\n]*：(.*)$/m.exec(user);
  if (!piece) return { reply: modelReply("", [], false) };
  const [, id, text] = piece as unknown as [string, string, string];
  const english = /The question is in English/.test(user);
  return { reply: modelReply(english ? `The text says: 「${text}」 [${id}]` : `原文规定：「${text}」[${id}]`, [id]) };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : {};
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  let chatHandler: (req: ChatRequest) => ChatBehaviour = citeFirstPiece;

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = (req.url ?? "").replace(/\?.*$/, "");
      requests.push({ path, body });

      if (req.method === "POST" && path === "/v1/chat/completions") {
        const chat = body as ChatRequest;
        const behaviour = chatHandler(chat);
        if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
        if ("status" in behaviour) {
          send(res, behaviour.status, behaviour.body ?? { error: { message: "fake upstream failure", type: "server_error" } });
          return;
        }
        send(res, 200, {
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: chat.model,
          choices: [{ index: 0, message: { role: "assistant", content: behaviour.reply }, finish_reason: "stop" }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        });
        return;
      }

      if (req.method === "POST" && path === "/v1/embeddings") {
        const { input, model, encoding_format } = body as { input: string | string[]; model: string; encoding_format?: string };
        const inputs = Array.isArray(input) ? input : [input];
        const data = inputs.map((text, index) => {
          const vector = fakeEmbedding(String(text));
          // The openai SDK asks for base64 unless told otherwise: little-endian float32.
          const embedding = encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
          return { object: "embedding", index, embedding };
        });
        send(res, 200, { object: "list", data, model, usage: { prompt_tokens: 1, total_tokens: 1 } });
        return;
      }

      send(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    })().catch((err: unknown) => send(res, 500, { error: { message: String(err) } }));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    onChat(handler) {
      chatHandler = handler;
    },
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body as ChatRequest),
    embeddingInputs: () =>
      requests
        .filter((r) => r.path === "/v1/embeddings")
        .flatMap((r) => {
          const input = (r.body as { input: string | string[] }).input;
          return Array.isArray(input) ? input : [input];
        }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

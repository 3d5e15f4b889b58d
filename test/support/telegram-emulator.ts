/**
 * A loopback Telegram Bot API for tests: `telegram-test-api` (an emulator of
 * the Bot API: getUpdates, sendMessage, edits, callback queries) behind one
 * small HTTP front that adds what the emulator lacks and the adapter uses:
 * sendDocument (multipart), sendChatAction, setMyCommands, long polling for
 * getUpdates, and injected failures (429 / 5xx) for retry tests.
 *
 * Point grammY at it with `client.apiRoot = emulator.apiRoot`.
 *
 * @example
 *   const tg = await startTelegramEmulator();
 *   const user = tg.user({ id: 1001 });
 *   await user.send("/apply");
 *   const question = await user.nextReply();
 *   await user.press(question, "科技企业孵化器");
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { readBody as readLimitedBody } from "../../bot/shared/http-server.ts";
import { parseMultipart } from "./multipart.ts";

export interface EmulatedBotMessage {
  messageId: number;
  chatId: number;
  /** when the emulator received it (ms since epoch) */
  at: number;
  text?: string;
  buttons: { text: string; data: string }[][];
  document?: { fileName: string; mimeType: string; data: Buffer; caption?: string };
}

export interface RecordedCall {
  method: string;
  at: number;
  /** the request parameters, for the methods this front answers itself */
  payload?: Record<string, unknown>;
}

export interface InjectedFailure {
  errorCode: number;
  description?: string;
  retryAfter?: number;
}

export interface EmulatedTelegramUser {
  id: number;
  /** Sends text (a leading "/" makes it a command). Returns the webhook's HTTP status in webhook mode. */
  send(text: string): Promise<number | undefined>;
  /** Presses the button whose text equals (or matches) `button` on `message`. */
  press(message: EmulatedBotMessage, button: string | RegExp): Promise<number | undefined>;
  /** The next bot message in this chat not yet returned by `nextReply`. */
  nextReply(timeoutMs?: number): Promise<EmulatedBotMessage>;
  /** All bot messages in this chat, as they are now (after edits). */
  messages(): EmulatedBotMessage[];
  /** The current state of one bot message (after edits). */
  message(messageId: number): EmulatedBotMessage | undefined;
}

export interface TelegramEmulator {
  apiRoot: string;
  token: string;
  emulator: TelegramServer;
  /**
   * A user in a private chat (chat id = user id). Updates go through the
   * emulator's queue (the bot polls), or with `webhook` straight to the bot's
   * webhook with the secret header, as Telegram does.
   */
  user(options?: { id?: number; firstName?: string; webhook?: { url: string; secret?: string } }): EmulatedTelegramUser;
  botMessages(chatId?: number): EmulatedBotMessage[];
  calls(method?: string): RecordedCall[];
  /** While down, every Bot API request has its connection reset (the API unreachable). */
  setDown(down: boolean): void;
  /** The next `times` calls of `method` fail with this Bot API error. */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  /** POSTs a raw update to a webhook; returns the status and how long the answer took. */
  postUpdate(url: string, update: object, secret?: string): Promise<{ status: number; ms: number }>;
  nextUpdateId(): number;
  stop(): Promise<void>;
}

/** Polls `probe` until it returns something truthy. */
export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startTelegramEmulator(options: { token?: string } = {}): Promise<TelegramEmulator> {
  const token = options.token ?? "123456:TEST-token";
  const emulator = new TelegramServer({ host: "127.0.0.1", storeTimeout: 3_600 });
  // The emulator's Express app answers the Bot API routes it knows; we mount
  // it in our own server instead of calling start(), which cannot take port 0.
  const expressApp = Reflect.get(emulator, "webServer") as (req: IncomingMessage, res: ServerResponse) => void;
  const calls: RecordedCall[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const documents = new Map<number, NonNullable<EmulatedBotMessage["document"]>>();
  let updateId = 1_000_000;
  let down = false;
  /** Updates handed out by getUpdates and not yet confirmed by a higher offset: sent again, as Telegram does. */
  let unconfirmed: { update_id: number }[] = [];

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const m = /^\/bot([^/]+)\/([A-Za-z]+)/.exec(req.url ?? "");
    if (!m) return expressApp(req, res);
    const method = m[2]!;
    if (down) return void req.socket.destroy();
    const call: RecordedCall = { method, at: Date.now() };
    calls.push(call);

    const queued = failures.get(method);
    const failure = queued?.shift();
    if (failure) {
      await readBody(req);
      const body = {
        ok: false,
        error_code: failure.errorCode,
        description: failure.description ?? (failure.errorCode === 429 ? "Too Many Requests: retry later" : "Internal Server Error"),
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      };
      return json(res, failure.errorCode, body);
    }

    switch (method) {
      case "getUpdates": {
        const params = (await readParams(req)) as { timeout?: number; offset?: number };
        // Telegram forgets updates below the offset asked for, and answers the rest again.
        const offset = Number(params.offset ?? 0);
        unconfirmed = unconfirmed.filter((u) => u.update_id >= offset);
        // Long polling, shortened: the emulator itself answers at once.
        const deadline = Date.now() + Math.min(Number(params.timeout ?? 0), 1) * 1_000;
        for (;;) {
          if (!res.destroyed) unconfirmed.push(...(emulator.getUpdates(m[1]!) as { update_id: number }[]));
          const updates = res.destroyed ? [] : unconfirmed;
          if (updates.length > 0 || Date.now() >= deadline || res.destroyed) return json(res, 200, { ok: true, result: updates });
          await new Promise((r) => setTimeout(r, 15));
        }
      }
      case "sendDocument": {
        const form = parseMultipart(await readBody(req), req.headers["content-type"]);
        const chatId = Number(form.get("chat_id"));
        const caption = form.get("caption");
        let file = form.get("document");
        if (typeof file === "string" && file.startsWith("attach://")) file = form.get(file.slice("attach://".length));
        if (!file || typeof file === "string") return json(res, 400, { ok: false, error_code: 400, description: "Bad Request: there is no document in the request" });
        const doc = {
          fileName: file.name,
          mimeType: file.type,
          data: file.data,
          caption: typeof caption === "string" ? caption : undefined,
        };
        call.payload = { chat_id: chatId, caption: doc.caption, fileName: doc.fileName };
        // Stored as a bot message so the chat history keeps its order.
        const message = emulator.addBotMessage({ chat_id: chatId, caption: doc.caption } as never, m[1]!);
        documents.set(message.message_id, doc);
        return json(res, 200, {
          ok: true,
          result: { ...message, document: { file_id: `file-${message.message_id}`, file_unique_id: `u${message.message_id}`, file_name: doc.fileName, mime_type: doc.mimeType, file_size: doc.data.length } },
        });
      }
      case "sendChatAction":
      case "setMyCommands":
      case "deleteMyCommands":
      case "setChatMenuButton":
        call.payload = await readParams(req);
        return json(res, 200, { ok: true, result: true });
      default:
        return expressApp(req, res);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const apiRoot = `http://127.0.0.1:${port}`;

  function view(stored: (typeof emulator.storage.botMessages)[number]): EmulatedBotMessage {
    const message = stored.message as unknown as {
      chat_id: number | string;
      text?: string;
      reply_markup?: { inline_keyboard?: { text: string; callback_data?: string }[][] };
    };
    return {
      messageId: stored.messageId,
      chatId: Number(message.chat_id),
      at: stored.time,
      text: message.text,
      buttons: (message.reply_markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data ?? "" }))),
      document: documents.get(stored.messageId),
    };
  }

  function botMessages(chatId?: number): EmulatedBotMessage[] {
    return emulator.storage.botMessages
      .filter((s) => s.botToken === token)
      .map(view)
      .filter((v) => chatId === undefined || v.chatId === chatId);
  }

  // node:http with a keep-alive agent rather than fetch: cheaper per request, so
  // the benchmark measures the adapter more than the load generator.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  function postUpdate(url: string, update: object, secret?: string): Promise<{ status: number; ms: number }> {
    const started = performance.now();
    const body = Buffer.from(JSON.stringify(update));
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/json",
            "content-length": body.length,
            ...(secret !== undefined ? { "x-telegram-bot-api-secret-token": secret } : {}),
          },
        },
        (res) => {
          res.resume();
          res.once("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        },
      );
      req.once("error", reject);
      req.end(body);
    });
  }

  function user(opts: { id?: number; firstName?: string; webhook?: { url: string; secret?: string } } = {}): EmulatedTelegramUser {
    const id = opts.id ?? 1001;
    const client = emulator.getClient(token, { userId: id, chatId: id, firstName: opts.firstName ?? "测试用户", type: "private" });
    let seen = 0;
    const from = { id, is_bot: false, first_name: opts.firstName ?? "测试用户" };
    const chat = { id, type: "private" as const, first_name: from.first_name };

    async function deliver(update: Record<string, unknown>, viaEmulator: () => Promise<void>): Promise<number | undefined> {
      if (!opts.webhook) {
        await viaEmulator();
        return undefined;
      }
      return (await postUpdate(opts.webhook.url, { update_id: ++updateId, ...update }, opts.webhook.secret)).status;
    }

    return {
      id,
      send(text) {
        const isCommand = text.startsWith("/");
        if (opts.webhook) {
          const entities = isCommand ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
          return deliver({ message: { message_id: updateId + 1, date: Math.floor(Date.now() / 1000), chat, from, text, entities } }, async () => undefined);
        }
        return deliver({}, () =>
          isCommand ? emulator.addUserCommand(client.makeCommand(text) as never) : emulator.addUserMessage(client.makeMessage(text) as never),
        );
      },
      press(message, button) {
        const found = message.buttons.flat().find((b) => (typeof button === "string" ? b.text === button : button.test(b.text)));
        if (!found) throw new Error(`no button ${String(button)} on message ${message.messageId}: ${JSON.stringify(message.buttons)}`);
        const pressedMessage = {
          message_id: message.messageId,
          date: Math.floor(message.at / 1000),
          chat,
          from: { id: 666, is_bot: true, first_name: "Bot" },
          text: message.text,
          reply_markup: { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) },
        };
        if (opts.webhook) {
          return deliver({ callback_query: { id: String(updateId + 1), from, chat_instance: String(id), message: pressedMessage, data: found.data } }, async () => undefined);
        }
        // Built by hand: the client's makeCallbackQuery deep-merges into an object it shares with `from`.
        const callbackQuery = { botToken: token, date: Math.floor(Date.now() / 1000), from, message: pressedMessage, data: found.data };
        return deliver({}, () => emulator.addUserCallback(callbackQuery as never));
      },
      async nextReply(timeoutMs = 5_000) {
        const message = await waitFor(() => botMessages(id)[seen], timeoutMs, `bot reply #${seen + 1} to user ${id}`);
        seen++;
        return message;
      },
      messages: () => botMessages(id),
      message: (messageId) => botMessages(id).find((m) => m.messageId === messageId),
    };
  }

  return {
    apiRoot,
    token,
    emulator,
    user,
    botMessages,
    calls: (method) => calls.filter((c) => method === undefined || c.method === method),
    setDown(value) {
      down = value;
    },
    failNext(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    postUpdate,
    nextUpdateId: () => ++updateId,
    async stop() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const readBody = (req: IncomingMessage) => readLimitedBody(req, 64 * 1024 * 1024);

async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json") && body.length > 0) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

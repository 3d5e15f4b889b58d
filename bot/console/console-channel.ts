/**
 * The console channel: a conversation on stdin/stdout over the assistant
 * core. Works interactively (a prompt, Ctrl+D or /quit to leave) and with
 * piped input (each line is one message; the transcript echoes it, so the
 * output reads as a dialogue). Documents are saved under the data directory.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Assistant, Reply } from "../../src/assistant/message.types.ts";
import { choiceForInput, renderTextReply } from "./render-reply.ts";

export interface ConsoleChatOptions {
  assistant: Assistant;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** the console user's id (staff allow-list entries look like console:<id>) */
  userId: string;
  /** where documents are written */
  outboxDir: string;
  /** a terminal: readline shows the 「你>」 prompt and echoes typing; piped input is echoed by us. Default: input is a TTY */
  interactive?: boolean;
}

const QUIT = /^\/(quit|exit|q)$/iu;

export async function runConsoleChat(opts: ConsoleChatOptions): Promise<void> {
  const interactive = opts.interactive ?? Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const write = (s: string) => opts.output.write(s.endsWith("\n") ? s : `${s}\n`);
  let last: Reply | undefined;
  let seq = 0;

  const show = async (replies: readonly Reply[]) => {
    for (const reply of replies) {
      if (reply.kind === "document") {
        await mkdir(opts.outboxDir, { recursive: true });
        const path = join(opts.outboxDir, reply.fileName);
        await writeFile(path, reply.data);
        write(`📄 ${reply.caption ?? reply.fileName}\n   已保存：${path}`);
      } else {
        write(`\n助手> ${renderTextReply(reply)}`);
        last = reply;
      }
    }
  };

  write("政策助手已就绪。直接输入问题，或输入「帮助」查看我能做什么；输入 /quit 或按 Ctrl+D 退出。");
  // A user coming back (after a restart, tomorrow) sees where they left off before typing.
  if (opts.assistant.resume) await show(await opts.assistant.resume("console", opts.userId));
  // Created only now: readline starts reading at once, and lines read before
  // the loop below is waiting would be lost.
  // In a terminal readline owns the line being typed: it needs `output` to show the prompt and echo
  // the keys (the terminal is in raw mode), and Ctrl+C reaches it as a key rather than a signal.
  const rl = interactive
    ? createInterface({ input: opts.input, output: opts.output, terminal: true, historySize: 100 })
    : createInterface({ input: opts.input, terminal: false, historySize: 0 });
  if (interactive) {
    rl.on("SIGINT", () => rl.close());
    rl.setPrompt("你> ");
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (!text) {
      if (interactive) rl.prompt();
      continue;
    }
    if (QUIT.test(text)) break;
    if (!interactive) write(`\n你> ${text}`);
    const choice = choiceForInput(text, last);
    const replies = await opts.assistant.handle({
      channel: "console",
      userId: opts.userId,
      messageId: String(++seq),
      ...(choice ? { choice } : { text }),
    });
    await show(replies);
    if (interactive) rl.prompt();
  }
  rl.close();
  // In a terminal the cursor still stands after the last 「你> 」 prompt (Ctrl+D, Ctrl+C).
  write(interactive ? "\n再见！" : "再见！");
}

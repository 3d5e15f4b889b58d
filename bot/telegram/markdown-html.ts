/**
 * The assistant's light Markdown (`Reply.markdown`: **bold**, `#` headings,
 * `- ` bullets) as Telegram HTML (parse_mode "HTML"), which Telegram renders
 * instead of showing `#` and `**`. Only the subset the core writes is read;
 * everything else is text, HTML-escaped, so a user's words can never become
 * markup. Written by hand: the subset is three rules and Telegram's HTML is
 * not a general HTML (no <h1>, <ul>, <p>), which general converters emit.
 */
const escape = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

function inline(line: string): string {
  return escape(line).replace(/\*\*(.+?)\*\*/gu, "<b>$1</b>");
}

export function markdownToTelegramHtml(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => {
      const heading = /^#{1,6}\s+(.*)$/u.exec(line);
      if (heading) return `<b>${inline(heading[1]!.replace(/\*\*/gu, ""))}</b>`;
      const bullet = /^\s*[-*]\s+(.*)$/u.exec(line);
      if (bullet) return `• ${inline(bullet[1]!)}`;
      return inline(line);
    })
    .join("\n");
}

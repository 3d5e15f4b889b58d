/**
 * What a channel hands the assistant and what it gets back. Channels (bot/*)
 * translate platform updates into `IncomingMessage` and `Reply` into platform
 * calls; nothing under src/ knows a platform. A leaf: it imports nothing, so
 * the intake (which writes replies) and the assistant (which sends them) both
 * depend on it rather than on each other.
 */
export type ChannelId = "console" | "telegram" | "wecom";

export interface IncomingMessage {
  channel: ChannelId;
  /** the user's id on that channel (Telegram user id, WeCom UserID, console user name) */
  userId: string;
  /** free text the user typed */
  text?: string;
  /** the id of a choice the user pressed (a `ChoiceOption.id`) */
  choice?: string;
  /** platform message/update id, for idempotency and logs */
  messageId?: string;
  displayName?: string;
  /** when the platform says it was sent */
  sentAt?: Date;
}

export interface ChoiceOption {
  id: string;
  label: string;
}

export type Reply =
  | { kind: "text"; text: string }
  | {
      kind: "choices";
      text: string;
      options: ChoiceOption[];
      /** several may be picked; the channel offers a "完成" option (id `done`) */
      multi?: boolean;
      /** ids already picked, for multi-select */
      selected?: string[];
      /**
       * The question takes a typed number (a count, an area, a year): a bare
       * number typed back is that answer, never the position of an option —
       * 「2」 on a reopened 机构数量 question is 2 institutions, not 「跳过」.
       */
      numberAnswer?: boolean;
    }
  | { kind: "document"; fileName: string; mimeType: string; data: Uint8Array; caption?: string };

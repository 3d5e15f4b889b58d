/** The outbox: notices for users who did not just write, kept until delivered. */
import type { Notification } from "../generated/sqlite/client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { NOTIFICATION_TABLE } from "./sqlite-table.ts";

export interface NotificationRecord {
  id: number;
  userId: number;
  text: string;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface NotificationRepository {
  enqueue(input: { userId: number; text: string }): Promise<NotificationRecord>;
  /** Not yet delivered, oldest first. */
  pending(userId: number): Promise<NotificationRecord[]>;
  markDelivered(ids: readonly number[]): Promise<void>;
}

export function createNotificationRepository({ db, exclusive, now, sqlite }: RepositoryContext): NotificationRepository {
  return {
    async enqueue({ userId, text }) {
      // Kept verbatim: a notice is a message to its user (a staff comment may
      // rightly give a phone number), not a log line.
      const row = await exclusive(() => db.notification.create({ data: { userId, text, createdAt: now() } }));
      return toRecord(row);
    },
    async pending(userId) {
      if (sqlite) {
        const rows = await exclusive(() =>
          sqlite.query(
            `SELECT ${NOTIFICATION_TABLE.columns} FROM "Notification" WHERE "userId" = ? AND "deliveredAt" IS NULL ORDER BY "createdAt" ASC, "id" ASC`,
            [userId],
          ),
        );
        return rows.map(NOTIFICATION_TABLE.read);
      }
      const rows = await exclusive(() =>
        db.notification.findMany({ where: { userId, deliveredAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      );
      return rows.map(toRecord);
    },
    async markDelivered(ids) {
      if (!ids.length) return;
      await exclusive(() => db.notification.updateMany({ where: { id: { in: [...ids] }, deliveredAt: null }, data: { deliveredAt: now() } }));
    },
  };
}

export function toRecord(row: Notification): NotificationRecord {
  return { id: row.id, userId: row.userId, text: row.text, createdAt: row.createdAt, deliveredAt: row.deliveredAt };
}

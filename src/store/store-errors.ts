/**
 * Errors the store raises for situations callers must handle. Messages are in
 * Chinese because they may reach a user or an operator unchanged.
 */

/** Another writer changed the row since it was read (optimistic locking). */
export class ConcurrentUpdateError extends Error {
  constructor(
    public readonly entity: "conversation" | "application",
    public readonly key: string,
    public readonly expectedVersion: number | null,
    public readonly actual: { version: number; status?: string } | undefined,
  ) {
    const what = entity === "conversation" ? "对话状态" : `申请 ${key}`;
    super(`${what}已被其他操作更新（预期版本 ${expectedVersion ?? "无"}，当前版本 ${actual?.version ?? "无"}），请重新读取后再试`);
    this.name = "ConcurrentUpdateError";
  }
}

export class RecordNotFoundError extends Error {
  constructor(
    public readonly entity: string,
    public readonly key: string,
  ) {
    super(`找不到${entity}：${key}`);
    this.name = "RecordNotFoundError";
  }
}

/** The database cannot be opened or reached (wrong URL, server down, no permission). */
export class DatabaseUnavailableError extends Error {
  constructor(
    public readonly database: string,
    public readonly reason: string,
  ) {
    super(`无法连接数据库 ${database}：${reason}\n请检查 DATABASE_URL（或 DATA_DIR）是否正确、数据库服务是否已启动、账号是否有权限。`);
    this.name = "DatabaseUnavailableError";
  }
}

/** A committed migration could not be applied. */
export class MigrationFailedError extends Error {
  constructor(
    public readonly database: string,
    public readonly reason: string,
  ) {
    super(`数据库 ${database} 迁移失败：${reason}`);
    this.name = "MigrationFailedError";
  }
}

/**
 * Before anything is written at start: can DATA_DIR take files? A read-only
 * or full disk otherwise surfaces deep inside SQLite or the schema engine
 * (a Rust backtrace); here it is one Chinese sentence with what to do.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export class DataDirError extends Error {
  constructor(
    public readonly dir: string,
    public readonly code: string | undefined,
  ) {
    super(`${reason(dir, code)}，无法保存数据库和政策索引。请把 DATA_DIR 设为一个可写的目录${code === "ENOSPC" || code === "EDQUOT" ? "，或先释放磁盘空间" : ""}后重试。`);
    this.name = "DataDirError";
  }
}

function reason(dir: string, code: string | undefined): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `数据目录 ${dir} 没有写权限`;
    case "EROFS":
      return `数据目录 ${dir} 在只读文件系统上`;
    case "ENOSPC":
    case "EDQUOT":
      return `数据目录 ${dir} 所在的磁盘已满`;
    case "ENOTDIR":
    case "EEXIST":
      return `数据目录 ${dir} 的路径中有同名文件，不是目录`;
    default:
      return `数据目录 ${dir} 无法写入（${code ?? "未知原因"}）`;
  }
}

/** Creates `dir` if needed and writes and removes a small probe file in it; throws `DataDirError`. */
export async function checkDataDirWritable(dir: string): Promise<void> {
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    // A few KiB, not one byte: a disk with no free block fails here rather than later.
    await writeFile(probe, Buffer.alloc(16 * 1024));
  } catch (error) {
    throw new DataDirError(dir, (error as NodeJS.ErrnoException).code);
  } finally {
    await rm(probe, { force: true }).catch(() => {});
  }
}

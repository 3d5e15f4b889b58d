/**
 * The SQLite settings every connection to the file runs as it opens —
 * Prisma's (prisma-client.ts) and the hot path's (sqlite-direct.ts), either
 * of which may open first. WAL lets readers proceed while one writer commits
 * (kept in the file once set). With WAL, synchronous=NORMAL (per connection)
 * syncs at checkpoints rather than on every commit: still corruption-safe and
 * consistent; a power cut (not a crash) may lose the last few commits —
 * acceptable for chat state, and it spares an fsync per message on real disks.
 */
export const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

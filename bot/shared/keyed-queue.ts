/**
 * Runs tasks one after another per key (a chat or a user) and concurrently
 * across keys. Webhook channels answer the platform at once and work later;
 * this keeps a user's messages in the order they were sent.
 */
export interface KeyedQueue {
  /** Queues `task` behind the earlier tasks of `key`; settles with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when every queued task has settled. */
  drain(): Promise<void>;
  /** Number of keys with queued or running work. */
  readonly size: number;
}

export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async drain() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
    get size() {
      return tails.size;
    },
  };
}

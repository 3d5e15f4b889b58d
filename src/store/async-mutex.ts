/**
 * Tiny promise-chain locks. `createMutex` runs callbacks one at a time;
 * `createKeyedMutex` does so per key (callbacks for different keys run
 * concurrently). In-process only: a second process is not excluded.
 */
export type Exclusive = <T>(fn: () => Promise<T>) => Promise<T>;
export type KeyedExclusive = <T>(key: string, fn: () => Promise<T>) => Promise<T>;

export function createMutex(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}

export function createKeyedMutex(): KeyedExclusive {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    // Forget the key once nothing is queued behind this call.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}

// One writer at a time, waited for without blocking the server. SQLite lets one connection write
// at a time; a writer that finds the database locked would wait inside SQLite, synchronously,
// stopping every other request on this single-threaded server (and a long import holds the lock
// for seconds). So every write in the app goes through this queue: a write waits here, as a
// promise, while readers carry on from the last committed state (WAL).
const globalForQueue = globalThis as unknown as { writeQueueTail?: Promise<unknown> };

/** Runs `work` once every write queued before it has finished; resolves or rejects with it. */
export function queueWrite<T>(work: () => T | Promise<T>): Promise<T> {
  const previous = globalForQueue.writeQueueTail ?? Promise.resolve();
  const run = previous.then(work);
  globalForQueue.writeQueueTail = run.catch(() => undefined);
  return run;
}

/** Lets other requests run between slices of a long write (a CSV import's rows). */
export const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { findBuiltFile } from "@neglab/files";
import { inSharedMemory } from "@neglab/vectors";
import { runScan, type ScanJob } from "./scan-job.js";
import { TopKTable } from "./top-k-table.js";

/** Threads used when the caller does not say: the cores available, at most 2. */
export function defaultThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

/**
 * Runs a scan over rows [0, rowEnd) split into `threads` contiguous row ranges,
 * one worker thread each, and merges the per-query top-k. The matrix is copied
 * into shared memory once per matrix (kept while the matrix lives). Runs in the calling thread when one thread
 * suffices; more need the built worker script (dist/analogy/worker.js), whose absence is an error, never a silent
 * fall-back to one thread.
 * Results are identical for any thread count. `onProgress` is told the rows
 * scanned so far (over all threads) and the total.
 */
export async function parallelScan(
  job: Omit<ScanJob, "rowStart">,
  threads: number,
  onProgress?: (rowsDone: number, rows: number) => void,
): Promise<TopKTable> {
  const nQueries = job.slots.length / 3;
  const usable = Math.max(1, Math.min(threads, Math.ceil(job.rowEnd / 4096)));
  if (usable === 1) return runScan({ ...job, rowStart: 0 }, onProgress && ((done) => onProgress(done, job.rowEnd)));
  const workerFile = findBuiltFile(import.meta.url, "./worker.js", "@neglab/eval");
  let rowsDone = 0;
  const shared = inSharedMemory(job.unit, { reuse: true });
  const step = Math.ceil(job.rowEnd / usable);
  const parts = await Promise.all(
    Array.from({ length: usable }, (_, t) => {
      const part: ScanJob = { ...job, unit: shared, rowStart: t * step, rowEnd: Math.min(job.rowEnd, (t + 1) * step) };
      return new Promise<{ ids: Int32Array; scores: Float64Array }>((resolve, reject) => {
        const worker = new Worker(workerFile, { workerData: part });
        worker.on("message", (message: { progress: number } | { ids: Int32Array; scores: Float64Array }) => {
          if ("progress" in message) {
            rowsDone += message.progress;
            onProgress?.(rowsDone, job.rowEnd);
            return;
          }
          resolve(message);
          void worker.terminate();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`analogy worker exited with code ${code}`));
        });
      });
    }),
  );
  return TopKTable.merge(parts, nQueries, job.k);
}

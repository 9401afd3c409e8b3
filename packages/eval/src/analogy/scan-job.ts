import { scanAnalogies } from "./scan.js";
import type { TopKTable } from "./top-k-table.js";

/** One scan over a row range: what the calling thread or a worker thread runs. */
export interface ScanJob {
  method: "3CosAdd" | "3CosMul";
  /** Unit-normalised vocabulary matrix (shared memory when run in workers). */
  unit: Float32Array;
  dim: number;
  rowStart: number;
  rowEnd: number;
  /** Unit vectors of the distinct question words. */
  wordVectors: Float32Array;
  /** Per question, the (a, b, c) slots into `wordVectors`. */
  slots: Int32Array;
  k: number;
}

/** Runs a scan job with its method's kernel; `onBlock` gets the rows done so far after each block. */
export function runScan(job: ScanJob, onBlock?: (rowsDone: number) => void): TopKTable {
  return scanAnalogies(
    job.method,
    job.unit,
    job.dim,
    job.rowStart,
    job.rowEnd,
    job.wordVectors,
    job.slots,
    job.k,
    onBlock,
  );
}

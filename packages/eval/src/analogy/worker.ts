// Worker-thread entry: scans one row range for every query, reporting rows done, and posts back the per-query top-k.
import { parentPort, workerData } from "node:worker_threads";
import { runScan, type ScanJob } from "./scan-job.js";

const job = workerData as ScanJob;
let reported = 0;
const table = runScan(job, (rowsDone) => {
  // Progress about every 16 blocks: cheap messages, smooth enough for a progress line.
  if (rowsDone - reported >= 4096) {
    parentPort!.postMessage({ progress: rowsDone - reported });
    reported = rowsDone;
  }
});
parentPort!.postMessage({ progress: job.rowEnd - job.rowStart - reported });
parentPort!.postMessage({ ids: table.ids, scores: table.scores }, [table.ids.buffer, table.scores.buffer]);

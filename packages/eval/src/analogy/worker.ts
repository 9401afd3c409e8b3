// Worker-thread entry: scans one row range for every query and posts back the per-query top-k.
import { parentPort, workerData } from "node:worker_threads";
import { runScan, type ScanJob } from "./scan-job.js";

const table = runScan(workerData as ScanJob);
parentPort!.postMessage({ ids: table.ids, scores: table.scores }, [table.ids.buffer, table.scores.buffer]);

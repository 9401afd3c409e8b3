import { heartbeatSlot } from "./protocol.js";

/**
 * A tick later than its period by more than this many milliseconds means the
 * whole process was not running (suspended, or the main thread was blocked):
 * the workers' silence over such a gap proves nothing, so it is not counted.
 */
const LATE_TICK = 1_000;

/**
 * How long a worker may take to load its own code (the bundled dist/worker.js)
 * before its first heartbeat: that is not the sampler's time, so `timeout` does
 * not apply, but it is still bounded — generously, since a machine with several
 * times more threads than cores can take seconds.
 */
export const WORKER_LOAD_LIMIT = 60_000;

/**
 * Watches the workers' heartbeats (bumped after every sampler draw, sentence and merge,
 * see `heartbeatSlot`) while the main thread waits for their replies, and calls
 * `onStall(worker, loaded)` once when a worker that `waitingFor` has not changed
 * its heartbeat for `timeout` ms: a sampler call that never returns (a `draw` in
 * an endless loop, a factory that never settles at start). Until its first
 * heartbeat (`loaded` false) a worker has {@link WORKER_LOAD_LIMIT} instead. The interval also keeps
 * Node's event loop alive while the workers run, so the process cannot end with
 * an unsettled promise (exit code 13) when a worker goes quiet. Returns the
 * function that stops watching.
 */
export function watchHeartbeats(
  control: Int32Array,
  workers: number,
  timeout: number,
  waitingFor: (worker: number) => boolean,
  onStall: (worker: number, loaded: boolean) => void,
): () => void {
  // checking 4 times per timeout detects a stall within 1.25 timeouts; at most once a second
  const period = Math.max(1, Math.min(1_000, Math.ceil(timeout / 4)));
  const beats = Array.from({ length: workers }, (_, w) => Atomics.load(control, heartbeatSlot(w)));
  let last = performance.now();
  const since = beats.map(() => last);
  const timer = setInterval(() => {
    const now = performance.now();
    if (now - last > period + LATE_TICK) since.fill(now);
    last = now;
    for (let w = 0; w < workers; w++) {
      const beat = Atomics.load(control, heartbeatSlot(w));
      if (beat !== beats[w] || !waitingFor(w)) {
        beats[w] = beat;
        since[w] = now;
      } else if (now - since[w] >= (beat === 0 ? Math.max(timeout, WORKER_LOAD_LIMIT) : timeout)) {
        clearInterval(timer);
        onStall(w, beat !== 0);
        return;
      }
    }
  }, period);
  return () => clearInterval(timer);
}

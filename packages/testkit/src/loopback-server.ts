import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Starts `server` on a free port of 127.0.0.1 — the only address a test may
 * serve or fetch from — and resolves to its base URL (`http://127.0.0.1:PORT`).
 */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes `server`, ending the connections it still holds (a stalled response would otherwise keep it open). */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
}

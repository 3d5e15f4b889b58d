/**
 * A node:http server for a channel's endpoint (Telegram webhook, WeCom
 * callback), with an address that tests can use when they ask for port 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ListeningServer {
  /** e.g. http://127.0.0.1:8443 */
  address: string;
  close(): Promise<void>;
}

export async function listenHttp(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { host: string; port: number },
): Promise<ListeningServer> {
  const server = createServer(handler);
  // Platforms keep connections open; idle sockets must not hold up stop().
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    address: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

/** Reads a request body up to `limit` bytes; rejects with `BodyTooLargeError` beyond it. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLargeError extends Error {
  constructor(public readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

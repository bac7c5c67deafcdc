/**
 * A lean fake LINE API for load runs: it keeps no request log, only tells the benchmark when the
 * reply for a given reply token arrived.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startLoadFakeLine(onMessage: (replyToken: string, at: number) => void) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"sentMessages":[]}');
      if (!req.url?.endsWith('/reply')) return;
      try {
        onMessage(JSON.parse(Buffer.concat(chunks).toString('utf8')).replyToken, at);
      } catch {
        // a malformed request would be the bot's bug; the run then reports missing replies
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

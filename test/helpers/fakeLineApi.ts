/**
 * A stand-in for api.line.me on localhost: records every request and can be told to fail
 * (status codes, delays) so tests can check retries and the push fallback.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  at: number;
}

export interface FakeLineApi {
  url: string;
  /** Requests answered with success. */
  calls: RecordedCall[];
  /** Every request path, failed ones included, in arrival order. */
  attempts: string[];
  /** Answer the next matching requests with these statuses, one per request, then 200 again. */
  failNext(pathPart: string, ...statuses: number[]): void;
  delayMs: number;
  /** LINE profile language per user id, answered on GET /v2/bot/profile/{userId}. */
  profileLanguages: Map<string, string>;
  replies(): RecordedCall[];
  pushes(): RecordedCall[];
  /** Sent messages of replies and pushes, in order. */
  sentTexts(): string[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeLineApi(): Promise<FakeLineApi> {
  const calls: RecordedCall[] = [];
  const attempts: string[] = [];
  const failures: { pathPart: string; status: number }[] = [];
  const deliveredRetryKeys = new Set<string>();
  const api: Partial<FakeLineApi> & { delayMs: number; profileLanguages: Map<string, string> } = { delayMs: 0, profileLanguages: new Map() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '';
      attempts.push(path);
      const raw = Buffer.concat(chunks).toString('utf8');
      if (api.delayMs) await new Promise((r) => setTimeout(r, api.delayMs));
      const failure = failures.findIndex((f) => path.includes(f.pathPart));
      if (failure >= 0) {
        const [{ status }] = failures.splice(failure, 1);
        res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': 'fake' });
        return res.end(JSON.stringify({ message: `injected ${status}` }));
      }
      const retryKey = req.headers['x-line-retry-key'] as string | undefined;
      if (retryKey && deliveredRetryKeys.has(retryKey)) {
        res.writeHead(409, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ message: 'The retry key is already accepted' }));
      }
      if (retryKey) deliveredRetryKeys.add(retryKey);
      calls.push({ path, headers: req.headers, body: raw ? JSON.parse(raw) : null, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' });
      const profileOf = /^\/v2\/bot\/profile\/([^/?]+)/.exec(path)?.[1];
      if (profileOf) {
        const language = api.profileLanguages.get(decodeURIComponent(profileOf));
        return res.end(JSON.stringify({ userId: profileOf, displayName: 'Test User', ...(language ? { language } : {}) }));
      }
      res.end(path.includes('/reply') || path.includes('/push') ? JSON.stringify({ sentMessages: [] }) : '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    calls,
    attempts,
    failNext(pathPart: string, ...statuses: number[]) {
      for (const status of statuses) failures.push({ pathPart, status });
    },
    replies: () => calls.filter((c) => c.path.endsWith('/v2/bot/message/reply')),
    pushes: () => calls.filter((c) => c.path.endsWith('/v2/bot/message/push')),
    sentTexts: () =>
      calls
        .filter((c) => c.path.endsWith('/reply') || c.path.endsWith('/push'))
        .flatMap((c) => c.body.messages.map((m: any) => (m.type === 'text' ? m.text : m.altText))),
    async waitFor(predicate: () => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the fake LINE API');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  }) as FakeLineApi;
}

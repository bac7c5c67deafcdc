/**
 * A stand-in for api.line.me on localhost: records every request and can be told to fail
 * (status codes, delays) so tests can check retries and the push fallback. Like LINE, it accepts a
 * reply token once (then 400) and a push retry key once (then 409).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
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
  /** Accept the next matching request (it counts as sent) but answer it with this status, as after a LINE-side fault. */
  acceptButFailNext(pathPart: string, status: number): void;
  /** Extra latency per request before it is handled; a function draws one per request. */
  delayMs: number | (() => number);
  /** Latency after a request was accepted, before the answer leaves: the window where a sender dies not knowing. */
  answerDelayMs: number | (() => number);
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
  const failures: { pathPart: string; status: number; accepted: boolean }[] = [];
  const deliveredRetryKeys = new Set<string>();
  const usedReplyTokens = new Set<string>();
  const api: Partial<FakeLineApi> & Pick<FakeLineApi, 'delayMs' | 'answerDelayMs'> = { delayMs: 0, answerDelayMs: 0 };
  const draw = (delay: number | (() => number)) => (typeof delay === 'function' ? delay() : delay);
  const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : undefined);
  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': 'fake' });
    res.end(JSON.stringify(body));
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '';
      attempts.push(path);
      const raw = Buffer.concat(chunks).toString('utf8');
      await pause(draw(api.delayMs));
      const failure = failures.findIndex((f) => path.includes(f.pathPart));
      const injected = failure >= 0 ? failures.splice(failure, 1)[0]! : null;
      if (injected && !injected.accepted) return answer(res, injected.status, { message: `injected ${injected.status}` });
      const body = raw ? JSON.parse(raw) : null;
      const retryKey = req.headers['x-line-retry-key'] as string | undefined;
      if (retryKey && deliveredRetryKeys.has(retryKey)) return answer(res, 409, { message: 'The retry key is already accepted' });
      if (path.endsWith('/v2/bot/message/reply') && usedReplyTokens.has(body?.replyToken)) return answer(res, 400, { message: 'Invalid reply token' });
      if (retryKey) deliveredRetryKeys.add(retryKey);
      if (path.endsWith('/v2/bot/message/reply')) usedReplyTokens.add(body?.replyToken);
      calls.push({ path, headers: req.headers, body, at: Date.now() });
      await pause(draw(api.answerDelayMs));
      if (injected) return answer(res, injected.status, { message: `injected ${injected.status} after accepting` });
      answer(res, 200, path.includes('/reply') || path.includes('/push') ? { sentMessages: [] } : {});
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://127.0.0.1:${port}`,
    calls,
    attempts,
    failNext(pathPart: string, ...statuses: number[]) {
      for (const status of statuses) failures.push({ pathPart, status, accepted: false });
    },
    acceptButFailNext(pathPart: string, status: number) {
      failures.push({ pathPart, status, accepted: true });
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

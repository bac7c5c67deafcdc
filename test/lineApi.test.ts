/**
 * The LINE transport (src/line/lineApi.ts) as LINE sees it: the requests it sends, the errors it
 * raises (the SDK's shape, which lineSender classifies), and a deadline that cancels the request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HTTPFetchError } from '@line/bot-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLineApi, LineTimeout, type LineApi } from '../src/line/lineApi.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { TEST_TOKEN } from './helpers/webhooks.js';

let api: FakeLineApi;
const clients: LineApi[] = [];
const client = (baseUrl: string, timeoutMs = 2000) => {
  const c = createLineApi({ baseUrl, channelAccessToken: TEST_TOKEN, timeoutMs });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  api = await startFakeLineApi();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  api.calls.length = 0;
});
afterAll(async () => {
  await api.close();
});

/**
 * A bare server that counts its connections and reports when a request's connection goes away;
 * with answer false it reads requests and never answers them.
 */
async function probeServer(answer: boolean) {
  const sockets = new Set<Socket>();
  const closed: string[] = [];
  let connections = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    req.socket.once('close', () => closed.push(req.url ?? ''));
    req.resume();
    if (answer) req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  server.on('connection', (s: Socket) => {
    connections++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    closed,
    sockets,
    connections: () => connections,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 1000;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
};

describe('requests', () => {
  it('a reply is a JSON POST with the channel token and no retry key (LINE answers 400 to one)', async () => {
    const request = { replyToken: 'token-1', messages: [{ type: 'text' as const, text: 'こんにちは' }] };
    expect(await client(api.url).replyMessage(request)).toEqual({ sentMessages: [] });
    const [call] = api.replies();
    expect(call!.method).toBe('POST');
    expect(call!.body).toEqual(request);
    expect(call!.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(call!.headers['content-type']).toBe('application/json');
    expect(call!.headers).not.toHaveProperty('x-line-retry-key');
  });

  it('a push carries its retry key', async () => {
    const request = { to: 'Upush', messages: [{ type: 'text' as const, text: 'hi' }] };
    await client(api.url).pushMessage(request, '123e4567-e89b-12d3-a456-426614174000');
    const [call] = api.pushes();
    expect(call!.body).toEqual(request);
    expect(call!.headers['x-line-retry-key']).toBe('123e4567-e89b-12d3-a456-426614174000');
    expect(call!.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('the loading animation and the profile go to their endpoints', async () => {
    const c = client(api.url);
    await c.showLoadingAnimation({ chatId: 'Uload', loadingSeconds: 10 });
    api.profileLanguages.set('U/odd', 'en');
    expect(await c.getProfile('U/odd')).toMatchObject({ language: 'en' });
    expect(api.calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', '/v2/bot/chat/loading/start', { chatId: 'Uload', loadingSeconds: 10 }],
      ['GET', '/v2/bot/profile/U%2Fodd', null],
    ]);
    expect(api.calls[1]!.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('keeps its connections alive: twenty calls one after another, not twenty sockets', async () => {
    const probe = await probeServer(true);
    try {
      const c = client(probe.url);
      for (let i = 0; i < 20; i++) await c.pushMessage({ to: 'U', messages: [{ type: 'text', text: String(i) }] }, `key-${i}`);
      // The next call can start before the pool has marked the last one's connection free, so a second may open.
      expect(probe.connections()).toBeLessThanOrEqual(2);
    } finally {
      await probe.close();
    }
  });
});

describe('errors keep the SDK shape', () => {
  it('an HTTP error is an HTTPFetchError with status, body and LINE’s request id', async () => {
    api.failNext('/reply', 400);
    const err = await client(api.url)
      .replyMessage({ replyToken: 'token-bad', messages: [{ type: 'text', text: 'x' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HTTPFetchError);
    const httpErr = err as HTTPFetchError;
    expect(httpErr.status).toBe(400);
    expect(httpErr.statusText).toBe('Bad Request');
    expect(JSON.parse(httpErr.body)).toEqual({ message: 'injected 400' });
    expect(httpErr.headers.get('x-line-request-id')).toBe('fake');
  });

  it('a refused connection is not an HTTP error (no status: it may or may not have landed)', async () => {
    const probe = await probeServer(false);
    const url = probe.url;
    await probe.close();
    const err = await client(url)
      .pushMessage({ to: 'U', messages: [{ type: 'text', text: 'x' }] }, 'k')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(HTTPFetchError);
    expect(err).not.toHaveProperty('status');
  });
});

describe('deadline and shutdown', () => {
  it('a call without an answer in time is rejected and its request cancelled (the connection closes)', async () => {
    const silent = await probeServer(false);
    try {
      const started = Date.now();
      const err = await client(silent.url, 150)
        .replyMessage({ replyToken: 'token-slow', messages: [{ type: 'text', text: 'x' }] })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LineTimeout);
      expect(Date.now() - started).toBeLessThan(1000);
      // The request itself is gone, not merely no longer awaited.
      await until(() => silent.closed.length > 0);
      expect(silent.closed).toEqual(['/v2/bot/message/reply']);
    } finally {
      await silent.close();
    }
  });

  it('close() ends the pool’s kept-alive connections', async () => {
    const probe = await probeServer(true);
    try {
      const c = createLineApi({ baseUrl: probe.url, channelAccessToken: TEST_TOKEN, timeoutMs: 1000 });
      await c.getProfile('U');
      expect(probe.sockets.size).toBe(1);
      await c.close();
      await until(() => probe.sockets.size === 0);
      expect(probe.sockets.size).toBe(0);
      await expect(c.getProfile('U')).rejects.toThrow();
    } finally {
      await probe.close();
    }
  });
});

/**
 * Issue #4, state side: a restart mid-conversation continues it (SQLite), two instances sharing Redis
 * give one user one conversation, and SIGTERM under load loses no accepted event.
 */
import { daytimeInJapan } from './helpers/clock.js';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { redisSkipReason, redisUrl } from './helpers/redis.js';
import { startBot } from './helpers/startBot.js';
import { driver, lastOf, textOf } from './helpers/conversationDriver.js';
import { lineEnv, postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

let api: FakeLineApi;
beforeAll(async () => {
  api = await startFakeLineApi();
});
afterAll(async () => {
  await api.close();
});

describe('restart', () => {
  it('continues a conversation after a restart with the SQLite store', async () => {
    const env = { STATE_STORE: `sqlite:${join(mkdtempSync(join(tmpdir(), 'triage-')), 'state.db')}` };
    const first = await startBot(api.url, env);
    const before = await driver(first.url, api, 'Urestart').say('0120-070-585から電話');
    await first.app.close();

    const second = await startBot(api.url, env);
    try {
      // A button from before the restart still works: the session (and its epoch) survived.
      const decided = await driver(second.url, api, 'Urestart').tap(lastOf(before), '電話は苦手');
      expect(textOf(decided)).toMatch(/折り返さ(?:なくて|ず)/);
      expect((await second.app.store.load('Urestart'))?.flow?.value).toBe('adviseApp');
    } finally {
      await second.app.close();
    }
  });
});

describe(`two instances on one Redis${redisSkipReason}`, () => {
  it.skipIf(!redisUrl)('one user gets one consistent conversation whichever instance receives the event', async () => {
    const a = await startBot(api.url, { STATE_STORE: redisUrl! });
    const b = await startBot(api.url, { STATE_STORE: redisUrl! });
    const user = `Ushared${Date.now()}`;
    try {
      expect(textOf(await driver(a.url, api, user, daytimeInJapan).say('今日中に受け取りたい'))).toMatch(/折り返してください/);
      expect(textOf(await driver(b.url, api, user, daytimeInJapan).say('繋がらない'))).toMatch(/もう一度だけ/);
      expect(textOf(await driver(a.url, api, user, daytimeInJapan).say('繋がらない'))).toMatch(/もうかけなくて大丈夫/);
      // The same event delivered to both instances is answered once.
      const event = textEvent('メニュー', { userId: user, replyToken: `${user}-dup` });
      await Promise.all([postWebhook(a.url, webhookBody(event)), postWebhook(b.url, webhookBody(event))]);
      await Promise.all([a.app.processor.drain(), b.app.processor.drain()]);
      expect(api.calls.filter((c) => c.body?.replyToken === `${user}-dup`)).toHaveLength(1);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });

  it.skipIf(!redisUrl)("a burst split across both instances is still processed one at a time", async () => {
    const a = await startBot(api.url, { STATE_STORE: redisUrl! });
    const b = await startBot(api.url, { STATE_STORE: redisUrl! });
    const user = `Usplit${Date.now()}`;
    try {
      const sends = Array.from({ length: 10 }, (_, i) =>
        postWebhook(i % 2 ? a.url : b.url, webhookBody(textEvent('繋がらない', { userId: user, replyToken: `${user}-${i}` }))),
      );
      await Promise.all(sends);
      await Promise.all([a.app.processor.drain(), b.app.processor.drain()]);
      // Ten failed callbacks counted without lost updates: each turn read the previous turn's save.
      const session = await a.app.store.load(user);
      expect((session?.flow?.context as { failedAttempts: number }).failedAttempts).toBe(10);
    } finally {
      await a.app.close();
      await b.app.close();
    }
  });
});

describe('SIGTERM', () => {
  it('finishes every accepted event, closes the store and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-'));
    api.delayMs = 30; // LINE answers slowly, so work is still in flight when the signal comes
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        ...process.env,
        PORT: '0',
        ...lineEnv(api.url),
        STATE_STORE: `sqlite:${join(dir, 'state.db')}`,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          const m = /"port":(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      const url = `http://127.0.0.1:${port}`;
      const accepted: string[] = [];
      for (let i = 0; i < 30; i++) {
        const token = `sigterm-${i}`;
        const res = await postWebhook(url, webhookBody(textEvent('0120-070-585', { userId: `Usig${i % 5}`, replyToken: token })));
        if (res.status === 200) accepted.push(token);
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(accepted).toHaveLength(30);
      const answered = new Set(api.calls.map((c) => c.body?.replyToken));
      expect(accepted.filter((t) => !answered.has(t))).toEqual([]);
    } finally {
      api.delayMs = 0;
      child.kill('SIGKILL');
    }
  });
});

/**
 * Issue #17, poison events: a message whose turn throws every time, or takes the process down with
 * it, is tried a bounded number of times (the attempts counted in the inbox, crashed ones included),
 * then marked dead; the user gets one apology with the menu, their next message is answered, and no
 * start takes the dead one up again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../scripts/build.mjs';
import { OutgoingMessages } from '../src/line/lineLimits.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { startBot, type RunningBot } from './helpers/startBot.js';
import { freePort } from './helpers/steadyLoad.js';
import { lineEnv, postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

const POISON = 'この文で落ちる';
const ROOT = join(import.meta.dirname, '..');
let api: FakeLineApi;
const running: RunningBot[] = [];
const sqliteStore = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'triage-poison-')), 'state.db')}`;
const repliesTo = (prefix: string) => api.replies().filter((c) => String(c.body.replyToken).startsWith(prefix));
const textOf = (call: { body: any }) => call.body.messages.map((m: any) => m.text ?? m.altText).join('\n');

beforeAll(async () => {
  api = await startFakeLineApi();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.app.close()));
});
afterAll(async () => {
  await api.close();
});

describe('a message whose turn throws every time', () => {
  it('is given up after the set attempts with one apology and the menu; the next message is answered; a restart does not replay it', async () => {
    const logs: { msg: string; level: number; [k: string]: unknown }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const store = sqliteStore();
    let tries = 0;
    const beforeTurn = (event: { kind: string; text?: string }) => {
      if (event.kind === 'text' && event.text === POISON) {
        tries++;
        throw new RangeError('poisoned');
      }
    };
    const bot = await startBot(api.url, { STATE_STORE: store }, undefined, logger, { beforeTurn });
    running.push(bot);
    const poison = textEvent(POISON, { userId: 'Uthrow', replyToken: 'Uthrow-1' });
    const next = textEvent('0120-070-585から電話があった', { userId: 'Uthrow', replyToken: 'Uthrow-2' });
    expect((await postWebhook(bot.url, webhookBody(poison, next))).status).toBe(200);
    await bot.app.processor.drain();

    // startBot's retry delays are three: four attempts, then dead.
    expect(tries).toBe(4);
    expect(await bot.app.store.inboxEntry(poison.webhookEventId)).toEqual({ state: 'dead' });
    const [apology, answer] = repliesTo('Uthrow-');
    expect(apology!.body.replyToken).toBe('Uthrow-1');
    expect(textOf(apology!)).toMatch(/^ごめんなさい/);
    expect(OutgoingMessages.parse(apology!.body.messages)[0]!.quickReply!.items.map((i) => i.action.label)).toContain('誰からの電話?');
    expect(answer!.body.replyToken).toBe('Uthrow-2');
    expect(textOf(answer!)).toMatch(/Amazon/);
    expect(logs.find((l) => l.msg.startsWith('event dead'))).toMatchObject({ eventId: poison.webhookEventId, errorKind: 'RangeError', cause: 'failed', attempts: 4 });
    expect(JSON.stringify(logs)).not.toContain(POISON);
    expect(await (await fetch(`${bot.url}/metrics`)).text()).toMatch(/linebot_events_dead_total\{cause="failed"\} 1/);

    await bot.app.close();
    running.pop();
    const again = await startBot(api.url, { STATE_STORE: store }, undefined, undefined, { beforeTurn });
    running.push(again);
    await again.app.processor.drain();
    expect(tries).toBe(4);
    expect(repliesTo('Uthrow-')).toHaveLength(2);
  });
});

describe('a message that ends the process in its turn', () => {
  interface Child {
    child: ChildProcess;
    exited: Promise<number | null>;
    url: string;
  }
  const children: Child[] = [];
  afterEach(() => {
    for (const { child } of children.splice(0)) child.kill('SIGKILL');
  });

  it('is given up at the start after its last attempt: apology, the next message answered, no replay after that', async () => {
    const bundle = await ensureBuilt('test/helpers/poisonBot.ts');
    const store = sqliteStore();
    const start = async (): Promise<Child> => {
      const port = await freePort();
      const child = spawn(process.execPath, [bundle], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          ...lineEnv(api.url),
          STATE_STORE: store,
          POISON_TEXT: POISON,
          RETRY_DELAYS_MS: '10,10',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      });
      const started = { child, exited: new Promise<number | null>((r) => child.once('exit', r)), url: `http://127.0.0.1:${port}` };
      children.push(started);
      return started;
    };
    /** Up and serving, or null once it died (the resumed poison killed it before or after it listened). */
    const served = async (c: Child) => {
      let dead = false;
      void c.exited.then(() => (dead = true));
      while (!dead) {
        if (await fetch(`${c.url}/healthz`).then((r) => r.ok, () => false)) return c;
        await sleep(20);
      }
      return null;
    };

    const first = (await served(await start()))!;
    const poison = textEvent(POISON, { userId: 'Ucrash', replyToken: 'Ucrash-1' });
    expect((await postWebhook(first.url, webhookBody(poison))).status).toBe(200);
    expect(await first.exited).toBe(70);
    // Two pauses: three attempts. The first died with its webhook, two more at the next starts.
    for (let n = 2; n <= 3; n++) {
      const c = await start();
      await served(c);
      expect(await c.exited, `start ${n}`).toBe(70);
    }
    const survivor = (await served(await start()))!;
    expect(survivor).not.toBeNull();
    await api.waitFor(() => repliesTo('Ucrash-').length === 1);
    expect(textOf(repliesTo('Ucrash-')[0]!)).toMatch(/^ごめんなさい/);
    const next = textEvent('メニュー', { userId: 'Ucrash', replyToken: 'Ucrash-2' });
    expect((await postWebhook(survivor.url, webhookBody(next))).status).toBe(200);
    await api.waitFor(() => repliesTo('Ucrash-').length === 2);
    expect(await (await fetch(`${survivor.url}/metrics`)).text()).toMatch(/linebot_events_dead_total\{cause="crashed"\} 1/);

    survivor.child.kill('SIGKILL');
    await survivor.exited;
    const last = (await served(await start()))!;
    expect(last).not.toBeNull();
    await sleep(200); // a replay would have been taken up at once, before listening
    expect(last.child.exitCode).toBeNull();
    expect(repliesTo('Ucrash-')).toHaveLength(2);
  }, 30_000);
});

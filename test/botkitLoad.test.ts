/**
 * Botkit is loaded right after the server listens, in steps (issue 16): the first answer after a start
 * must not wait for it. A turn that comes before it is loaded goes straight to the handler; once it is
 * loaded, turns go through Botkit's routing.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomically } from '../scripts/build.mjs';
import { ensureBotkitPlan } from '../scripts/loadPlan.mjs';
import { createBotkitTurnRunner } from '../src/botkit/botkitTurns.js';
import type { InboundEvent } from '../src/conversation/inboundEvent.js';
import type { TurnResult } from '../src/conversation/respond.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { createApp, type App } from '../src/server/createApp.js';
import { startFakeLineApi, type FakeLineApi } from './helpers/fakeLineApi.js';
import { lineEnv, postWebhook, textEvent, webhookBody } from './helpers/webhooks.js';

let api: FakeLineApi;
const apps: App[] = [];
const lines: { msg: string; loadMs?: number; steps?: number }[] = [];

async function start() {
  const config = loadConfig({ PORT: '0', STATE_STORE: 'memory', ...lineEnv(api.url) });
  const app = createApp(config, { logger: createLogger('info', capture()) });
  apps.push(app);
  return `http://127.0.0.1:${await app.listen(0)}`;
}

const botkitLoaded = () => lines.filter((l) => l.msg === 'Botkit loaded');

const capture = () =>
  new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });

async function untilBotkitLoaded() {
  const deadline = Date.now() + 15_000;
  while (botkitLoaded().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
}

beforeAll(async () => {
  // The plan `npm start` loads Botkit with; tests run the sources, which find it in dist/ too.
  await ensureBotkitPlan(writeAtomically);
  api = await startFakeLineApi();
}, 60_000);
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});
afterAll(async () => {
  await api.close();
});

describe('Botkit loading', () => {
  // First in this file, so that Botkit's modules are not in the module cache yet and it is still loading.
  it('an event that arrives while Botkit loads is answered once, without waiting for that load', async () => {
    const url = await start();
    const botkitOnHealthz = async () => ((await (await fetch(`${url}/healthz`)).json()) as { botkit: string }).botkit;
    expect(await botkitOnHealthz()).toBe('loading');
    await postWebhook(url, webhookBody(textEvent('メニュー', { userId: 'Uearly', replyToken: 'early-1' })));
    await apps[0]!.processor.drain();
    expect(api.replies().map((c) => c.body.replyToken)).toEqual(['early-1']);
    expect(api.replies()[0]!.body.messages.length).toBeGreaterThan(0);
    expect(botkitLoaded()).toHaveLength(0);
    await untilBotkitLoaded();
    expect(botkitLoaded()).toHaveLength(1);
    expect(botkitLoaded()[0]!.steps).toBeGreaterThan(500);
    expect(await botkitOnHealthz()).toBe('loaded');
  });

  it('is loaded after listen without any event', async () => {
    lines.length = 0;
    const calls = api.attempts.length;
    await start();
    await untilBotkitLoaded();
    expect(botkitLoaded()).toHaveLength(1);
    expect(api.attempts.length).toBe(calls);
  });

  it('a turn before the load goes straight to the handler, a turn after it through Botkit, each handled once', async () => {
    lines.length = 0;
    const callers: string[] = [];
    const handle = (event: InboundEvent): TurnResult => {
      // Botkit's trigger calls the handler registered with controller.on.
      callers.push(new Error().stack!.includes('Botkit.trigger') ? 'botkit' : 'direct');
      return { intent: `seen:${event.id}` } as unknown as TurnResult;
    };
    const runner = createBotkitTurnRunner(handle, createLogger('info', capture()));
    const event = (id: string) => ({ id, kind: 'text', text: 'hi', userId: 'U1', replyToken: null, at: 0 }) as unknown as InboundEvent;
    runner.load();
    expect(await runner.run(event('E1'), null)).toEqual({ intent: 'seen:E1' });
    await untilBotkitLoaded();
    expect(await runner.run(event('E2'), null)).toEqual({ intent: 'seen:E2' });
    expect(callers).toEqual(['direct', 'botkit']);
  });
});

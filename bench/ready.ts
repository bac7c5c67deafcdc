/**
 * `npm run bench:ready`: start-up as users see it. Spawns `npm start` (a fresh SQLite file each time)
 * and measures the time to the first 200 on /healthz, then the time until the first event is answered
 * (Botkit loads at the first turn). Prints each run and the median. Options: --runs=<n> (default 7).
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadFakeLine } from './loadFakeLine.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'ready-secret';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

async function oneStart(run: number): Promise<{ readyMs: number; firstAnswerMs: number }> {
  let answeredAt = 0;
  const fake = await startLoadFakeLine((_token, at) => (answeredAt ||= at));
  const port = await freePort();
  const started = performance.now();
  // detached: npm starts node as its child; the whole group is stopped at the end.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      LINE_CHANNEL_SECRET: SECRET,
      LINE_CHANNEL_ACCESS_TOKEN: 'ready-token',
      LINE_API_BASE_URL: fake.url,
      STATE_STORE: `sqlite:${join(mkdtempSync(join(tmpdir(), 'ready-')), 'state.db')}`,
      LOG_LEVEL: 'warn',
    },
  });
  try {
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
      if (Date.now() > deadline) throw new Error('never became healthy');
      await new Promise((r) => setTimeout(r, 5));
    }
    const readyMs = performance.now() - started;
    const body = JSON.stringify({
      destination: 'Uready',
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: Date.now(),
          webhookEventId: `READY${run}${Date.now()}`,
          deliveryContext: { isRedelivery: false },
          source: { type: 'user', userId: 'Uready' },
          replyToken: `ready-${run}`,
          message: { id: '1', type: 'text', quoteToken: 'q', text: 'メニュー' },
        },
      ],
    });
    const sent = performance.now();
    await fetch(`http://127.0.0.1:${port}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': createHmac('sha256', SECRET).update(body).digest('base64') },
      body,
    });
    while (!answeredAt) {
      if (Date.now() > deadline) throw new Error('first event never answered');
      await new Promise((r) => setTimeout(r, 2));
    }
    return { readyMs, firstAnswerMs: answeredAt - sent };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    await fake.close();
  }
}

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const results = [];
for (let run = 0; run < runs; run++) {
  const r = await oneStart(run);
  results.push(r);
  console.log(`run ${run + 1}: ready ${r.readyMs.toFixed(0)} ms, first event answered ${r.firstAnswerMs.toFixed(0)} ms after it was sent`);
}
console.log(`median: ready ${median(results.map((r) => r.readyMs)).toFixed(0)} ms, first answer ${median(results.map((r) => r.firstAnswerMs)).toFixed(0)} ms`);

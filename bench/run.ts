/**
 * `npm run bench`: the full bot (signature check, understanding, machines, store, reply) against a bare
 * express + @line/bot-sdk echo bot, same signed webhook load, same fake LINE API on localhost.
 * Prints a table; it is a script that prints figures, not a test. Options: --events --users
 * --concurrency --rate=<events/s> --warmup=<events> --stores=memory,sqlite,redis --soak=<events> --soak-warmup=<events> --time-limit=<s>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { ensureBuilt } from '../scripts/build.mjs';
import { startLoadFakeLine } from './loadFakeLine.js';

const ROOT = join(import.meta.dirname, '..');
const SECRET = 'bench-secret';
const TEXTS = ['0120-070-585から電話があった', '折り返すべき?', '今日中に受け取りたい', 'カード番号を聞かれた', 'メニュー', '今つながる?', '電話の前に準備するものは?', 'Who called me from 03-1234-5678?'];

export interface BenchOptions {
  events: number;
  users: number;
  concurrency: number;
  /** Events per second, paced (open loop); 0 sends as fast as the concurrency allows (closed loop). */
  rate: number;
  /** Events sent first and not measured, so both targets are compared warm (JIT, caches, pools). */
  warmup: number;
  stores: string[];
  timeLimitMs: number;
  soakEvents: number;
  /** Unmeasured events before the soak; RSS climbs while V8 sizes its heap, then levels off. */
  soakWarmup: number;
  log: (line: string) => void;
}

export interface RunResult {
  name: string;
  events: number;
  answered: number;
  eventsPerSec: number;
  ackP50: number;
  ackP99: number;
  e2eP50: number;
  e2eP99: number;
  peakRssMb: number;
  /** CPU time (user + system) the target spent per answered event: the cost that load sharing the cores cannot blur. */
  cpuMsPerEvent: number;
  readyMs: number;
  stateBytes?: number;
  rssDriftPct?: number;
  /** RSS every 200 ms during the measured part, MB. */
  rssSamples: number[];
}

interface Target {
  port: number;
  readyMs: number;
  child: ChildProcess;
  rssSamples: number[];
  stop(): Promise<void>;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
// utime + stime of a process, in ms (clock ticks are 100 Hz on Linux).
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const procStatus = (pid: number, field: string) => {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

async function startTarget(entry: string, env: Record<string, string>, deadline: number): Promise<Target> {
  const port = await freePort();
  const started = performance.now();
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=var/prof" profiles the targets.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'bench-token', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  // Ready means /healthz answers 200, measured from the moment the process was spawned.
  for (;;) {
    if (Date.now() > deadline || exited) throw new Error(`${entry} never became healthy`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - started;
  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(procStatus(child.pid!, 'VmRSS')), 200);
  return {
    port,
    readyMs,
    child,
    rssSamples,
    stop: async () => {
      clearInterval(sampler);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function drive(port: number, events: number, opts: BenchOptions, runId: string, replies: Map<string, number>, deadline: number) {
  const sentAt = new Map<string, number>();
  const ack: number[] = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < events && Date.now() < deadline) {
      const i = next++;
      if (opts.rate > 0) {
        const due = started + (i * 1000) / opts.rate - performance.now();
        if (due > 0) await new Promise((r) => setTimeout(r, due));
      }
      const token = `${runId}-${i}`;
      const body = JSON.stringify({
        destination: 'Ubench',
        events: [
          {
            type: 'message',
            mode: 'active',
            timestamp: Date.now(),
            webhookEventId: `${runId}E${i}`,
            deliveryContext: { isRedelivery: false },
            source: { type: 'user', userId: `U${runId}u${i % opts.users}` },
            replyToken: token,
            message: { id: String(i), type: 'text', quoteToken: 'q', text: TEXTS[i % TEXTS.length] },
          },
        ],
      });
      const signature = createHmac('sha256', SECRET).update(body).digest('base64');
      const t0 = performance.now();
      sentAt.set(token, t0);
      const res = await fetch(`http://127.0.0.1:${port}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-line-signature': signature },
        body,
      });
      await res.arrayBuffer();
      ack.push(performance.now() - t0);
    }
  }
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  while (replies.size < sentAt.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  let lastReply = started;
  for (const at of replies.values()) lastReply = Math.max(lastReply, at);
  const e2e = [...sentAt].filter(([t]) => replies.has(t)).map(([t, at]) => replies.get(t)! - at);
  return { sent: sentAt.size, answered: e2e.length, ack, e2e, durationMs: lastReply - started };
}

async function redisAvailable(url: string) {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

async function runOne(name: string, entry: string, env: Record<string, string>, events: number, opts: BenchOptions): Promise<RunResult> {
  const runId = `${name.replace(/\W/g, '')}${Date.now().toString(36)}`;
  const replies = new Map<string, number>();
  const fake = await startLoadFakeLine((token, at) => replies.set(token, at));
  const deadline = Date.now() + opts.timeLimitMs;
  const target = await startTarget(entry, { LINE_API_BASE_URL: fake.url, ...env }, deadline);
  try {
    if (opts.warmup > 0) {
      await drive(target.port, opts.warmup, { ...opts, rate: 0 }, `${runId}w`, replies, deadline);
      replies.clear();
      target.rssSamples.length = 0;
    }
    const cpuBefore = cpuMs(target.child.pid!);
    const r = await drive(target.port, events, opts, runId, replies, deadline);
    const cpuMsPerEvent = (cpuMs(target.child.pid!) - cpuBefore) / Math.max(1, r.answered);
    const peakRssMb = procStatus(target.child.pid!, 'VmHWM');
    const third = Math.max(1, Math.floor(target.rssSamples.length / 3));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rssDriftPct =
      target.rssSamples.length >= 6 ? (avg(target.rssSamples.slice(-third)) / avg(target.rssSamples.slice(0, third)) - 1) * 100 : undefined;
    return {
      name,
      events: r.sent,
      answered: r.answered,
      eventsPerSec: (r.answered / r.durationMs) * 1000,
      ackP50: percentile(r.ack, 50),
      ackP99: percentile(r.ack, 99),
      e2eP50: percentile(r.e2e, 50),
      e2eP99: percentile(r.e2e, 99),
      peakRssMb,
      cpuMsPerEvent,
      readyMs: target.readyMs,
      rssSamples: [...target.rssSamples],
      ...(rssDriftPct !== undefined ? { rssDriftPct } : {}),
    };
  } finally {
    await target.stop();
    await fake.close();
  }
}

function stateBytesPerConversation(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT avg(length(data)) AS avg FROM sessions').get() as { avg: number }).avg;
  } finally {
    db.close();
  }
}

/** The bot on a fresh SQLite file, which is then read to measure the stored state per conversation. */
async function runSqlite(name: string, events: number, opts: BenchOptions): Promise<RunResult> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'bench-')), 'state.db');
  const result = await runOne(name, 'dist/src/main.mjs', { STATE_STORE: `sqlite:${dbPath}` }, events, opts);
  return { ...result, stateBytes: stateBytesPerConversation(dbPath) };
}

/** Both targets run as `npm start` runs the bot: bundled JavaScript, no TypeScript loader. */
async function buildTargets() {
  await Promise.all(['src/main.ts', 'bench/echoBaseline.ts'].map(ensureBuilt));
}

export async function runBenchmark(opts: BenchOptions): Promise<RunResult[]> {
  await buildTargets();
  const results: RunResult[] = [];
  results.push(await runOne('baseline (express echo)', 'dist/bench/echoBaseline.mjs', {}, opts.events, opts));
  opts.log(row(results.at(-1)!));
  for (const store of opts.stores) {
    if (store === 'sqlite') {
      results.push(await runSqlite(`bot, ${store}`, opts.events, opts));
    } else {
      const setting = store === 'redis' ? (process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379') : store;
      if (setting.startsWith('redis') && !(await redisAvailable(setting))) {
        opts.log(`bot, redis: skipped (no Redis answering at ${setting})`);
        continue;
      }
      results.push(await runOne(`bot, ${store}`, 'dist/src/main.mjs', { STATE_STORE: setting }, opts.events, opts));
    }
    opts.log(row(results.at(-1)!));
  }
  if (opts.soakEvents > 0) {
    const soak = await runSqlite('soak, bot, sqlite', opts.soakEvents, { ...opts, warmup: opts.soakWarmup });
    results.push(soak);
    opts.log(row(soak));
    const s = soak.rssSamples;
    const step = Math.max(1, Math.floor(s.length / 12));
    opts.log(`soak RSS over time (MB): ${s.filter((_, i) => i % step === 0).map((v) => v.toFixed(0)).join(' → ')}`);
  }
  return results;
}

const f = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const HEADER = '| run | events | answered | events/s | ack p50 ms | ack p99 ms | e2e p50 ms | e2e p99 ms | CPU ms/event | peak RSS MB | ready ms | state B/conv | RSS drift % |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|';
const row = (r: RunResult) =>
  `| ${r.name} | ${r.events} | ${r.answered} | ${f(r.eventsPerSec, 0)} | ${f(r.ackP50, 2)} | ${f(r.ackP99, 2)} | ${f(r.e2eP50, 2)} | ${f(r.e2eP99, 2)} | ${f(r.cpuMsPerEvent, 3)} | ${f(r.peakRssMb, 0)} | ${f(r.readyMs, 0)} | ${f(r.stateBytes, 0)} | ${f(r.rssDriftPct, 1)} |`;

function argValue(name: string, fallback: string) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

if (import.meta.filename === process.argv[1]) {
  const opts: BenchOptions = {
    events: Number(argValue('events', '3000')),
    users: Number(argValue('users', '300')),
    concurrency: Number(argValue('concurrency', '32')),
    rate: Number(argValue('rate', '0')),
    warmup: Number(argValue('warmup', '1000')),
    stores: argValue('stores', 'memory,sqlite,redis').split(',').filter(Boolean),
    timeLimitMs: Number(argValue('time-limit', '300')) * 1000,
    soakEvents: Number(argValue('soak', '0')),
    soakWarmup: Number(argValue('soak-warmup', argValue('warmup', '1000'))),
    log: (line) => console.log(line),
  };
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(
    `load: ${opts.warmup} warm-up events, then ${opts.events} measured events from ${opts.users} users, concurrency ${opts.concurrency}, ${opts.rate ? `paced at ${opts.rate}/s` : 'as fast as possible'}${opts.soakEvents ? `; soak ${opts.soakEvents} events (sqlite)` : ''}\n`,
  );
  console.log(HEADER);
  const results = await runBenchmark(opts);
  const base = results[0]!;
  console.log('\nratio to the baseline (events/s):');
  for (const r of results.slice(1)) {
    console.log(`  ${r.name}: ${(r.eventsPerSec / base.eventsPerSec).toFixed(2)}× events/s, ${(r.cpuMsPerEvent / base.cpuMsPerEvent).toFixed(2)}× CPU per event`);
  }
  process.exit(0);
}

/**
 * `npm run bench`: the bot against a bare express + @line/bot-sdk echo bot, both started the way
 * people start them (the bot with `npm start`, the echo bot with `node`), the same signed webhook
 * load, the same fake LINE API on localhost. The two take turns, round after round, so a change in
 * what else the machine is doing hits both; ratios are taken within a round, then the median.
 * Prints tables; it is a script that prints figures, not a test.
 *
 * Every run starts its target afresh: the time to its first 200 on /healthz is its ready time, and one
 * event sent right then measures the first reply after ready, before the warm-up and the measured load.
 * After the rounds, the bot (SQLite) takes --scale events twice: from 300 users, then from as many
 * users as events (one message each), to show what a growing user base costs. Last, one more run of
 * the echo bot and of the bot (SQLite) under V8's profiler gives the CPU per event by stage
 * (bench/cpuStages.ts); --stages=0 leaves it out. It ends with the issue's targets beside the figures.
 *
 * Options (or BENCH_<NAME> variables): --events --users --concurrency --rate=<events/s>
 * --warmup=<events> --rounds --stores=sqlite,memory,redis --stages=0|1 --scale=<events, 0 for none>
 * --soak=<events> --soak-warmup=<events> --time-limit=<s>.
 */
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import { ensureBuilt } from '../scripts/build.mjs';
import { formatStageTables, stageShares, stageTable, type StageTable } from './cpuStages.js';
import { startLoadFakeLine } from './loadFakeLine.js';
import { cpuMs, procStatusMb, ROOT, startBot, startEcho, type Target } from './targets.js';

const SECRET = 'bench-secret';
const TEXTS = ['0120-070-585から電話があった', '折り返すべき?', '今日中に受け取りたい', 'カード番号を聞かれた', 'メニュー', '今つながる?', '電話の前に準備するものは?', 'Who called me from 03-1234-5678?'];
const ECHO = 'echo bot (express + SDK)';

export interface BenchOptions {
  events: number;
  users: number;
  concurrency: number;
  /** Events per second, paced (open loop); 0 sends as fast as the concurrency allows (closed loop). */
  rate: number;
  /** Events sent first and not measured, so both targets are compared warm (JIT, caches, pools). */
  warmup: number;
  /** How many times the echo bot and the bot take turns. */
  rounds: number;
  stores: string[];
  /** One more run of each target under a CPU profiler, split by stage. */
  stages: boolean;
  /** Events of the two growth runs (300 users, then one user per event); 0 skips them. */
  scaleEvents: number;
  timeLimitMs: number;
  soakEvents: number;
  /** Unmeasured events before the soak; RSS climbs while V8 sizes its heap, then levels off. */
  soakWarmup: number;
  log: (line: string) => void;
}

export interface RunResult {
  name: string;
  round: number;
  events: number;
  answered: number;
  eventsPerSec: number;
  ackP50: number;
  ackP99: number;
  e2eP50: number;
  e2eP99: number;
  peakRssMb: number;
  /** RSS when the measured events are answered, before the target stops. */
  rssAfterMb: number;
  /** From sending the first event, right after ready, to its reply at the fake LINE API. */
  firstReplyMs: number;
  /** CPU time (user + system) the server process spent per answered event: what load sharing the cores blurs least. */
  cpuMsPerEvent: number;
  readyMs: number;
  stateBytes?: number;
  rssDriftPct?: number;
  /** RSS every 200 ms during the measured part, MB. */
  rssSamples: number[];
}

export interface BenchReport {
  runs: RunResult[];
  /** Per bot configuration, the median over rounds of its ratio to the echo bot in the same round. */
  ratios: { name: string; eventsPerSec: number; e2eP99: number; cpuMsPerEvent: number }[];
  /** The growth runs: events/s with one user per event over events/s with 300 users. */
  scale?: { few: RunResult; many: RunResult; ratio: number };
  stages?: { name: string; table: StageTable }[];
}

interface TargetSpec {
  name: string;
  start(env: Record<string, string>, deadline: number, profileDir?: string): Promise<Target>;
  /** Stored state per conversation, read after the run. */
  stateBytes?: () => number;
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const median = (xs: number[]) => percentile(xs, 50);
const hrtimeUs = () => Number(process.hrtime.bigint() / 1000n);
/** CPU of one thread (the main thread has the process's id), ms. */
const threadCpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const PROFILE_ARGS = (dir: string) => [`--cpu-prof`, `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=500'];

const echoSpec: TargetSpec = {
  name: ECHO,
  start: (env, deadline, profileDir) => startEcho({ env, deadline, ...(profileDir ? { nodeArgs: PROFILE_ARGS(profileDir) } : {}) }),
};

function botSpec(store: string): TargetSpec {
  let dbPath = '';
  const setting = () => {
    if (store === 'sqlite') {
      dbPath = join(mkdtempSync(join(tmpdir(), 'bench-')), 'state.db');
      return `sqlite:${dbPath}`;
    }
    return store === 'redis' ? redisUrl() : store;
  };
  return {
    name: `bot, ${store}`,
    start: (env, deadline, profileDir) =>
      startBot({
        env: {
          STATE_STORE: setting(),
          ...env,
        },
        deadline,
        ...(profileDir ? { nodeArgs: PROFILE_ARGS(profileDir) } : {}),
      }),
    ...(store === 'sqlite' ? { stateBytes: () => stateBytesPerConversation(dbPath) } : {}),
  };
}

const redisUrl = () => process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

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

/** Until /healthz no longer says Botkit is loading (the echo bot says nothing about Botkit). */
async function untilBotkitLoaded(port: number, deadline: number) {
  for (;;) {
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { botkit?: string };
    if (health.botkit !== 'loading') return;
    if (Date.now() > deadline) throw new Error('Botkit never loaded');
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Measured {
  result: RunResult;
  /** Only for profiled runs: the measured window and the main thread's CPU in it. */
  profile?: { path: string; fromUs: number; toUs: number; mainThreadMs: number; processMs: number };
}

async function runOne(spec: TargetSpec, round: number, events: number, opts: BenchOptions, profileDir?: string): Promise<Measured> {
  const runId = `${spec.name.replace(/\W/g, '')}${round}${Date.now().toString(36)}`;
  const replies = new Map<string, number>();
  const fake = await startLoadFakeLine((token, at) => replies.set(token, at));
  const deadline = Date.now() + opts.timeLimitMs;
  const env = { LINE_CHANNEL_SECRET: SECRET, LINE_CHANNEL_ACCESS_TOKEN: 'bench-token', LINE_API_BASE_URL: fake.url, LOG_LEVEL: 'warn' };
  const target = await spec.start(env, deadline, profileDir);
  const pid = target.serverPid;
  let measured: Measured;
  try {
    const first = await drive(target.port, 1, { ...opts, rate: 0, concurrency: 1 }, `${runId}f`, replies, deadline);
    const firstReplyMs = first.e2e[0] ?? NaN;
    replies.clear();
    // The bot's steady state has Botkit loaded (it loads in the background after listen); measuring
    // while it loads would count its loading and leave out its routing and memory.
    await untilBotkitLoaded(target.port, deadline);
    if (opts.warmup > 0) {
      await drive(target.port, opts.warmup, { ...opts, rate: 0 }, `${runId}w`, replies, deadline);
      replies.clear();
      target.rssSamples.length = 0;
    }
    const cpuBefore = cpuMs(pid);
    const mainBefore = threadCpuMs(pid);
    const fromUs = hrtimeUs();
    const r = await drive(target.port, events, opts, runId, replies, deadline);
    const toUs = hrtimeUs();
    const processMs = cpuMs(pid) - cpuBefore;
    const mainThreadMs = threadCpuMs(pid) - mainBefore;
    const peakRssMb = procStatusMb(pid, 'VmHWM');
    const rssAfterMb = procStatusMb(pid, 'VmRSS');
    const s = target.rssSamples;
    const third = Math.max(1, Math.floor(s.length / 3));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const rssDriftPct = s.length >= 6 ? (avg(s.slice(-third)) / avg(s.slice(0, third)) - 1) * 100 : undefined;
    measured = {
      result: {
        name: spec.name,
        round,
        events: r.sent,
        answered: r.answered,
        eventsPerSec: (r.answered / r.durationMs) * 1000,
        ackP50: percentile(r.ack, 50),
        ackP99: percentile(r.ack, 99),
        e2eP50: percentile(r.e2e, 50),
        e2eP99: percentile(r.e2e, 99),
        peakRssMb,
        rssAfterMb,
        firstReplyMs,
        cpuMsPerEvent: processMs / Math.max(1, r.answered),
        readyMs: target.readyMs,
        rssSamples: [...s],
        ...(rssDriftPct !== undefined ? { rssDriftPct } : {}),
      },
      ...(profileDir ? { profile: { path: '', fromUs, toUs, mainThreadMs, processMs } } : {}),
    };
  } finally {
    await target.stop();
    await fake.close();
  }
  if (spec.stateBytes) measured.result.stateBytes = spec.stateBytes();
  if (measured.profile && profileDir) {
    const file = readdirSync(profileDir).find((f) => f.includes(`.${pid}.`));
    if (!file) throw new Error(`no CPU profile written by ${spec.name}`);
    measured.profile.path = join(profileDir, file);
  }
  return measured;
}

function stateBytesPerConversation(dbPath: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT avg(length(data)) AS avg FROM sessions').get() as { avg: number }).avg;
  } finally {
    db.close();
  }
}

/** CPU per event by stage: one more run of each target under V8's sampling profiler. */
async function profileStages(specs: TargetSpec[], opts: BenchOptions) {
  const dir = join(ROOT, 'var', 'prof');
  rmSync(dir, { recursive: true, force: true });
  const columns = [];
  for (const spec of specs) {
    const profileDir = join(dir, spec.name.replace(/\W+/g, '-'));
    mkdirSync(profileDir, { recursive: true });
    const { result, profile } = await runOne(spec, 0, opts.events, opts, profileDir);
    const shares = stageShares(profile!.path, { fromUs: profile!.fromUs, toUs: profile!.toUs });
    columns.push({ name: spec.name, table: stageTable(shares, { mainThreadMs: profile!.mainThreadMs, processMs: profile!.processMs, events: result.answered }) });
  }
  return columns;
}

export async function runBenchmark(opts: BenchOptions): Promise<BenchReport> {
  await Promise.all(['src/main.ts', 'bench/echoBaseline.ts'].map(ensureBuilt));
  const bots: TargetSpec[] = [];
  for (const store of opts.stores) {
    if (store === 'redis' && !(await redisAvailable(redisUrl()))) opts.log(`bot, redis: skipped (no Redis answering at ${redisUrl()})`);
    else bots.push(botSpec(store));
  }
  const runs: RunResult[] = [];
  for (let round = 1; round <= opts.rounds; round++) {
    for (const spec of [echoSpec, ...bots]) {
      runs.push((await runOne(spec, round, opts.events, opts)).result);
      opts.log(row(runs.at(-1)!));
    }
  }
  const ratios = bots.map(({ name }) => {
    const perRound = (pick: (r: RunResult) => number) =>
      median(
        runs
          .filter((r) => r.name === name)
          .map((r) => pick(r) / pick(runs.find((e) => e.name === ECHO && e.round === r.round)!)),
      );
    return { name, eventsPerSec: perRound((r) => r.eventsPerSec), e2eP99: perRound((r) => r.e2eP99), cpuMsPerEvent: perRound((r) => r.cpuMsPerEvent) };
  });
  const report: BenchReport = { runs, ratios };
  if (opts.scaleEvents > 0) {
    const growth = { ...opts, warmup: 0, rate: 0 };
    const { result: few } = await runOne({ ...botSpec('sqlite'), name: 'bot, sqlite, 300 users' }, 1, opts.scaleEvents, { ...growth, users: 300 });
    opts.log(row(few));
    const { result: many } = await runOne({ ...botSpec('sqlite'), name: `bot, sqlite, ${opts.scaleEvents} users` }, 1, opts.scaleEvents, { ...growth, users: opts.scaleEvents });
    opts.log(row(many));
    report.scale = { few, many, ratio: many.eventsPerSec / few.eventsPerSec };
  }
  if (opts.soakEvents > 0) {
    const { result: soak } = await runOne({ ...botSpec('sqlite'), name: 'soak, bot, sqlite' }, 1, opts.soakEvents, { ...opts, warmup: opts.soakWarmup });
    runs.push(soak);
    opts.log(row(soak));
    const s = soak.rssSamples;
    const step = Math.max(1, Math.floor(s.length / 12));
    opts.log(`soak RSS over time (MB): ${s.filter((_, i) => i % step === 0).map((v) => v.toFixed(0)).join(' → ')}`);
  }
  if (opts.stages) report.stages = await profileStages([echoSpec, ...bots.filter((b) => b.name === 'bot, sqlite')], opts);
  return report;
}

const f = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const HEADER =
  '| run | round | events | answered | events/s | ack p50 ms | ack p99 ms | e2e p50 ms | e2e p99 ms | CPU ms/event | RSS after MB | peak RSS MB | ready ms | first reply ms | state B/conv | RSS drift % |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
const row = (r: RunResult) =>
  `| ${r.name} | ${r.round} | ${r.events} | ${r.answered} | ${f(r.eventsPerSec, 0)} | ${f(r.ackP50, 2)} | ${f(r.ackP99, 2)} | ${f(r.e2eP50, 2)} | ${f(r.e2eP99, 2)} | ${f(r.cpuMsPerEvent, 3)} | ${f(r.rssAfterMb, 0)} | ${f(r.peakRssMb, 0)} | ${f(r.readyMs, 0)} | ${f(r.firstReplyMs, 0)} | ${f(r.stateBytes, 0)} | ${f(r.rssDriftPct, 1)} |`;

/** Median and range over the rounds: `median (min–max)`. */
function spread(values: number[], digits: number) {
  if (values.length === 0) return '–';
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 1 ? f(sorted[0], digits) : `${f(median(sorted), digits)} (${f(sorted[0], digits)}–${f(sorted.at(-1), digits)})`;
}

/** The issue's targets (issue 16) beside what this run measured: the echo bot, the bot, their ratio. */
export function targetsTable(report: BenchReport, botName = 'bot, sqlite'): string {
  const echo = report.runs.filter((r) => r.name === ECHO);
  const bot = report.runs.filter((r) => r.name === botName);
  const ratio = report.ratios.find((r) => r.name === botName);
  if (!ratio || bot.length === 0) return '';
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const medianOf = (runs: RunResult[], pick: (r: RunResult) => number) => median(runs.map(pick));
  const line = (what: string, pick: (r: RunResult) => number, digits: number, ratioValue: number | null, target: string, ok: boolean) =>
    `| ${what} | ${spread(echo.map(pick), digits)} | ${spread(bot.map(pick), digits)} | ${ratioValue === null ? '' : `${ratioValue.toFixed(2)}×`} | ${target} | ${met(ok)} |`;
  const rows = [
    `| per run, median (range) over ${bot.length} rounds | echo bot | ${botName} | ratio | target | |`,
    '|---|---|---|---|---|---|',
    line('events/s', (r) => r.eventsPerSec, 0, ratio.eventsPerSec, '≥ 1.1× the echo', ratio.eventsPerSec >= 1.1),
    line('e2e p99 ms', (r) => r.e2eP99, 1, ratio.e2eP99, '≤ 1.2× the echo', ratio.e2eP99 <= 1.2),
    line('CPU ms per event', (r) => r.cpuMsPerEvent, 3, ratio.cpuMsPerEvent, '≤ the echo', ratio.cpuMsPerEvent <= 1),
    line('RSS after the run MB', (r) => r.rssAfterMb, 0, null, '≤ 200 MB', medianOf(bot, (r) => r.rssAfterMb) <= 200),
    line('ready from start ms', (r) => r.readyMs, 0, null, '≤ 500 ms', medianOf(bot, (r) => r.readyMs) <= 500),
    line('first reply after ready ms', (r) => r.firstReplyMs, 0, null, '≤ 100 ms', medianOf(bot, (r) => r.firstReplyMs) <= 100),
  ];
  if (report.scale) {
    const { few, many, ratio: growth } = report.scale;
    rows.push(`| events/s, ${many.events} users ÷ 300 users (one run each) | | ${f(many.eventsPerSec, 0)} ÷ ${f(few.eventsPerSec, 0)} | ${growth.toFixed(2)}× | ≥ 0.9× | ${met(growth >= 0.9)} |`);
  }
  return rows.join('\n');
}

function argValue(name: string, fallback: string) {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (hit === `--${name}`) return '1';
  return hit ? hit.slice(name.length + 3) : (process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
}

if (import.meta.filename === process.argv[1]) {
  const opts: BenchOptions = {
    events: Number(argValue('events', '2000')),
    users: Number(argValue('users', '200')),
    concurrency: Number(argValue('concurrency', '32')),
    rate: Number(argValue('rate', '0')),
    warmup: Number(argValue('warmup', '1000')),
    rounds: Number(argValue('rounds', '5')),
    stores: argValue('stores', 'sqlite').split(',').filter(Boolean),
    stages: argValue('stages', '1') !== '0',
    scaleEvents: Number(argValue('scale', '30000')),
    timeLimitMs: Number(argValue('time-limit', '300')) * 1000,
    soakEvents: Number(argValue('soak', '0')),
    soakWarmup: Number(argValue('soak-warmup', argValue('warmup', '1000'))),
    log: (line) => console.log(line),
  };
  const [load1, load5] = readFileSync('/proc/loadavg', 'utf8').split(' ');
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average before the run ${load1} (1 min), ${load5} (5 min)`);
  console.log(
    `load: per run ${opts.warmup} warm-up events, then ${opts.events} measured events from ${opts.users} users, concurrency ${opts.concurrency}, ${opts.rate ? `paced at ${opts.rate}/s` : 'as fast as possible'}; ${opts.rounds} rounds${opts.soakEvents ? `; soak ${opts.soakEvents} events (sqlite)` : ''}\n`,
  );
  console.log(HEADER);
  const report = await runBenchmark(opts);
  console.log(`\nagainst the echo bot (median over ${opts.rounds} rounds of the ratio within each round):`);
  for (const r of report.ratios) console.log(`  ${r.name}: ${r.eventsPerSec.toFixed(2)}× events/s, ${r.e2eP99.toFixed(2)}× e2e p99, ${r.cpuMsPerEvent.toFixed(2)}× CPU per event`);
  if (report.stages) {
    console.log(`\nCPU per event by stage (one more run of each under --cpu-prof; profiles in var/prof/):\n`);
    console.log(formatStageTables(report.stages));
  }
  const targets = targetsTable(report);
  if (targets) console.log(`\nissue 16's targets (ready: spawn to first 200 on /healthz, the bot through npm start):\n\n${targets}`);
  process.exit(0);
}

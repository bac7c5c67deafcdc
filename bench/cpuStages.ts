/**
 * Where a target's CPU goes, per event and by stage, from a V8 CPU profile (`--cpu-prof`) of the
 * benchmark run. Each sample is given to the stage of the innermost frame that belongs to one
 * (zod inside parseSession counts as store, JSON.stringify inside saveTurn too); functions in the
 * bundles are traced to their source file through the map file beside the bundle
 * (scripts/build.mjs writes it). Only samples inside the measured window count.
 *
 * `npx tsx bench/cpuStages.ts <profile.cpuprofile>` prints the shares of one whole profile.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ROOT } from './targets.js';

export const STAGES = [
  'HTTP',
  'signature',
  'parse webhook',
  'store',
  'botkit',
  'understanding',
  'machine',
  'render',
  'send',
  'event handling',
  'logging',
  'metrics',
  'sockets',
  'GC',
  'V8 / native',
  'other',
] as const;
export type Stage = (typeof STAGES)[number];

/** What each stage is made of, tested on the source path (project-relative) or Node's own module URL. */
const RULES: [Stage, RegExp][] = [
  ['signature', /(^|\/)node_modules\/@line\/bot-sdk\/.*validate-signature/],
  ['parse webhook', /(^|\/)node_modules\/@line\/bot-sdk\/.*middleware|^src\/line\/(verifyWebhook|webhookBody|normalizeEvent)\.ts/],
  // The bot sends through undici's Pool, the echo bot through the SDK's fetch (Node's own undici,
  // whose responses are web streams); both parse HTTP in WebAssembly, and only the LINE client does.
  ['send', /(^|\/)node_modules\/(@line\/bot-sdk|undici)\/|^src\/line\/(lineApi|lineSender|retryKey)\.ts|^node:internal\/(deps\/undici|webstreams)|^wasm:/],
  ['understanding', /^src\/understand\/|^flows\/planTurn\.ts/],
  ['machine', /^flows\/|(^|\/)node_modules\/xstate\//],
  ['render', /^src\/render\//],
  ['botkit', /^src\/botkit\/|(^|\/)node_modules\/(botkit|botbuilder[^/]*|botframework-[^/]*|@azure|debug)\//],
  ['store', /^src\/store\/|(^|\/)node_modules\/(better-sqlite3|ioredis)\//],
  ['logging', /^src\/log\.ts|(^|\/)node_modules\/(pino[^/]*|sonic-boom|thread-stream)\//],
  ['metrics', /^src\/metrics\.ts|(^|\/)node_modules\/prom-client\//],
  [
    'HTTP',
    /^src\/server\/|^node:_http_|^node:internal\/http|(^|\/)node_modules\/(express|body-parser|raw-body|router|finalhandler|on-finished|type-is|content-type|mime-types|qs|send|depd|statuses)\//,
  ],
  ['event handling', /^src\/conversation\/|^bench\/echoBaseline\.ts/],
];
/** Used only when no frame of the stack matched a rule: socket and stream plumbing, either direction. */
const SOCKETS = /^node:(net|internal\/stream_base_commons|internal\/streams\/|stream)/;

const CpuProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number(), columnNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CallFrame = z.infer<typeof CpuProfile>['nodes'][number]['callFrame'];

export interface StageTable {
  /** Main-thread CPU per event by stage, µs. */
  perEventUs: Record<Stage, number>;
  /** Main-thread CPU per event, µs. */
  mainThreadUs: number;
  /** The whole process's CPU per event (the main thread plus GC helpers, libuv's pool, …), µs. */
  processUs: number;
  samples: number;
}

/** Bundles' source maps, read once each; null when a bundle has none. */
const maps = new Map<string, SourceMap | null>();
function mapFor(path: string): SourceMap | null {
  if (!maps.has(path)) {
    const mapPath = `${path}.map`;
    maps.set(path, existsSync(mapPath) ? new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8'))) : null);
  }
  return maps.get(path)!;
}

/** The project-relative source file of a frame, or Node's module id for Node's own code. */
function sourceOf(frame: CallFrame): string {
  if (!frame.url.startsWith('file://')) return frame.url;
  const path = fileURLToPath(frame.url);
  const map = path.endsWith('.mjs') ? mapFor(path) : null;
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
  const original = entry?.originalSource ? fileURLToPath(new URL(entry.originalSource, frame.url)) : path;
  return relative(ROOT, original);
}

/**
 * How the profiled main thread's busy samples split between stages. Samples are counted, not weighted
 * by the time between them: on a machine shared with other processes the main thread is sometimes
 * off the CPU, and the gap until the next sample is then wall time, not CPU time.
 * @param window only samples taken between these two times count (µs, the monotonic clock that
 *   `process.hrtime` reads too); without it, the whole profile.
 */
export function stageShares(profilePath: string, window?: { fromUs: number; toUs: number }): { shares: Record<Stage, number>; samples: number } {
  const profile = CpuProfile.parse(JSON.parse(readFileSync(profilePath, 'utf8')));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));

  const stageOfNode = new Map<number, Stage | 'idle'>();
  const classify = (leaf: number): Stage | 'idle' => {
    const known = stageOfNode.get(leaf);
    if (known) return known;
    const leafName = frameOf.get(leaf)!.functionName;
    let stage: Stage | 'idle' | null =
      leafName === '(idle)' ? 'idle' : leafName === '(garbage collector)' ? 'GC' : leafName === '(program)' ? 'V8 / native' : null;
    let sockets = false;
    for (let id: number | undefined = leaf; stage === null && id !== undefined; id = parentOf.get(id)) {
      const source = sourceOf(frameOf.get(id)!);
      stage = RULES.find(([, rule]) => rule.test(source))?.[0] ?? null;
      sockets ||= SOCKETS.test(source);
    }
    const result = stage ?? (sockets ? 'sockets' : 'other');
    stageOfNode.set(leaf, result);
    return result;
  };

  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  let samples = 0;
  let at = profile.startTime;
  profile.samples.forEach((node, i) => {
    at += profile.timeDeltas[i]!;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    const stage = classify(node);
    if (stage === 'idle') return;
    counts[stage]++;
    samples++;
  });
  const shares = Object.fromEntries(STAGES.map((s) => [s, counts[s] / Math.max(1, samples)])) as Record<Stage, number>;
  return { shares, samples };
}

/** Shares of the main thread's samples → µs per event, given the CPU the main thread and the process used. */
export function stageTable(
  profile: { shares: Record<Stage, number>; samples: number },
  cpu: { mainThreadMs: number; processMs: number; events: number },
): StageTable {
  const mainThreadUs = (cpu.mainThreadMs * 1000) / cpu.events;
  return {
    perEventUs: Object.fromEntries(STAGES.map((s) => [s, profile.shares[s] * mainThreadUs])) as Record<Stage, number>,
    mainThreadUs,
    processUs: (cpu.processMs * 1000) / cpu.events,
    samples: profile.samples,
  };
}

/** A markdown table: one column per target, µs of main-thread CPU per event. */
export function formatStageTables(columns: { name: string; table: StageTable }[]): string {
  const cell = (us: number, total: number) => (us < 0.5 ? '–' : `${us.toFixed(0)} (${((100 * us) / total).toFixed(0)} %)`);
  const lines = [
    `| CPU µs per event | ${columns.map((c) => c.name).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...STAGES.map((s) => `| ${s} | ${columns.map((c) => cell(c.table.perEventUs[s], c.table.mainThreadUs)).join(' | ')} |`),
    `| **main thread** | ${columns.map((c) => `**${c.table.mainThreadUs.toFixed(0)}**`).join(' | ')} |`,
    `| other threads (GC and compiler helpers, libuv pool, the profiler's own) | ${columns.map((c) => (c.table.processUs - c.table.mainThreadUs).toFixed(0)).join(' | ')} |`,
    `| **process** | ${columns.map((c) => `**${c.table.processUs.toFixed(0)}**`).join(' | ')} |`,
  ];
  return lines.join('\n');
}

if (import.meta.filename === process.argv[1]) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: tsx bench/cpuStages.ts <profile.cpuprofile>');
  const { shares, samples } = stageShares(path);
  console.log(`${samples} busy samples (the whole profile, start-up included)`);
  for (const stage of STAGES) console.log(`${stage.padEnd(16)} ${(100 * shares[stage]).toFixed(1).padStart(5)} %`);
}

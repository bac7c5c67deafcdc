/**
 * A small run of the benchmark so it cannot rot: both targets start (the bot through `npm start`),
 * every event is answered, the figures it prints are sane, and the profiled run splits the bot's CPU
 * into the stages it is made of. Nothing here asserts speed; `npm run bench` is for figures.
 */
import { describe, expect, it } from 'vitest';
import { STAGES } from '../bench/cpuStages.js';
import { runBenchmark, targetsTable } from '../bench/run.js';

describe('benchmark smoke run', () => {
  it('drives the echo bot and the bot with signed webhooks, reads every figure and the CPU by stage', async () => {
    const lines: string[] = [];
    const report = await runBenchmark({
      events: 200,
      users: 20,
      concurrency: 8,
      rate: 0,
      warmup: 20,
      rounds: 1,
      stores: ['memory', 'sqlite'],
      stages: true,
      scaleEvents: 100,
      timeLimitMs: 60_000,
      soakEvents: 0,
      soakWarmup: 0,
      log: (line) => lines.push(line),
    });
    const { runs } = report;
    expect(runs.map((r) => r.name)).toEqual(['echo bot (express + SDK)', 'bot, memory', 'bot, sqlite']);
    for (const r of runs) {
      expect(r.answered).toBe(200);
      expect(r.eventsPerSec).toBeGreaterThan(0);
      expect(r.e2eP99).toBeGreaterThanOrEqual(r.e2eP50);
      expect(r.ackP99).toBeGreaterThanOrEqual(r.ackP50);
      expect(r.cpuMsPerEvent).toBeGreaterThan(0);
      // The server's own process (node under npm), not npm or its shell: those stay far below this.
      expect(r.peakRssMb).toBeGreaterThan(60);
      expect(r.readyMs).toBeGreaterThan(0);
      expect(r.firstReplyMs).toBeGreaterThan(0);
      expect(r.rssAfterMb).toBeGreaterThan(60);
    }
    // 20 users, each left idle mid-conversation: the stored state per conversation is measured.
    expect(runs[2]!.stateBytes).toBeGreaterThan(50);
    expect(runs[2]!.stateBytes).toBeLessThan(2048);
    // The two growth runs: 300 users, then one user per event.
    expect(report.scale!.few.answered).toBe(100);
    expect(report.scale!.many.answered).toBe(100);
    expect(report.scale!.ratio).toBeCloseTo(report.scale!.many.eventsPerSec / report.scale!.few.eventsPerSec, 6);
    expect(lines).toHaveLength(5);
    // Every target of the issue is printed beside the figures.
    const targets = targetsTable(report);
    for (const what of ['events/s', 'e2e p99', 'CPU ms per event', 'RSS after the run', 'ready from start', 'first reply after ready', 'users ÷ 300 users']) expect(targets).toContain(what);
    expect(report.ratios.map((r) => r.name)).toEqual(['bot, memory', 'bot, sqlite']);

    const [echo, bot] = report.stages!;
    expect(echo!.name).toBe('echo bot (express + SDK)');
    expect(bot!.name).toBe('bot, sqlite');
    // The bot's work shows up where it is done: traced through the bundle's map to the source files.
    for (const stage of ['HTTP', 'understanding', 'machine', 'render', 'store', 'send'] as const) expect(bot!.table.perEventUs[stage]).toBeGreaterThan(0);
    // The echo bot understands nothing and stores nothing.
    for (const stage of ['understanding', 'machine', 'render', 'store'] as const) expect(echo!.table.perEventUs[stage]).toBe(0);
    const sum = STAGES.reduce((total, s) => total + bot!.table.perEventUs[s], 0);
    expect(sum).toBeCloseTo(bot!.table.mainThreadUs, 3);
    expect(bot!.table.processUs).toBeGreaterThanOrEqual(bot!.table.mainThreadUs);
  }, 120_000);
});

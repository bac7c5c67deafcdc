/**
 * A small run of the benchmark so it cannot rot: both targets start, every event is answered, and the
 * figures it prints are sane. Nothing here asserts speed; `npm run bench` is for figures.
 */
import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../bench/run.js';

describe('benchmark smoke run', () => {
  it('drives the baseline and the bot with signed webhooks and reads every figure', async () => {
    const lines: string[] = [];
    const results = await runBenchmark({
      events: 200,
      users: 20,
      concurrency: 8,
      rate: 0,
      warmup: 20,
      stores: ['memory', 'sqlite'],
      timeLimitMs: 60_000,
      soakEvents: 0,
      soakWarmup: 0,
      log: (line) => lines.push(line),
    });
    expect(results.map((r) => r.name)).toEqual(['baseline (express echo)', 'bot, memory', 'bot, sqlite']);
    for (const r of results) {
      expect(r.answered).toBe(200);
      expect(r.eventsPerSec).toBeGreaterThan(0);
      expect(r.e2eP99).toBeGreaterThanOrEqual(r.e2eP50);
      expect(r.ackP99).toBeGreaterThanOrEqual(r.ackP50);
      expect(r.cpuMsPerEvent).toBeGreaterThan(0);
      expect(r.peakRssMb).toBeGreaterThan(10);
      expect(r.readyMs).toBeGreaterThan(0);
    }
    // 20 users, each left idle mid-conversation: the stored state per conversation is measured.
    expect(results[2]!.stateBytes).toBeGreaterThan(50);
    expect(results[2]!.stateBytes).toBeLessThan(2048);
    expect(lines).toHaveLength(3);
  }, 120_000);
});

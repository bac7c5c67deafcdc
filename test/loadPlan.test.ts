/**
 * Botkit's modules are loaded one plan step at a time (scripts/loadPlan.mjs). Loading CommonJS files in
 * another order than Node would can change what they see (a cycle hands out half-built exports), so
 * the plan must give the very same modules as one plain `require`: checked here on a small graph with
 * the two cases that break a naive plan, and on Botkit's real graph.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOTKIT_ENTRIES, recordAndPlan } from '../scripts/loadPlan.mjs';
import { projectRoot } from '../src/paths.js';

/**
 * entry → a → b → a (a cycle: b sees a half-built), entry → c → b (b is loaded inside a's step);
 * entry → p → u → p (u sees p half-built), p → m → u (u found in the cache; m must not be a step of its
 * own, or it would load u, and p under it, before p has started).
 */
const GRAPH: Record<string, string> = {
  'entry.js': `module.exports = { a: require('./a'), c: require('./c'), p: require('./p') };`,
  'a.js': `exports.early = 'a-early'; exports.fromB = require('./b').sawA; exports.late = 'a-late';`,
  'b.js': `exports.sawA = Object.keys(require('./a')).join();`,
  'c.js': `exports.fromB = require('./b').sawA;`,
  'p.js': `exports.name = 'p'; exports.u = require('./u').sawP; exports.m = require('./m').sawU;`,
  'u.js': `exports.sawP = Object.keys(require('./p')).join();`,
  'm.js': `exports.sawU = require('./u').sawP;`,
};

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'load-plan-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"fixture"}');
  for (const [file, source] of Object.entries(GRAPH)) writeFileSync(join(dir, file), source);
  return dir;
}

/** What `entry` exports after requiring `steps` (relative to dir) one by one, in a fresh process. */
function exportsAfter(dir: string, steps: string[], entry: string): string {
  const script = `const {join}=require('node:path');for (const f of ${JSON.stringify(steps)}) require(join(${JSON.stringify(dir)}, f));process.stdout.write(JSON.stringify(require(${JSON.stringify(entry)})));`;
  return execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
}

describe('a load plan', () => {
  it('gives the same modules as one require, where loading in finishing order would not', async () => {
    const dir = fixture();
    const steps = await recordAndPlan(dir, ['./entry.js']);
    expect(exportsAfter(dir, steps, './entry.js')).toBe(exportsAfter(dir, [], './entry.js'));
    expect(steps).not.toContain('b.js');
    expect(steps).not.toContain('u.js');
    expect(steps).not.toContain('m.js');
    expect(steps.at(-1)).toBe('entry.js');
    // The naive plan, every file in the order its loading finished, hands out half-built modules.
    const naive = ['b.js', 'a.js', 'c.js', 'u.js', 'm.js', 'p.js'];
    expect(exportsAfter(dir, naive, './entry.js')).not.toBe(exportsAfter(dir, [], './entry.js'));
  });

  it('splits Botkit and the Bot Framework SDK into steps that load them whole', async () => {
    const steps = await recordAndPlan(projectRoot, BOTKIT_ENTRIES);
    expect(steps.length).toBeGreaterThan(500);
    const script = `const {join}=require('node:path');for (const f of ${JSON.stringify(steps)}) require(join(process.cwd(), f));const {Botkit}=require('botkit');const {TurnContext}=require('botbuilder');process.stdout.write(typeof Botkit+' '+typeof TurnContext);`;
    expect(execFileSync(process.execPath, ['-e', script], { cwd: projectRoot, encoding: 'utf8' })).toBe('function function');
  }, 60_000);
});

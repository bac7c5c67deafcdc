/**
 * The answer corpus (test/answers/): conversations written by people who saw only the two documents, each
 * turn labelled with the ledger facts its reply must state, the one that must lead, and the claims it must
 * not make. The rendered reply is judged; the held-out part is only ever counted (bench/answersReport.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHome } from '../src/knowledge/factLedger.js';
import { projectRoot } from '../src/paths.js';
import { ANSWERS_DIR, createJudge, figures, loadAnswers } from './answers/judge.js';

const { judge, ledger } = createJudge();
const dev = loadAnswers(ANSWERS_DIR);
const heldout = loadAnswers(join(ANSWERS_DIR, 'heldout'));

/** The floor this corpus is held to now; the issue asks 95 % and 92 %, which is not reached yet (README). */
const BARS = { dev: 0.66, heldout: 0.64 };

describe('the fact ledger', () => {
  // The fact list sits beside the project (../shared/), which a clone elsewhere may not have.
  const tsv = join(projectRoot, '..', 'shared', 'seed-facts.tsv');
  const seedFacts = existsSync(tsv)
    ? readFileSync(tsv, 'utf8').split('\n').filter((l) => /^D[01]-\d{2}\t/.test(l)).map((l) => l.split('\t')[0]!)
    : [];
  const numbered = (doc: 'D0' | 'D1', count: number) => Array.from({ length: count }, (_, i) => `${doc}-${String(i + 1).padStart(2, '0')}`);

  it('lists the 84 facts of document 000 and the 95 of document 001, each once', () => {
    expect([...ledger.keys()].sort()).toEqual([...numbered('D0', 84), ...numbered('D1', 95)]);
  });

  it.runIf(seedFacts.length > 0)('lists every fact of shared/seed-facts.tsv', () => {
    expect(seedFacts.filter((id) => !ledger.has(id))).toEqual([]);
  });

  it('gives every fact a home in data/ that names the fact’s own document as its source', () => {
    const homeless = [...ledger.values()].filter((f) => {
      const home = resolveHome(f.home);
      return home === null || home.source !== (f.id.startsWith('D0') ? 'seed:000' : 'seed:001');
    });
    expect(homeless.map((f) => `${f.id} → ${f.home}`)).toEqual([]);
  });

  it('has a matcher for every fact the corpus asks for, and no matcher that matches every reply', () => {
    const asked = new Set([...dev, ...heldout].flatMap((c) => c.turns.flatMap((t) => t.must)));
    expect([...asked].filter((id) => !ledger.has(id))).toEqual([]);
    for (const f of ledger.values()) {
      expect(f.match.ja.test(''), f.id).toBe(false);
      expect(f.match.en.test('Hello! What can I help with?'), f.id).toBe(false);
    }
  });
});

describe('the answer corpus', () => {
  const devVerdicts = dev.flatMap(judge);
  const devFigures = figures(devVerdicts);

  it('is big and varied enough to mean something', () => {
    expect(dev.length).toBeGreaterThanOrEqual(800);
    expect(dev.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(150);
    expect(dev.filter((c) => c.at).length).toBeGreaterThanOrEqual(150);
    expect(dev.filter((c) => c.lang === 'en').length / dev.length).toBeGreaterThanOrEqual(0.25);
    expect(new Set(dev.map((c) => c.id)).size).toBe(dev.length);
  });

  it(`answers the dev part (turns) at ≥ ${BARS.dev * 100} %`, () => {
    expect(devFigures.turnAccuracy).toBeGreaterThanOrEqual(BARS.dev);
  });

  it(`answers the blind held-out part (turns) at ≥ ${BARS.heldout * 100} %`, () => {
    expect(figures(heldout.flatMap(judge)).turnAccuracy).toBeGreaterThanOrEqual(BARS.heldout);
  });

  it('keeps replies short: median ≤ 300 characters, 90th percentile ≤ 600, median one bubble, never over 3; at most 6 buttons', () => {
    expect(devFigures.chars.p50).toBeLessThanOrEqual(300);
    expect(devFigures.chars.p90).toBeLessThanOrEqual(600);
    expect(devFigures.bubbles.p50).toBe(1);
    expect(devFigures.bubbles.max).toBeLessThanOrEqual(3);
    expect(devFigures.buttons.max).toBeLessThanOrEqual(6);
  });
});

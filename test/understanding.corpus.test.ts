/**
 * The bot reads the corpus (test/corpus/*.jsonl: messages written by people who never saw its rules) the way
 * a careful support agent would. The classifier is trained on data/understanding/*.jsonl only, so
 * these figures are held-out figures. `npm run understanding:report -- --misses` shows every miss.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { normalizeText } from '../src/understand/normalizeText.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { createReaderFromKnowledge } from '../src/understand/readMessage.js';
import { createJudge, figures, loadCorpus, score } from './helpers/corpus.js';

const knowledge = loadKnowledge();
const corpus = loadCorpus();
const judge = createJudge(knowledge, createReaderFromKnowledge(knowledge, createNumberDirectory(knowledge)));
const outcomes = corpus.map((entry) => score(entry, judge(entry)));
const f = figures(outcomes);
const misses = (pred: (o: (typeof outcomes)[number]) => boolean) =>
  outcomes.filter(pred).map((o) => `${o.entry.file}:${o.entry.line} ${o.entry.text} → ${o.misses.join('; ')}`);

describe('understanding corpus', () => {
  it('is big and varied enough to mean something: ≥ 600 messages, ≥ 70 % Japanese, every topic present', () => {
    expect(f.total).toBeGreaterThanOrEqual(600);
    expect(f.japaneseShare).toBeGreaterThanOrEqual(0.7);
    for (const t of f.perTopic) expect(t.support, t.topic).toBeGreaterThan(0);
  });

  it('is independent of the training examples: no message appears in both', () => {
    const trained = new Set(knowledge.training.map((e) => normalizeText(e.text)));
    const heldOut = loadCorpus(join(import.meta.dirname, 'corpus', 'heldout'));
    expect([...corpus, ...heldOut].filter((e) => trained.has(normalizeText(e.text))).map((e) => e.text)).toEqual([]);
  });

  // The issue's target. Measured: 95.3 % (README, "How understanding works").
  it('is read right (every labelled field) for at least 95 % of messages', () => {
    expect(f.accuracy, misses((o) => !o.correct).slice(0, 40).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  // The held-out messages were never looked at one by one, so no rule is fitted to them; their figures are the
  // honest ones (measured: 95.0 %, signs 96.5 %, harm 97.1 %). Floors sit just under them.
  it('reads the held-out set about as well: ≥ 94 % right, ≥ 95 % of signs and of harm found', () => {
    const held = figures(loadCorpus(join(import.meta.dirname, 'corpus', 'heldout')).map((e) => score(e, judge(e))));
    expect(held.total).toBeGreaterThanOrEqual(400);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.94);
    expect(held.signRecall).toBeGreaterThanOrEqual(0.95);
    expect(held.harmRecall).toBeGreaterThanOrEqual(0.95);
  });

  it('misses no scam sign and no harm already done', () => {
    expect(misses((o) => o.misses.some((m) => m.startsWith('signs missed')))).toEqual([]);
    expect(misses((o) => Boolean(o.entry.harmDone) && !o.judged.reading.harmDone)).toEqual([]);
    expect(f.signRecall).toBe(1);
    expect(f.harmRecall).toBe(1);
  });
});

/**
 * The multi-turn corpus (test/multiturn/): follow-ups judged where the user is in the conversation.
 * The floors are where the bot stands now; issue 15 asks 95 % (dev) and 90 % (held-out) read right,
 * which is not reached yet (README, "Understanding conversations").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMultiTurnJudge, followUpShare, KINDS, loadMultiTurn, MULTITURN_DIR, perKind, topicsOf } from './multiturn/judge.js';

const judge = createMultiTurnJudge();
const dev = loadMultiTurn(MULTITURN_DIR);
const heldout = loadMultiTurn(join(MULTITURN_DIR, 'heldout'));
const FLOORS = { devRead: 0.7, heldoutRead: 0.65, devAnswered: 0.53, heldoutAnswered: 0.48 };

describe('the multi-turn corpus', () => {
  const devVerdicts = dev.flatMap(judge);
  const heldVerdicts = heldout.flatMap(judge);

  it('has at least 300 dev conversations of 2–4 turns and a held-out part, every kind of follow-up in both', () => {
    expect(dev.length).toBeGreaterThanOrEqual(300);
    expect(heldout.length).toBeGreaterThanOrEqual(100);
    for (const conv of [...dev, ...heldout]) expect(conv.turns.length).toBeGreaterThanOrEqual(2);
    for (const v of [devVerdicts, heldVerdicts]) expect(perKind(v).filter((k) => k.turns < 15).map((k) => k.kind)).toEqual([]);
  });

  it('knows every view the replies answered with (a view it cannot place would count as a miss)', () => {
    const unplaced = [...new Set(devVerdicts.map((v) => v.answered))].filter((a) => topicsOf(a).length === 0 && !a.startsWith('fallback.'));
    expect(unplaced).toEqual([]);
  });

  it('reads the follow-ups at least as well as it did', () => {
    expect(followUpShare(devVerdicts, (v) => v.readRight)).toBeGreaterThanOrEqual(FLOORS.devRead);
    expect(followUpShare(heldVerdicts, (v) => v.readRight)).toBeGreaterThanOrEqual(FLOORS.heldoutRead);
  });

  it('answers them at least as well as it did', () => {
    expect(followUpShare(devVerdicts, (v) => v.ok)).toBeGreaterThanOrEqual(FLOORS.devAnswered);
    expect(followUpShare(heldVerdicts, (v) => v.ok)).toBeGreaterThanOrEqual(FLOORS.heldoutAnswered);
  });

  it('judges a repeated reply to "why?" as read wrongly', () => {
    const conv = { ...dev[0]!, turns: [dev[0]!.turns[0]!, dev[0]!.turns[0]!], labels: [dev[0]!.labels[0]!, { kind: 'why' as const, topic: dev[0]!.labels[0]!.topic }] };
    const [, second] = judge(conv);
    expect(KINDS).toContain(second!.kind);
    expect(second!.readRight).toBe(false);
  });
});

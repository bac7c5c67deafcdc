/**
 * The topic rules (src/understand/rules/topicRules.ts) are read top to bottom and the first that applies
 * decides, so a rule can be shadowed by one above it without anyone noticing: each rule's own examples must
 * be decided by that rule, through the whole reader.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { createReaderFromKnowledge } from '../src/understand/readMessage.js';
import { TOPIC_RULES } from '../src/understand/rules/topicRules.js';

const knowledge = loadKnowledge();
const reader = createReaderFromKnowledge(knowledge, createNumberDirectory(knowledge));
const cases = TOPIC_RULES.flatMap((rule) => rule.examples.map((example) => [rule.id, example.flow ?? '-', example.text] as const));

describe('the topic rules', () => {
  it('have unique ids and at least one example each', () => {
    expect(new Set(TOPIC_RULES.map((r) => r.id)).size).toBe(TOPIC_RULES.length);
    expect(TOPIC_RULES.filter((r) => r.examples.length === 0).map((r) => r.id)).toEqual([]);
  });

  it.each(cases)('%s decides its example (tree %s) %j', (id, flow, text) => {
    const reading = reader.read(text, { activeFlow: flow === '-' ? null : flow, previousLang: 'ja' });
    expect(reading.rule).toBe(id);
  });
});

/** The topic model the bundle reads instead of training at start-up ranks exactly as the trained one. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { readTopicTables, writeTopicTables } from '../src/understand/builtTopicModel.js';
import { foldForClassifier } from '../src/understand/foldText.js';
import { normalizeText } from '../src/understand/normalizeText.js';
import { topicModelOf, trainTopicModel } from '../src/understand/topicClassifier.js';

const { training } = loadKnowledge();
const path = join(mkdtempSync(join(tmpdir(), 'topic-model-')), 'model.bin');
writeTopicTables(path, training);

describe('the built topic model', () => {
  it('ranks every example, and messages it never saw, as the model trained at start-up', () => {
    const trained = trainTopicModel(training.map((e) => ({ text: foldForClassifier(normalizeText(e.text)), topic: e.topic })));
    const tables = readTopicTables(path, training);
    expect(tables).not.toBeNull();
    const built = topicModelOf(tables!);
    const texts = [...training.map((e) => e.text), '知らない番号から電話が来た', 'Who called me from 03-1234-5678?', '置き配にしてほしい'];
    for (const text of texts) {
      const folded = foldForClassifier(normalizeText(text));
      expect(built.rank(folded)).toEqual(trained.rank(folded));
    }
  });

  it('is not used once the examples it was trained on change', () => {
    const edited = training.map((e, i) => (i === 7 ? { ...e, text: `${e.text}!` } : e));
    expect(readTopicTables(path, edited)).toBeNull();
    expect(readTopicTables(path, training.slice(1))).toBeNull();
  });
});

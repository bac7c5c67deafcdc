/**
 * `npm run understanding:compare`: the measurement behind the choice of features for the topic classifier.
 * Same naive Bayes, same training split (data/understanding/*.jsonl), same evaluation split
 * (test/corpus/*.jsonl, topic only), three feature sets:
 *   - character 1–3-grams of the folded text (what the bot runs: no dictionary, nothing to load);
 *   - kuromoji (IPADIC) base forms plus those n-grams (conjugations unified by the dictionary);
 *   - kuromoji base forms alone.
 * Prints topic accuracy, dictionary load time, memory after load and time per message.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { foldForClassifier } from '../src/understand/foldText.js';
import { normalizeText } from '../src/understand/normalizeText.js';
import { featuresOf, trainTopicModel } from '../src/understand/topicClassifier.js';
import { loadCorpus } from '../test/helpers/corpus.js';

interface Token { basic_form: string; surface_form: string; pos: string }
interface Tokenizer { tokenize(text: string): Token[] }

const require = createRequire(import.meta.url);
const kuromoji = require('@sglkc/kuromoji') as { builder(o: { dicPath: string }): { build(cb: (err: Error | null, t: Tokenizer) => void): void } };

const knowledge = loadKnowledge();
const corpus = loadCorpus().filter((e) => !e.after);
const prepare = (text: string) => foldForClassifier(normalizeText(text));

const rssBefore = process.memoryUsage().rss;
const loadStart = performance.now();
const tokenizer = await new Promise<Tokenizer>((resolve, reject) =>
  kuromoji
    .builder({ dicPath: join(dirname(require.resolve('@sglkc/kuromoji')), '..', 'dict') })
    .build((err, t) => (err ? reject(err) : resolve(t))),
);
const loadMs = performance.now() - loadStart;
const rssAfter = process.memoryUsage().rss;

const CONTENT = /^(名詞|動詞|形容詞|副詞|感動詞)/;
const baseForms = (text: string) =>
  tokenizer
    .tokenize(normalizeText(text))
    .filter((t) => CONTENT.test(t.pos))
    .map((t) => `b:${t.basic_form === '*' ? t.surface_form : t.basic_form}`);

const variants: { name: string; features: (text: string) => string[] }[] = [
  { name: 'char 1–3-grams + words (production)', features: (t) => featuresOf(prepare(t)) },
  { name: 'base forms + char 1–3-grams + words', features: (t) => [...featuresOf(prepare(t)), ...baseForms(t)] },
  { name: 'base forms only', features: (t) => baseForms(t) },
];

console.log(`kuromoji: dictionary load ${loadMs.toFixed(0)} ms, RSS +${((rssAfter - rssBefore) / 1e6).toFixed(0)} MB`);
console.log(`train: ${knowledge.training.length} examples; evaluate: ${corpus.length} corpus messages (follow-ups left out: they need context)\n`);
console.log('| features | topic accuracy | median ms / message |\n|---|---|---|');
for (const v of variants) {
  // Raw text goes in; each variant turns it into its own features.
  const model = trainTopicModel(knowledge.training.map((e) => ({ text: e.text, topic: e.topic })), v.features);
  const times: number[] = [];
  let right = 0;
  for (const entry of corpus) {
    const t0 = performance.now();
    const topic = model.rank(entry.text)[0]!.topic;
    times.push(performance.now() - t0);
    if (topic === entry.topic) right++;
  }
  times.sort((a, b) => a - b);
  console.log(`| ${v.name} | ${((right / corpus.length) * 100).toFixed(1)} % | ${times[Math.floor(times.length / 2)]!.toFixed(3)} |`);
}

/**
 * Which question a message asks, learnt from the project's own examples (data/understanding/*.jsonl)
 * rather than written as keyword rules: a naive Bayes model over character 1–3-grams of the folded text
 * plus word unigrams. Character n-grams need no tokenizer, so conjugations share their stem
 * (教えた / 教えちゃった / 教えてしまいました all contain 教え).
 */
import type { Topic } from '../../flows/types.js';

export interface TopicExample {
  text: string;
  topic: Topic;
}

export interface RankedTopic {
  topic: Topic;
  /** Posterior probability under the model, 0–1. */
  p: number;
}

export interface TopicModel {
  rank(foldedText: string): RankedTopic[];
  readonly topics: readonly Topic[];
}

/** Additive smoothing; small, because most n-grams appear in a few examples of one topic only. */
const ALPHA = 0.05;
const EVIDENCE_PER_UNIT = 8;

export function featuresOf(folded: string): string[] {
  const feats = new Set<string>();
  const padded = `^${folded}$`;
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= padded.length; i++) {
      const gram = padded.slice(i, i + n);
      if (gram.trim() === '') continue;
      feats.add(gram);
    }
  }
  for (const word of folded.split(/[^a-z']+/)) if (word.length > 1) feats.add(`w:${word}`);
  return [...feats];
}

/**
 * What training produces: the features seen (row i of the table is features[i]) and the log weight of
 * each feature for each topic. Plain arrays, so that the build can train once and write them
 * (builtTopicModel.ts) instead of every start.
 */
export interface TopicTables {
  topics: Topic[];
  features: string[];
  /** features.length × topics.length, row-major. */
  logWeights: Float64Array;
}

/** `featurize` is swappable so that other feature sets can be measured against these (bench/compareUnderstanding.ts). */
export function trainTopicModel(examples: readonly TopicExample[], featurize: (text: string) => string[] = featuresOf): TopicModel {
  return topicModelOf(trainTopicTables(examples, featurize), featurize);
}

export function trainTopicTables(examples: readonly TopicExample[], featurize: (text: string) => string[] = featuresOf): TopicTables {
  const topics = [...new Set(examples.map((e) => e.topic))];
  const K = topics.length;
  const index = new Map<Topic, number>(topics.map((t, i) => [t, i]));
  // One flat table (feature row × topic column) instead of one typed array per feature: tens of thousands of
  // small allocations made start-up several times slower. Rows are numbered first, so the table is allocated once.
  const featureRow = new Map<string, number>();
  const rowsOf = examples.map((ex) =>
    featurize(ex.text).map((f) => {
      let row = featureRow.get(f);
      if (row === undefined) featureRow.set(f, (row = featureRow.size));
      return row;
    }),
  );
  const vocabulary = featureRow.size;
  const counts = new Float64Array(vocabulary * K);
  const totals = new Float64Array(K);
  examples.forEach((ex, e) => {
    const k = index.get(ex.topic)!;
    for (const row of rowsOf[e]!) counts[row * K + k]! += 1;
    totals[k]! += rowsOf[e]!.length;
  });
  const denominators = Array.from(totals, (t) => Math.log(t + ALPHA * vocabulary));
  const logWeights = counts.map((c, i) => Math.log(c + ALPHA) - denominators[i % K]!);
  return { topics, features: [...featureRow.keys()], logWeights };
}

export function topicModelOf({ topics, features, logWeights }: TopicTables, featurize: (text: string) => string[] = featuresOf): TopicModel {
  const K = topics.length;
  // A plain loop: building the map from [feature, row] pairs took 5× longer, at every start.
  const featureRow = new Map<string, number>();
  for (let row = 0; row < features.length; row++) featureRow.set(features[row]!, row);
  return {
    topics,
    rank(folded) {
      const scores = new Float64Array(K);
      let known = 0;
      for (const f of featurize(folded)) {
        const row = featureRow.get(f);
        // n-grams never seen in training say nothing about the topic.
        if (row === undefined) continue;
        known++;
        for (let k = 0; k < K; k++) scores[k]! += logWeights[row * K + k]!;
      }
      // Naive Bayes counts every overlapping n-gram as independent evidence, so its raw posteriors are near 0
      // or 1; tempering by the amount of evidence makes "how sure" usable for the unsure-answer threshold.
      const temperature = Math.max(1, known / EVIDENCE_PER_UNIT);
      const max = Math.max(...scores);
      const exp = Array.from(scores, (s) => Math.exp((s - max) / temperature));
      const sum = exp.reduce((a, b) => a + b, 0);
      return topics.map((topic, k) => ({ topic, p: exp[k]! / sum })).sort((a, b) => b.p - a.p);
    },
  };
}

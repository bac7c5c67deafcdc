/**
 * The topic model the bot starts with. Folding and training on the 3,500+ examples took ~100 ms of every
 * start, the largest part of it after loading code; so the bundle's build trains once and writes the
 * tables beside the bundle (scripts/build.mjs), and a start of that bundle reads them (~10 ms).
 *
 * The tables are used only by the bundle built with them (esbuild defines BUNDLED_TOPIC_MODEL there),
 * so they always come from the same code; and only if they were trained on the examples the start
 * has just read, so an edited data/understanding/ file is never answered with an older model. Run
 * from source (tests, `npm run dev`), the model is trained at start-up.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingExample } from '../../data/schema.js';
import type { Topic } from '../../flows/types.js';
import { projectRoot } from '../paths.js';
import { foldForClassifier } from './foldText.js';
import { normalizeText } from './normalizeText.js';
import { topicModelOf, trainTopicTables, type TopicModel, type TopicTables } from './topicClassifier.js';

/** Project-relative path of the tables, defined in the bundle only. */
declare const BUNDLED_TOPIC_MODEL: string | undefined;

interface Header {
  examples: string;
  topics: Topic[];
  features: string[];
}

const fingerprint = (training: readonly TrainingExample[]) =>
  createHash('sha256')
    .update(JSON.stringify(training.map((e) => [e.text, e.topic])))
    .digest('base64');

const train = (training: readonly TrainingExample[]) =>
  trainTopicTables(training.map((e) => ({ text: foldForClassifier(normalizeText(e.text)), topic: e.topic })));

export function topicModelOfTraining(training: readonly TrainingExample[]): TopicModel {
  const built = typeof BUNDLED_TOPIC_MODEL === 'string' ? readTopicTables(join(projectRoot, BUNDLED_TOPIC_MODEL), training) : null;
  return topicModelOf(built ?? train(training));
}

/**
 * File layout: the header's length (uint32, little-endian), the header as JSON, zero padding to a
 * multiple of 8, then the log weights as float64 (the platform's byte order: read where written).
 */
export function writeTopicTables(path: string, training: readonly TrainingExample[]): void {
  const { topics, features, logWeights } = train(training);
  const header = Buffer.from(JSON.stringify({ examples: fingerprint(training), topics, features } satisfies Header));
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const file = Buffer.alloc(start + logWeights.byteLength);
  file.writeUInt32LE(header.length, 0);
  header.copy(file, 4);
  Buffer.from(logWeights.buffer, logWeights.byteOffset, logWeights.byteLength).copy(file, start);
  writeFileSync(path, file);
}

/** The tables at `path`, or null when there are none or they were trained on other examples. */
export function readTopicTables(path: string, training: readonly TrainingExample[]): TopicTables | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  const length = file.readUInt32LE(0);
  const header = JSON.parse(file.toString('utf8', 4, 4 + length)) as Header;
  if (header.examples !== fingerprint(training)) return null;
  const start = Math.ceil((4 + length) / 8) * 8;
  const at = file.byteOffset + start;
  const count = (file.length - start) / 8;
  // A view where the offset allows it (a file this size has a buffer of its own); copying 4 MB and
  // faulting its pages in cost ~25 ms.
  const logWeights = at % 8 === 0 ? new Float64Array(file.buffer, at, count) : new Float64Array(file.buffer.slice(at, at + count * 8));
  return { topics: header.topics, features: header.features, logWeights };
}

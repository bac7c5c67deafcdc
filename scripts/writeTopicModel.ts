/**
 * `node <this, bundled> <path>`: trains the topic model on data/understanding/ and writes its tables
 * to <path>. scripts/build.mjs bundles and runs it beside the bot's bundle, from the same sources.
 */
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { writeTopicTables } from '../src/understand/builtTopicModel.js';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: node writeTopicModel.mjs <path>');
writeTopicTables(path, loadKnowledge().training);

/**
 * The ledger of the two source documents' facts (data/facts/D0.json, D1.json): for each fact of
 * shared/seed-facts.tsv, where it lives in data/ (a JSON pointer), the section of the document it comes
 * from, and a matcher that tells whether a rendered reply states it. The answer corpus judges replies with
 * these matchers; a test fails when a fact's home is missing or does not come from its document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactsFile } from '../../data/schema.js';
import { projectRoot } from '../paths.js';

export interface LedgerEntry {
  id: string;
  home: string;
  passage: string;
  match: { ja: RegExp; en: RegExp };
}

const FACTS_DIR = join(projectRoot, 'data', 'facts');

export function loadFactLedger(dir: string = FACTS_DIR): Map<string, LedgerEntry> {
  const ledger = new Map<string, LedgerEntry>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = FactsFile.parse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    for (const f of parsed.facts) {
      if (ledger.has(f.id)) throw new Error(`data/facts/${file}: ${f.id} is listed twice`);
      ledger.set(f.id, { ...f, match: { ja: new RegExp(f.match.ja, 'i'), en: new RegExp(f.match.en, 'i') } });
    }
  }
  return ledger;
}

/** The value a ledger home points at and the `source` of the nearest object on the way, or null when it does not resolve. */
export function resolveHome(home: string, dataDir: string = join(projectRoot, 'data')): { value: unknown; source: string | undefined } | null {
  const [file, pointer] = home.split('#') as [string, string];
  let node: unknown = JSON.parse(readFileSync(join(dataDir, file), 'utf8'));
  let source = (node as { source?: string }).source;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return null;
    node = (node as Record<string, unknown>)[key];
    if (node && typeof node === 'object' && 'source' in node && typeof (node as { source: unknown }).source === 'string') source = (node as { source: string }).source;
  }
  return { value: node, source };
}

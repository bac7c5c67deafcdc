/**
 * Every word list in src/understand/lexicon.ts is matched against one form of the text; an alternative written
 * in a spelling that form never has (katakana or a kana word in the folded form, half-width kana in the
 * normalised text) can never match, and such dead words hide the gaps they were meant to fill.
 */
import { describe, expect, it } from 'vitest';
import * as lexicon from '../src/understand/lexicon.js';
import type { WordList } from '../src/understand/lexicon.js';
import { foldForClassifier } from '../src/understand/foldText.js';
import { normalizeText } from '../src/understand/normalizeText.js';

const lists = Object.entries(lexicon).filter((e): e is [string, WordList] => typeof e[1] === 'object' && e[1] !== null && 'pattern' in e[1]);

/** The literal words of a pattern: what is left between its syntax (classes, escapes, groups, quantifiers). */
function literalWords(source: string): string[] {
  const stripped = source
    .replace(/\\[pPu]\{[^}]*\}/g, ' ')
    .replace(/\[(?:\\.|[^\]])*\]/g, ' ')
    .replace(/\\./g, ' ')
    .replace(/\{\d+(?:,\d*)?\}/g, ' ')
    .replace(/\(\?(?:<[=!]|[:=!])/g, ' ');
  return stripped.split(/[|()?*+.^$\s]+/).filter((w) => /\p{L}/u.test(w));
}

const survives: Record<lexicon.TextForm, (word: string) => boolean> = {
  text: (w) => normalizeText(w) === w,
  folded: (w) => foldForClassifier(w) === w.toLowerCase(),
  either: (w) => normalizeText(w) === w || foldForClassifier(w) === w.toLowerCase(),
};

describe('the lexicon', () => {
  it('has word lists to check', () => {
    expect(lists.length).toBeGreaterThan(30);
  });

  it.each(lists)('%s: every word can occur in the form of text it is matched against', (_name, list) => {
    const dead = literalWords(list.pattern.source).filter((w) => !survives[list.form](w));
    expect(dead).toEqual([]);
  });

  it('finds a dead word when there is one (the check itself can fail)', () => {
    expect(literalWords('ワン切り|わん切り|(?:でんわ)').filter((w) => !survives.folded(w))).toEqual(['ワン切り', 'でんわ']);
  });
});

/** Number extraction: the forms people type, checked by example and by property (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { allowedDigitForms, digitsOf, maskUnvettedNumbers } from '../src/render/phoneGuard.js';
import { normalizeText } from '../src/understand/normalizeText.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';

const knowledge = loadKnowledge();
const directory = createNumberDirectory(knowledge);
const find = (text: string) => directory.identifyAll(normalizeText(text));

describe('examples', () => {
  it.each([
    ['0120-070-585', '+81120070585', 'tollFree'],
    ['0120070585', '+81120070585', 'tollFree'],
    ['０１２０－０７０－５８５', '+81120070585', 'tollFree'],
    ['０１２０ー０７０ー５８５', '+81120070585', 'tollFree'],
    ['0120 070 585', '+81120070585', 'tollFree'],
    ['+81 120 070 585', '+81120070585', 'tollFree'],
    ['＋８１ １２０ ０７０ ５８５', '+81120070585', 'tollFree'],
    ['010-852-6451-5445', '+85264515445', 'international'],
    ['0570-012-345', '+81570012345', 'naviDial'],
    ['050-1234-5678', '+815012345678', 'ipPhone'],
    ['080-2158-5817', '+818021585817', 'mobile'],
    ['03-1234-5678', '+81312345678', 'fixedLine'],
    ['011-330-3000', '+81113303000', 'fixedLine'],
    ['0800-123-4567', '+818001234567', 'tollFree'],
  ])('%s → %s (%s)', (typed, e164, kind) => {
    const [n] = find(`さっき${typed}から電話があった`);
    expect(n).toMatchObject({ e164, kind });
  });

  it('names the area of a fixed line by the longest prefix', () => {
    expect(find('011-222-3333')[0]).toMatchObject({ kind: 'fixedLine', areaPrefix: '011' });
    expect(find('03-1234-5678')[0]).toMatchObject({ areaPrefix: '03' });
  });

  it('marks only vetted numbers with a role', () => {
    expect(find('0120-070-585')[0]).toMatchObject({ role: 'deliveryDriver', display: '0120-070-585' });
    expect(find('0120-999-373')[0]).toMatchObject({ role: 'officialSupport' });
    expect(find('090-9009-7540')[0]).toMatchObject({ role: 'smsSender' });
    expect(find('0120-111-222')[0]?.role).toBeUndefined();
  });

  it('ignores hidden characters planted inside a number', () => {
    expect(find('0120\u200B-070-\u202E585')[0]?.e164).toBe('+81120070585');
  });

  it('finds nothing in digit soup, dates or prices', () => {
    expect(find('1'.repeat(1000))).toEqual([]);
    expect(find('2024年11月24日に3,980円')).toEqual([]);
  });
});

// Valid Japanese numbers by kind, generated digit by digit.
const d = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const japaneseNumber = fc.oneof(
  d(6).map((x) => ['0120', x.slice(0, 3), x.slice(3)]),
  fc.tuple(fc.constantFrom('70', '80', '90'), d(8)).map(([p, x]) => [`0${p}`, x.slice(0, 4), x.slice(4)]),
  d(8).map((x) => ['050', x.slice(0, 4), x.slice(4)]),
  fc.tuple(fc.integer({ min: 1, max: 9 }), d(7)).map(([first, x]) => ['03', `${first}${x.slice(0, 3)}`, x.slice(3)]),
);

const toFullWidth = (s: string) => s.replace(/[0-9+\-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const styles = [
  (p: string[]) => p.join('-'),
  (p: string[]) => p.join(''),
  (p: string[]) => p.join(' '),
  (p: string[]) => p.join('ー'),
  (p: string[]) => toFullWidth(p.join('-')),
  (p: string[]) => `+81 ${p[0]!.slice(1)} ${p[1]} ${p[2]}`,
  (p: string[]) => `+81-${p.join('-').slice(1)}`,
];
const sentences = [(n: string) => n, (n: string) => `${n}から電話があった、誰?`, (n: string) => `Who called me from ${n}?`, (n: string) => `着信: ${n} 😱`];

describe('properties', () => {
  it('however a valid number is written, in whatever sentence, the same E.164 comes out', () => {
    fc.assert(
      fc.property(japaneseNumber, fc.integer({ min: 0, max: styles.length - 1 }), fc.integer({ min: 0, max: sentences.length - 1 }), (parts, s, w) => {
        const canonical = `+81${parts.join('').slice(1)}`;
        // libphonenumber rightly rejects some unassigned ranges; any number it accepts in plain form
        // must be found the same in every other form.
        fc.pre(find(parts.join('-')).length === 1);
        expect(find(sentences[w]!(styles[s]!(parts))).map((n) => n.e164)).toEqual([canonical]);
      }),
      { numRuns: 400 },
    );
  });

  it('the canonical hyphenated form of every generated number is found', () => {
    let found = 0;
    fc.assert(
      fc.property(japaneseNumber, (parts) => {
        if (find(parts.join('-')).length === 1) found++;
      }),
      { numRuns: 300 },
    );
    expect(found).toBeGreaterThan(250);
  });

  it('two numbers in one message are both found, in order', () => {
    fc.assert(
      fc.property(japaneseNumber, japaneseNumber, (a, b) => {
        fc.pre(a.join('') !== b.join(''));
        const got = find(`${a.join('-')}と${b.join('-')}`).map((n) => n.e164);
        const expected = [a, b].map((p) => `+81${p.join('').slice(1)}`);
        for (const e of got) expect(expected).toContain(e);
      }),
      { numRuns: 200 },
    );
  });

  it('the phone guard lets no unvetted diallable number through, whatever the text', () => {
    const allowed = allowedDigitForms(directory.vettedE164);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), japaneseNumber.map((p) => p.join('-')), fc.constant('0120-070-585'))), (chunks) => {
        const { text } = maskUnvettedNumbers(chunks.join(' '), allowed);
        for (const run of text.match(/\+?\d[\d\-\s()]{6,}\d/g) ?? []) expect(allowed.has(digitsOf(run))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

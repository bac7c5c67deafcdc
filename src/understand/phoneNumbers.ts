/**
 * Finds phone numbers in free text and says what each is: a vetted number from data/numbers.json,
 * or otherwise only its kind (toll-free, navi-dial, IP, mobile, fixed line with area, international).
 * Parsing is libphonenumber's; this module only maps its answer onto the bot's vocabulary.
 */
import { findNumbers, parsePhoneNumberFromString, parsePhoneNumberWithError, type PhoneNumber } from 'libphonenumber-js/max';
import type { Knowledge } from '../../data/schema.js';
import type { IdentifiedNumber, NumberKind, VettedRole } from '../../flows/types.js';

export interface NumberDirectory {
  identifyAll(normalizedText: string): IdentifiedNumber[];
  /** E.164 forms the bot may always show. */
  vettedE164: ReadonlySet<string>;
}

interface VettedEntry {
  id: string;
  role: VettedRole;
  dial: string;
}

export function createNumberDirectory(knowledge: Knowledge): NumberDirectory {
  const vetted = new Map<string, VettedEntry>();
  for (const n of knowledge.numbers.numbers) {
    vetted.set(toE164(n.dial), { id: n.id, role: n.role, dial: n.dial });
  }
  // Longest prefix first, so "011" (Sapporo) is not read as a shorter code.
  const areas = [...knowledge.areaCodes.areas].sort((a, b) => b.prefix.length - a.prefix.length);

  function identify(found: PhoneNumber, typed: string): IdentifiedNumber {
    const e164 = found.number;
    const entry = vetted.get(e164);
    const kind = kindOf(found);
    const national = `0${found.nationalNumber}`;
    return {
      e164,
      display: entry ? entry.dial : typed,
      kind,
      ...(entry ? { vettedId: entry.id, role: entry.role } : {}),
      ...(kind === 'fixedLine' ? areaOf(national) : {}),
      ...(kind === 'international' && found.country ? { country: found.country } : {}),
    };
  }

  function areaOf(national: string): { areaPrefix?: string } {
    const area = areas.find((a) => national.startsWith(a.prefix));
    return area ? { areaPrefix: area.prefix } : {};
  }

  return {
    vettedE164: new Set(vetted.keys()),
    identifyAll(text) {
      // No dialable number anywhere has fewer than 7 digits; most messages have none, and the full
      // libphonenumber scan is the costly part of understanding a message.
      if ((text.match(DIGIT)?.length ?? 0) < MIN_DIGITS) return [];
      const seen = new Set<string>();
      const result: IdentifiedNumber[] = [];
      for (const match of findNumbers(text, { defaultCountry: 'JP', v2: true })) {
        if (seen.has(match.number.number)) continue;
        seen.add(match.number.number);
        result.push(identify(match.number, text.slice(match.startsAt, match.endsAt).trim()));
      }
      // Scammers' foreign numbers are often in ranges libphonenumber does not call valid (e.g. +44 7700 900…),
      // yet the user got a call from them: a "+" number of possible length is still a foreign number.
      for (const typed of text.match(PLUS_NUMBER) ?? []) {
        const found = parsePhoneNumberFromString(typed);
        if (!found || found.countryCallingCode === '81' || !found.isPossible() || seen.has(found.number)) continue;
        seen.add(found.number);
        result.push(identify(found, typed.trim()));
      }
      return result;
    },
  };
}

const DIGIT = /\d/g;
const PLUS_NUMBER = /\+\d[\d\s\-().]{5,18}\d/g;
const MIN_DIGITS = 7;

export function toE164(dial: string): string {
  return parsePhoneNumberWithError(dial, 'JP').number;
}

function kindOf(n: PhoneNumber): NumberKind {
  if (n.countryCallingCode !== '81') return 'international';
  switch (n.getType()) {
    case 'TOLL_FREE':
      return 'tollFree';
    case 'UAN': // 0570 navi-dial
    case 'SHARED_COST':
      return 'naviDial';
    case 'VOIP':
      return 'ipPhone';
    case 'MOBILE':
    case 'PAGER':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE':
      return 'fixedLine';
    default:
      return 'other';
  }
}

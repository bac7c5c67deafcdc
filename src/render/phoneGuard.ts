/**
 * Last line of defence for the rule "never send a phone number that is not vetted": every string that
 * leaves for LINE (text, Flex contents, altText, quick-reply labels and display texts) is scanned for
 * digit runs that could be dialled, in any digit form people or data might produce (full-width digits,
 * hyphens of every kind, dots, slashes, spaces, brackets), and any that is neither vetted nor the user's
 * own is masked. Rendering bugs or a bad data edit then fail safe instead of sending a stranger's number.
 */
import type { OutgoingMessage } from '../line/lineLimits.js';

const DIGIT = '[0-9０-９]';
const SEPARATOR = '[-‐‑‒–—―−ー－ｰ\\s()（）.．/／]';
const DIALLABLE = new RegExp(`[+＋]?${DIGIT}(?:${DIGIT}|${SEPARATOR}){6,}${DIGIT}`, 'g');

/** ASCII digits only, whatever form they were written in. */
export const digitsOf = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

/** Both the national (0…) and international (81…, 852…) digit forms of each allowed E.164 number. */
export function allowedDigitForms(e164s: Iterable<string>): Set<string> {
  const forms = new Set<string>();
  for (const e164 of e164s) {
    const digits = digitsOf(e164);
    forms.add(digits);
    if (digits.startsWith('81')) forms.add(`0${digits.slice(2)}`);
    else forms.add(`010${digits}`);
  }
  return forms;
}

export function maskUnvettedNumbers(text: string, allowed: ReadonlySet<string>): { text: string; masked: number } {
  let masked = 0;
  const out = text.replace(DIALLABLE, (run) => {
    // Fewer than 7 digits cannot be dialled as a number here (times, dates and prices pass).
    if (digitsOf(run).length < 7 || allowed.has(digitsOf(run))) return run;
    masked++;
    return '[番号非表示]';
  });
  return { text: out, masked };
}

/**
 * Guards every string anywhere inside the messages, so no field (Flex, altText, labels) is forgotten.
 * Copy on write: an array or object is rebuilt only where a string in it was masked. Rebuilding every
 * level of every reply (Flex bubbles are deep) made ~8 % of all the bot's garbage, to mask nothing.
 */
export function guardMessages(messages: OutgoingMessage[], allowed: ReadonlySet<string>): { messages: OutgoingMessage[]; masked: number } {
  let masked = 0;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      // Postback data is ours and never shown; everything else may be read by the user.
      if (key === 'data') return value;
      const guarded = maskUnvettedNumbers(value, allowed);
      masked += guarded.masked;
      return guarded.masked ? guarded.text : value;
    }
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      value.forEach((v, i) => {
        const w = walk(v, key);
        if (w !== v) (copy ??= [...value])[i] = w;
      });
      return copy ?? value;
    }
    if (value && typeof value === 'object') {
      let copy: Record<string, unknown> | null = null;
      for (const [k, v] of Object.entries(value)) {
        const w = walk(v, k);
        if (w !== v) (copy ??= { ...value })[k] = w;
      }
      return copy ?? value;
    }
    return value;
  };
  return { messages: messages.map((m) => walk(m, '') as OutgoingMessage), masked };
}

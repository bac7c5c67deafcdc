/**
 * Last line of defence for the rule "never send a phone number that is not vetted": every outgoing
 * text is scanned for digit runs that could be dialled, and any that is neither vetted nor the user's
 * own is masked. Rendering bugs or a bad data edit then fail safe instead of sending a stranger's number.
 */
const DIALLABLE = /\+?\d[\d\-\s()]{6,}\d/g;

export const digitsOf = (s: string) => s.replace(/\D/g, '');

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
    if (allowed.has(digitsOf(run))) return run;
    masked++;
    return '[番号非表示]';
  });
  return { text: out, masked };
}

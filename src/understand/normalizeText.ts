/**
 * Makes user text comparable: full-width digits and symbols become ASCII (NFKC), the many dashes people
 * type between digits become "-", and invisible or direction-changing characters are dropped so they
 * cannot hide a number or a keyword.
 */

// Zero-width, bidi controls and BOM: invisible in the chat, but they split digits and words.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Katakana long-vowel mark and assorted dashes used as hyphens inside numbers ("0120ー070ー585").
const DASH_BETWEEN_DIGITS = /(?<=\d)\s*[ー－‐‑‒–—―−ｰ]\s*(?=\d)/g;

// "0120-O70-585": a capital O typed for a zero, between digits (or next to another such O).
const LETTER_O_IN_NUMBER = /(?<=\d-?|(?<=\d-?)O)O(?=-?\d|O-?\d)/g;

/** Longer text is cut before any parsing so hostile input costs little; LINE's own limit is 5,000. */
export const MAX_UNDERSTOOD_CHARS = 1000;

export function normalizeText(text: string): string {
  return digitsFromKana(
    text
      .slice(0, MAX_UNDERSTOOD_CHARS * 2)
      .normalize('NFKC')
      .replace(INVISIBLE, ''),
  )
    .replace(DASH_BETWEEN_DIGITS, '-')
    .replace(LETTER_O_IN_NUMBER, '0')
    .trim()
    .slice(0, MAX_UNDERSTOOD_CHARS);
}

// Digits read out in kana, as voice input and some elderly users write a number ("ぜろいちにぜろ ぜろななぜろ…").
const KANA_DIGITS: [string, string][] = [
  ['ぜろ', '0'], ['ゼロ', '0'], ['れい', '0'], ['まる', '0'], ['いち', '1'], ['イチ', '1'], ['にー', '2'], ['ニー', '2'], ['に', '2'], ['ニ', '2'],
  ['さん', '3'], ['サン', '3'], ['よん', '4'], ['ヨン', '4'], ['ろく', '6'], ['ロク', '6'], ['なな', '7'], ['ナナ', '7'], ['しち', '7'],
  ['はち', '8'], ['ハチ', '8'], ['きゅう', '9'], ['キュウ', '9'], ['きゅー', '9'], ['ご', '5'], ['ゴ', '5'],
];
const KANA_DIGIT_WORDS = KANA_DIGITS.map(([k]) => k).join('|');
const KANA_DIGIT = new RegExp(KANA_DIGIT_WORDS, 'g');
const KANA_DIGIT_VALUE = new Map(KANA_DIGITS);
// Ten or more in a row (a phone number's length), spaces or の between groups: ordinary words never run that long.
const KANA_DIGIT_RUN = new RegExp(`(?:(?:${KANA_DIGIT_WORDS})[\\s、の]*){10,}`, 'g');
const digitsFromKana = (text: string) =>
  text.replace(KANA_DIGIT_RUN, (run) => ` ${run.replace(/[\s、の]+/g, '').replace(KANA_DIGIT, (d) => KANA_DIGIT_VALUE.get(d)!)} `);

const LATIN_WORD = /[A-Za-z]{2,}/;

/** Japanese wins whenever a kana or kanji appears; plain Latin words mean English; otherwise keep what we had. */
/**
 * English sentences with a Japanese term in them ("I set 置き配", "is it 定期おトク便?") are English: Japanese
 * wins only when it is more than a few words' worth of the message, or when there is no English sentence.
 */
export function detectLanguage(text: string, previous: 'ja' | 'en'): 'ja' | 'en' {
  const japanese = text.match(JAPANESE_CHARS)?.length ?? 0;
  const english = text.match(ENGLISH_WORDS)?.length ?? 0;
  // A pasted Japanese text followed by the user's own English question ("…こちら https://… real or fake?").
  const endsInEnglish = english >= 3 && /[a-z]{2,}[^\u3040-\u30ff\u3400-\u9fff]*$/i.test(text.trim()) && !/[\u3040-\u30ff\u3400-\u9fff]/.test(text.trim().slice(-16));
  if (japanese > 0 && !endsInEnglish && (english < 3 || japanese > 8)) return 'ja';
  if (LATIN_WORD.test(text)) return 'en';
  return japanese > 0 ? 'ja' : previous;
}
const JAPANESE_CHARS = /[\u3040-\u30ff\u3400-\u9fff]/g;
// Words of two letters or more that are not romanised Japanese particles ("kara", "desu" count too; rare).
const ENGLISH_WORDS = /\b[a-z]{2,}\b/gi;

const KANA = /[\u3040-\u30FF]/;
const HANGUL = /[\uAC00-\uD7AF]/;
// Simplified characters and Chinese function words that Japanese text does not use.
const CHINESE_ONLY = /[这们么吗说话电没请问怎亚马逊还发时为过对该现给样]/g;

/**
 * Chinese or Korean with no kana: the bot answers in Japanese or English only, and its classifier, trained on
 * Japanese and English, would guess a topic from a few shared characters.
 */
export function writtenInAnotherLanguage(text: string): boolean {
  if (KANA.test(text)) return false;
  return HANGUL.test(text) || (text.match(CHINESE_ONLY)?.length ?? 0) >= 2;
}

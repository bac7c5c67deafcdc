/**
 * Text as the classifier sees it: one spelling per word where people type the same word several ways.
 * Katakana becomes hiragana (デンワ = でんわ), the common domain words typed in kana get their kanji
 * (さぎ → 詐欺), small typing variants collapse, and numbers and links become placeholders, since which
 * number it was is the number reader's business, not the topic's.
 */

// Domain words people type in kana (phone IMEs, voice input, children, elderly users). Longest first.
const KANA_TO_KANJI: [string, string][] = [
  ['さいはいたつ', '再配達'], ['きょうじゅう', '今日中'], ['ちゃくしんきょひ', '着信拒否'], ['かすたまーさーびす', 'カスタマーサービス'],
  ['といあわせ', '問い合わせ'], ['おりかえし', '折り返し'], ['おりかえ', '折り返'], ['おぼえ', '覚え'], ['おしえ', '教え'], ['こころあたり', '心当たり'], ['たのんで', '頼んで'], ['たのんだ', '頼んだ'], ['ちゃくしん', '着信'],
  ['はいたつ', '配達'], ['はいそう', '配送'], ['ちゅうもん', '注文'], ['でんわ', '電話'], ['ばんごう', '番号'],
  ['にもつ', '荷物'], ['じゅんび', '準備'], ['ようい', '用意'], ['あやしい', '怪しい'], ['さぎ', '詐欺'],
  ['こわい', '怖い'], ['むごん', '無言'], ['しんや', '深夜'], ['よなか', '夜中'], ['そうちょう', '早朝'],
  ['へんぴん', '返品'], ['へんきん', '返金'], ['じゅうしょ', '住所'], ['いそが', '忙'], ['いそ', '急'],
  ['つながらな', '繋がらな'], ['つながん', '繋がん'], ['だれ', '誰'], ['なんで', 'なぜ'], ['どうして', 'なぜ'],
];

// One pass over the text for all of them (the list is longest first, and alternation tries in order).
const KANA_WORD = new RegExp(KANA_TO_KANJI.map(([kana]) => kana).join('|'), 'g');
const KANJI_OF = new Map(KANA_TO_KANJI);
const KATAKANA = /[\u30A1-\u30F6]/g;
const URLISH = /(https?:\/\/|www\.)\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*/gi;
const NUMBERISH = /\+?\d[\d\-\s()]{5,}\d/g;

/** The text with links cut out, so that words inside a URL ("…/track", "…/pay") are not read as the user's. */
export const withoutLinks = (text: string) => text.replace(URLISH, ' ＵＲＬ ');

export function foldForClassifier(normalizedText: string): string {
  let s = withoutLinks(normalizedText.toLowerCase()).replace(NUMBERISH, ' ＃ ');
  // Katakana → hiragana, except the long-vowel mark, which both scripts share.
  s = s.replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  s = s.replace(KANA_WORD, (kana) => KANJI_OF.get(kana)!);
  return s
    .replace(/[!?！？。、,.…~〜]+/g, (p) => (p.includes('?') || p.includes('？') ? ' ? ' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where a reply's sentences end: Japanese full stops and marks, a line break, or an English stop followed by a
 * space (so "0120-070-585." and "9:00" are not cut). The answer judge reads "the first sentence" the same way.
 */
const SENTENCE_END = /(?<=[。!?！？])|\n|(?<=[.!?])\s/;

export const sentencesOf = (text: string): string[] => text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);

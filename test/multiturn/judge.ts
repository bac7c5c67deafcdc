/**
 * The multi-turn corpus (test/multiturn/, format in README.md there): conversations of 2–4 turns whose later
 * turns are follow-ups, each labelled with its kind (why, what now, yes, a language switch…), the question its
 * answer is about, and the facts the reply must state. Two things are judged per turn:
 * - *read right*: the reply answers with a view about the labelled question (a "why?" is about the answer
 *   before it, never that answer again; "英語で" comes back in English);
 * - *answered right*: the answer corpus's judge (facts, first sentence, claims it must not make).
 */
import { z } from 'zod';
import { readJsonLines } from '../helpers/jsonLines.js';
import { createJudge, type AnswerConversation, type TurnVerdict } from '../answers/judge.js';

export const MULTITURN_DIR = new URL('.', import.meta.url).pathname;

export const KINDS = ['start', 'yes', 'no', 'why', 'whatNow', 'dontUnderstand', 'language', 'answersBot', 'related', 'topicChange'] as const;
export type Kind = (typeof KINDS)[number];
const TOPICS = [
  'whoCalled', 'callReasons', 'shouldCallBack', 'callbackFailed', 'redelivery', 'scamCheck', 'linkCheck', 'blockNumber', 'silentCall', 'oddHours',
  'unorderedParcel', 'orderCheck', 'supportContact', 'supportPhone', 'supportHours', 'fakeSupportNumber', 'prepareCall', 'explainTips', 'smallTalk',
] as const;
type LabelTopic = (typeof TOPICS)[number];

const Labels = z.object({ kind: z.enum(KINDS), topic: z.enum(TOPICS), replyLang: z.enum(['ja', 'en']).optional(), botAsked: z.string().optional() });
export type MultiTurnConversation = AnswerConversation & { labels: z.infer<typeof Labels>[] };

export function loadMultiTurn(dir: string): MultiTurnConversation[] {
  return readJsonLines(dir).map(({ file, line, value }) => {
    const v = value as { turns?: unknown[] };
    const labels = (v.turns ?? []).map((t, i) => {
      const parsed = Labels.safeParse(t);
      if (!parsed.success) throw new Error(`${file}:${line} turn ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
    if (labels[0]?.kind !== 'start' || labels.slice(1).some((l) => l.kind === 'start')) throw new Error(`${file}:${line}: only turn 1 is a start`);
    return { ...(value as AnswerConversation), area: file.replace(/\.jsonl$/, ''), labels };
  });
}

/** The questions each view answers, in the corpus's words. A follow-up view is about the view it explains. */
const BY_STATE: Record<string, LabelTopic[]> = {
  'callerIdentification.callReasons': ['callReasons'],
  // "Is 0120-999-373 real?": the vetted list says whose number it is, which answers that.
  'callerIdentification.officialSupport': ['whoCalled', 'fakeSupportNumber'],
  'callbackDecision.checkingAttempts': ['callbackFailed'],
  'callbackDecision.tryAgainLater': ['callbackFailed'],
  'callbackDecision.switchToApp': ['callbackFailed'],
  'callbackDecision.redeliveryRoute': ['redelivery'],
  'scamCheck.linkWarning': ['linkCheck'],
  // The scam tree's safe next step is the order history in the app: it answers "what do I do about it" too.
  'scamCheck.verifyingInApp': ['orderCheck', 'scamCheck'],
  'supportChannel.phoneHoursNow': ['supportHours'],
  'supportChannel.callbackSteps': ['supportPhone'],
  'supportChannel.recommendPhone': ['supportContact', 'supportPhone'],
  'supportChannel.fakeNumberSigns': ['fakeSupportNumber'],
  'prepareCall.explainTips': ['explainTips'],
  'faq.unorderedParcel': ['unorderedParcel'],
  'faq.oddHours': ['oddHours'],
  'faq.silentCall': ['silentCall'],
  'faq.saveContact': ['blockNumber'],
  'note.cardCompany': ['scamCheck'],
  'note.whileOnCall': ['scamCheck'],
  'note.carrierNumber': ['redelivery', 'supportPhone', 'supportContact'],
  'note.otherCarriers': ['whoCalled', 'callReasons'],
  'note.relayedNumber': ['whoCalled', 'callReasons'],
  'note.tollFree': ['whoCalled', 'callReasons'],
  'note.notSales': ['whoCalled', 'callReasons'],
  'note.repeatedCalls': ['callReasons', 'shouldCallBack'],
  'note.noOrderInTransit': ['unorderedParcel', 'shouldCallBack'],
  'note.nothingFound': ['unorderedParcel'],
  'note.orderMatches': ['orderCheck', 'shouldCallBack'],
  'note.driverMap': ['orderCheck', 'redelivery'],
  'note.amazonTexts': ['linkCheck', 'scamCheck'],
  'note.spamMail': ['linkCheck', 'scamCheck'],
  'note.languages': ['supportContact'],
  'note.whyNoNumber': ['supportPhone', 'supportContact'],
  'note.orderNumber': ['prepareCall'],
};
const BY_TREE: Record<string, LabelTopic[]> = {
  callerIdentification: ['whoCalled'],
  callbackDecision: ['shouldCallBack'],
  scamCheck: ['scamCheck'],
  supportChannel: ['supportContact'],
  prepareCall: ['prepareCall'],
};

/** What a view (its answerKey) answers, following a follow-up to the view it is about. */
export function topicsOf(answered: string): LabelTopic[] {
  const about = answered.replace(/^(?:why|simpler|again):/, '');
  if (BY_STATE[about]) return BY_STATE[about];
  if (about === 'smallTalk' || about === 'menu') return ['smallTalk'];
  return BY_TREE[about.split('.')[0]!] ?? [];
}

const ABOUT_THE_LAST: Partial<Record<Kind, boolean>> = { why: true, dontUnderstand: true, language: true };

export interface MultiTurnVerdict extends TurnVerdict {
  kind: Kind;
  topic: LabelTopic;
  /** The reply was about the labelled question, in the right language, and not a repeat where one was asked about. */
  readRight: boolean;
}

export function createMultiTurnJudge() {
  const { judge } = createJudge();
  return (conv: MultiTurnConversation): MultiTurnVerdict[] =>
    judge(conv).map((v, i, all) => {
      const label = conv.labels[i]!;
      const onTopic = topicsOf(v.answered).includes(label.topic);
      // "なんで?" / "よくわからない" must not get the same reply again; "英語で" must come back in that language.
      const notARepeat = !ABOUT_THE_LAST[label.kind] || label.kind === 'language' || i === 0 || v.reply !== all[i - 1]!.reply;
      const inLanguage = label.kind !== 'language' || v.replyLang === (label.replyLang ?? (conv.lang === 'ja' ? 'en' : 'ja'));
      return { ...v, kind: label.kind, topic: label.topic, readRight: onTopic && notARepeat && inLanguage };
    });
}

export interface KindFigures {
  kind: Kind;
  turns: number;
  readRight: number;
  answeredRight: number;
}

export function perKind(verdicts: MultiTurnVerdict[]): KindFigures[] {
  return KINDS.map((kind) => {
    const of = verdicts.filter((v) => v.kind === kind);
    const share = (ok: (v: MultiTurnVerdict) => boolean) => of.filter(ok).length / Math.max(1, of.length);
    return { kind, turns: of.length, readRight: share((v) => v.readRight), answeredRight: share((v) => v.ok) };
  });
}

/** Over the later turns only: the first turn is the single-message corpus's business. */
export function followUpShare(verdicts: MultiTurnVerdict[], ok: (v: MultiTurnVerdict) => boolean): number {
  const later = verdicts.filter((v) => v.kind !== 'start');
  return later.filter(ok).length / Math.max(1, later.length);
}

/**
 * The understanding corpus (test/corpus/*.jsonl, format in test/corpus/README.md) and how a reading is
 * scored against it. Shared by the corpus test and `npm run understanding:report`.
 */
import { readJsonLines } from './jsonLines.js';
import { join } from 'node:path';
import { initialTransition } from 'xstate';
import { z } from 'zod';
import { createConversation, type Intent, type View } from '../../flows/conversation.js';
import { TOPICS, type FlowId, type Reading, type Topic } from '../../flows/types.js';
import type { Knowledge } from '../../data/schema.js';
import { followUpChoice } from '../../src/understand/followUps.js';
import { draftFor } from '../../src/render/renderReply.js';
import { ActionCode, intentOfAction } from '../../src/buttons/actionCodes.js';
import { digitsOf } from '../../src/render/phoneGuard.js';
import type { MessageReader } from '../../src/understand/readMessage.js';

const AFTER = {
  'caller.deliveryDriver': ['callerIdentification', 'deliveryDriver'],
  'caller.unknownNumber': ['callerIdentification', 'unknownNumber'],
  'callback.askingSituation': ['callbackDecision', 'askingSituation'],
  'callback.adviseCallBack': ['callbackDecision', 'adviseCallBack'],
  'callback.adviseApp': ['callbackDecision', 'adviseApp'],
  'scam.askingWhatHappened': ['scamCheck', 'askingWhatHappened'],
  'support.choosingNeed': ['supportChannel', 'choosingNeed'],
  'prepare.choosingTopic': ['prepareCall', 'commonChecklist'],
} as const satisfies Record<string, readonly [FlowId, string]>;

export const CorpusEntry = z.object({
  text: z.string(),
  lang: z.enum(['ja', 'en']),
  topic: z.enum(TOPICS),
  numbers: z.array(z.string()).optional(),
  signs: z.array(z.string()).optional(),
  harmDone: z.boolean().optional(),
  situation: z.string().optional(),
  need: z.string().optional(),
  prepTopic: z.string().optional(),
  links: z.array(z.enum(['imitation', 'amazon', 'other'])).optional(),
  after: z.enum(Object.keys(AFTER) as [keyof typeof AFTER, ...(keyof typeof AFTER)[]]).optional(),
});
export type CorpusEntry = z.infer<typeof CorpusEntry> & { file: string; line: number };

export function loadCorpus(dir = join(import.meta.dirname, '..', 'corpus')): CorpusEntry[] {
  return readJsonLines(dir).map(({ file, line, value }) => ({ ...CorpusEntry.parse(value), file, line }));
}

/** What the bot took the message to mean, in the corpus's vocabulary. */
export interface Judged {
  topic: Topic;
  reading: Reading;
  situation: string | null;
  need: string | null;
  prepTopic: string | null;
}

export interface Outcome {
  entry: CorpusEntry;
  judged: Judged;
  correct: boolean;
  /** Which labelled fields disagreed, for the report. */
  misses: string[];
}

export function createJudge(knowledge: Knowledge, reader: MessageReader) {
  const conversation = createConversation(knowledge);

  /** The view the bot showed before a follow-up, built from the machine so its buttons are the real ones. */
  function viewAfter(after: keyof typeof AFTER): View {
    const [flow, state] = AFTER[after];
    const context = initialTransition(conversation.machines[flow])[0].context;
    return { kind: 'flow', flow, state, context } as View;
  }

  return function judge(entry: CorpusEntry): Judged {
    const activeFlow = entry.after ? AFTER[entry.after][0] : null;
    const reading = reader.read(entry.text, { activeFlow, previousLang: entry.lang });
    const own = { topic: reading.topic, reading, situation: reading.situation, need: reading.need, prepTopic: reading.prepTopic };
    if (!entry.after) return own;
    // A follow-up means what the shown view's buttons or follow-ups say it means, as in the responder.
    const draft = draftFor(viewAfter(entry.after), { lang: entry.lang, knowledge });
    const option = /^\s*(\d{1,2})\s*$/.exec(entry.text.normalize('NFKC'));
    const code = option
      ? draft.options[Number(option[1]) - 1]
      : reading.followUp
        ? followUpChoice(reading.followUp, { options: draft.options, followUps: draft.followUps ?? {} }, AFTER[entry.after][0])
        : undefined;
    const parsed = ActionCode.safeParse(code);
    if (!parsed.success) return own;
    return { ...own, ...topicOfIntent(intentOfAction(parsed.data, 0)) };
  };
}

function topicOfIntent(intent: Intent): Partial<Judged> & { topic: Topic } {
  if (intent.type === 'faq') return { topic: intent.topic === 'saveContact' ? 'blockNumber' : intent.topic };
  if (intent.type !== 'flow') return { topic: intent.type === 'menu' || intent.type === 'reset' ? intent.type : 'none' };
  const event = intent.event?.type;
  switch (intent.flow) {
    case 'callerIdentification':
      return { topic: event === 'ASK_CALL_REASONS' ? 'callReasons' : 'whoCalled' };
    case 'callbackDecision':
      if (event === 'CALLBACK_FAILED') return { topic: 'callbackFailed' };
      if (event === 'SHOW_REDELIVERY') return { topic: 'redelivery' };
      return { topic: 'shouldCallBack', ...(intent.event?.type === 'SITUATION_CHOSEN' ? { situation: intent.event.situation } : {}) };
    case 'scamCheck':
      return { topic: 'scamCheck' };
    case 'supportChannel':
      if (event === 'ASK_HOURS') return { topic: 'supportHours' };
      if (event === 'SHOW_CALLBACK_STEPS') return { topic: 'supportPhone' };
      if (event === 'ASK_FAKE_NUMBER') return { topic: 'fakeSupportNumber' };
      return { topic: 'supportContact', ...(intent.event?.type === 'NEED_CHOSEN' ? { need: intent.event.need } : {}) };
    case 'prepareCall':
      return {
        topic: event === 'SHOW_EXPLAIN_TIPS' ? 'explainTips' : 'prepareCall',
        ...(intent.event?.type === 'TOPIC_CHOSEN' ? { prepTopic: intent.event.topic } : {}),
      };
  }
}

/** Digits of a number as the corpus writes it: national digits, or "+" and the international digits. */
const numberKey = (s: string) => (s.startsWith('+81') ? `0${digitsOf(s).slice(2)}` : s.startsWith('+') ? `+${digitsOf(s)}` : digitsOf(s));

export function score(entry: CorpusEntry, judged: Judged): Outcome {
  const r = judged.reading;
  const misses: string[] = [];
  if (judged.topic !== entry.topic) misses.push(`topic ${judged.topic}≠${entry.topic}`);
  for (const slot of ['situation', 'need', 'prepTopic'] as const) {
    if (entry[slot] && judged[slot] !== entry[slot]) misses.push(`${slot} ${judged[slot]}≠${entry[slot]}`);
  }
  const want = new Set((entry.numbers ?? []).map(numberKey));
  const got = new Set(r.numbers.map((n) => numberKey(n.e164)));
  if (want.size !== got.size || [...want].some((n) => !got.has(n))) misses.push(`numbers [${[...got]}]≠[${[...want]}]`);
  const verdicts = r.links.map((l) => l.verdict).join(',');
  if ((entry.links ?? []).join(',') !== verdicts) misses.push(`links [${verdicts}]≠[${entry.links ?? []}]`);
  const missingSigns = (entry.signs ?? []).filter((s) => !r.signs.includes(s as never));
  if (missingSigns.length > 0) misses.push(`signs missed ${missingSigns}`);
  if ((entry.harmDone ?? false) !== r.harmDone) misses.push(`harmDone ${r.harmDone}`);
  return { entry, judged, correct: misses.length === 0, misses };
}

export interface Figures {
  total: number;
  accuracy: number;
  perTopic: { topic: Topic; support: number; precision: number; recall: number }[];
  signRecall: number;
  signPrecision: number;
  harmRecall: number;
  harmPrecision: number;
  japaneseShare: number;
}

export function figures(outcomes: Outcome[]): Figures {
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const perTopic = TOPICS.map((topic) => {
    const truth = outcomes.filter((o) => o.entry.topic === topic);
    const said = outcomes.filter((o) => o.judged.topic === topic);
    const hit = truth.filter((o) => o.judged.topic === topic).length;
    return { topic, support: truth.length, precision: ratio(hit, said.length), recall: ratio(hit, truth.length) };
  });
  let signsWanted = 0, signsFound = 0, signsSaid = 0, signsRight = 0;
  for (const o of outcomes) {
    const want = new Set(o.entry.signs ?? []);
    signsWanted += want.size;
    signsFound += [...want].filter((s) => o.judged.reading.signs.includes(s as never)).length;
    signsSaid += o.judged.reading.signs.length;
    signsRight += o.judged.reading.signs.filter((s) => want.has(s)).length;
  }
  const harmed = outcomes.filter((o) => o.entry.harmDone);
  const saidHarmed = outcomes.filter((o) => o.judged.reading.harmDone);
  return {
    total: outcomes.length,
    accuracy: ratio(outcomes.filter((o) => o.correct).length, outcomes.length),
    perTopic,
    signRecall: ratio(signsFound, signsWanted),
    signPrecision: ratio(signsRight, signsSaid),
    harmRecall: ratio(harmed.filter((o) => o.judged.reading.harmDone).length, harmed.length),
    harmPrecision: ratio(saidHarmed.filter((o) => o.entry.harmDone).length, saidHarmed.length),
    japaneseShare: ratio(outcomes.filter((o) => o.entry.lang === 'ja').length, outcomes.length),
  };
}

/**
 * The answer corpus judge: runs each conversation through the bot's own turn (understand → machines → render)
 * at its Japan time, and checks the rendered reply, every bubble's text and altText, against the turn's labels:
 * the ledger facts it must state, the fact that must lead, and the claims it must not make.
 */
import { z } from 'zod';
import { createConversation, type Session } from '../../flows/conversation.js';
import { japanLocalToEpoch } from '../../flows/japanTime.js';
import { createResponder } from '../../src/conversation/respond.js';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.js';
import { loadFactLedger } from '../../src/knowledge/factLedger.js';
import type { OutgoingMessage } from '../../src/line/lineLimits.js';
import { createReaderFromKnowledge } from '../../src/understand/readMessage.js';
import { createNumberDirectory } from '../../src/understand/phoneNumbers.js';
import { sentencesOf } from '../../src/render/sentences.js';
import { readJsonLines } from '../helpers/jsonLines.js';

export const ANSWERS_DIR = new URL('.', import.meta.url).pathname;

/**
 * Claims a reply must not make, as the corpus writers were given them (test/answers/README.md). A claim is
 * made by a sentence that says it outright: not one that denies it ("no need to call back" does not say
 * "call back") and not a condition ("if money comes up, it is a scam").
 */
export const CLAIMS = {
  callsScam: { ja: /詐欺です|詐欺のサイン|偽物です|詐欺の手口/, en: /\b(?:is|was) a scam\b|scam sign|\bit is fake\b/i },
  reassures: { ja: /詐欺ではない|心配いりません|安心して|大丈夫です(?!か)/, en: /not a scam|nothing to worry|safe to/i },
  saysCallBack: { ja: /折り返してください|折り返しましょう|折り返すなら早めに|かけ直してください|もう一度だけかけて/, en: /\bcall (?:them |it )?back\b|try once more/i },
  saysNoCallBack: { ja: /折り返さなくて大丈夫|折り返す必要はありません|折り返さないで|折り返し不要|折り返さず/, en: /no need to call back|do not call (?:it )?back|don't call back|do not need to (?:answer or )?call back/i },
  saysHangUp: { ja: /電話を切って|すぐ切り|切ってください|と言って切り/, en: /hang up/i },
  phoneOpenNow: { ja: /受付中|今は電話がおすすめ/, en: /open now|phone is best right now/i },
  phoneClosedNow: { ja: /受付時間外/, en: /closed now|line is closed/i },
  driversCertainlyOff: { ja: /まずつながりません|つながりません(?!か)|誰も出ません/, en: /reach no one|no driver will/i },
  dialANumber: { ja: /(?:この|その)番号に(?:かけ|電話)して/, en: /\bcall (?:this|that) number\b|dial (?:this|that)/i },
} as const;
export type Claim = keyof typeof CLAIMS;

const CONDITIONAL = { ja: /(?:たら|なら|れば|ときは|場合は|ないと)[、,]?[^。]*(?:詐欺|切って|折り返)/, en: /^(?:if|unless|when|should)\b|\b(?:if|unless) (?:it|they|money|you)\b/i };
/** Sentences that name a claim only to deny it. */
const NEGATED: Partial<Record<Claim, { ja: RegExp; en: RegExp }>> = {
  saysCallBack: { ja: /折り返さ|折り返しても|必要はありません/, en: /\b(?:no need|do not|don'?t|not|never|need not|without)\b[^.]*call (?:them |it )?back|call (?:them |it )?back[^.]*\b(?:no one|nobody)\b/i },
  callsScam: { ja: /詐欺ではな|とは限りません|とは言えません/, en: /not a scam|does not|isn'?t/i },
};

const Turn = z.object({
  user: z.string(),
  must: z.array(z.string().regex(/^D[01]-\d{2}$/)),
  first: z.string().regex(/^D[01]-\d{2}$/).optional(),
  mustNot: z.array(z.enum(Object.keys(CLAIMS) as [Claim, ...Claim[]])).optional(),
  /** "英語で" / "in Japanese": the language the reply must come in from this turn on. */
  replyLang: z.enum(['ja', 'en']).optional(),
});
const Conversation = z.object({
  id: z.string().min(1),
  lang: z.enum(['ja', 'en']),
  at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/).optional(),
  turns: z.array(Turn).min(1).max(4),
});
export type AnswerConversation = z.infer<typeof Conversation> & { area: string };

/** A conversation with no time of its own happens on an ordinary Tuesday morning: phone open, drivers out. */
export const DEFAULT_AT = '2026-12-08T11:30';

export function loadAnswers(dir: string): AnswerConversation[] {
  return readJsonLines(dir).map(({ file, line, value }) => {
    const parsed = Conversation.safeParse(value);
    if (!parsed.success) throw new Error(`${file}:${line}: ${parsed.error.message}`);
    return { ...parsed.data, area: file.replace(/\.jsonl$/, '') };
  });
}

export interface TurnVerdict {
  convId: string;
  /** The turn's place in its conversation (0 for the first) and the Japan time the conversation happens at. */
  turn: number;
  at: string;
  area: string;
  lang: 'ja' | 'en';
  user: string;
  reply: string;
  ok: boolean;
  missing: string[];
  notFirst: string | null;
  claimed: Claim[];
  chars: number;
  bubbles: number;
  buttons: number;
  multiTurn: boolean;
  timed: boolean;
  /** The view the reply answered with (flows/conversation.ts answerKey) and the reply's language. */
  answered: string;
  replyLang: 'ja' | 'en';
  /** The rule that settled the message's topic, or how a follow-up was read. */
  rule: string;
}

/** The desktop typing hint is a line of button labels, not something the reply states. */
const HINT = /\n?\((?:ボタンが出ないときは|No buttons\?).*\)$/;
const textOf = (m: OutgoingMessage) => (m.type === 'text' ? m.text : m.altText);
const firstSentence = (s: string) => sentencesOf(s)[0] ?? '';

/** English replies may quote a Japanese button or menu name; Japanese ones name Amazon and numbers. */
const languageOf = (reply: string): 'ja' | 'en' =>
  (reply.match(/[\u3040-\u30ff\u4e00-\u9fff]/g)?.length ?? 0) * 3 > (reply.match(/[a-z]/gi)?.length ?? 0) ? 'ja' : 'en';

const writtenInNoLanguage = (text: string) => !/[\u3040-\u30ff\u4e00-\u9fff]|[a-z]{2}/i.test(text);

export function createJudge() {
  const knowledge = loadKnowledge();
  const directory = createNumberDirectory(knowledge);
  const responder = createResponder(knowledge, createConversation(knowledge), createReaderFromKnowledge(knowledge, directory), directory.vettedE164);
  const ledger = loadFactLedger();
  const matcher = (id: string, lang: 'ja' | 'en') => {
    const entry = ledger.get(id);
    if (!entry) throw new Error(`fact ${id} is not in the ledger (data/facts/)`);
    return entry.match[lang];
  };

  function judge(conv: AnswerConversation): TurnVerdict[] {
    let session: Session | null = null;
    const start = japanLocalToEpoch(conv.at ?? DEFAULT_AT);
    let lang = conv.lang;
    return conv.turns.map((turn, i) => {
      lang = turn.replyLang ?? lang;
      const result = responder.respond(
        { kind: 'text', text: turn.user, id: `${conv.id}-${i}`, userId: `U${conv.id}`, at: start + i * 60_000, replyToken: null, redelivery: false },
        session,
      );
      session = result.session;
      const messages = result.reply?.messages ?? [];
      const bubbles = messages.map((m, j) => (j === messages.length - 1 ? textOf(m).replace(HINT, '') : textOf(m)));
      const reply = bubbles.join('\n');
      // A message of digits and signs says nothing about the user's language: a reply in either one answers it.
      const judgedIn = !turn.replyLang && writtenInNoLanguage(turn.user) ? languageOf(reply) : lang;
      const missing = turn.must.filter((id) => !matcher(id, judgedIn).test(reply));
      const notFirst = turn.first && !matcher(turn.first, judgedIn).test(firstSentence(bubbles[0] ?? '')) ? turn.first : null;
      const said = sentencesOf(reply).filter((s) => !CONDITIONAL[judgedIn].test(s));
      const claimed = (turn.mustNot ?? []).filter((c) => said.some((s) => CLAIMS[c][judgedIn].test(s) && !(NEGATED[c]?.[judgedIn].test(s) ?? false)));
      return {
        convId: conv.id,
        turn: i,
        at: conv.at ?? DEFAULT_AT,
        area: conv.area,
        lang,
        user: turn.user,
        reply,
        ok: missing.length === 0 && notFirst === null && claimed.length === 0,
        missing,
        notFirst,
        claimed,
        chars: messages.reduce((n, m) => n + textOf(m).length, 0),
        bubbles: messages.length,
        buttons: messages.at(-1)?.quickReply?.items.length ?? 0,
        multiTurn: conv.turns.length > 1,
        timed: conv.at !== undefined,
        answered: result.answered ?? 'none',
        replyLang: languageOf(reply),
        rule: result.rule ?? 'none',
      };
    });
  }
  return { judge, ledger };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

export interface AnswerFigures {
  turns: number;
  conversations: number;
  /** Share of turns whose reply passes every label. */
  turnAccuracy: number;
  /** Share of conversations whose every turn passes. */
  conversationAccuracy: number;
  chars: { p50: number; p90: number };
  bubbles: { p50: number; max: number };
  buttons: { p50: number; max: number };
}

export function figures(verdicts: TurnVerdict[]): AnswerFigures {
  const byConv = new Map<string, boolean>();
  for (const v of verdicts) byConv.set(v.convId, (byConv.get(v.convId) ?? true) && v.ok);
  const chars = verdicts.map((v) => v.chars);
  const bubbles = verdicts.map((v) => v.bubbles);
  const buttons = verdicts.map((v) => v.buttons);
  return {
    turns: verdicts.length,
    conversations: byConv.size,
    turnAccuracy: verdicts.filter((v) => v.ok).length / Math.max(1, verdicts.length),
    conversationAccuracy: [...byConv.values()].filter(Boolean).length / Math.max(1, byConv.size),
    chars: { p50: percentile(chars, 50), p90: percentile(chars, 90) },
    bubbles: { p50: percentile(bubbles, 50), max: Math.max(0, ...bubbles) },
    buttons: { p50: percentile(buttons, 50), max: Math.max(0, ...buttons) },
  };
}

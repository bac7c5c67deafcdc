import { answerKey, type FollowUpAsk, type UnrecognizedCause, type View } from '../../flows/conversation.js';
import type { FaqTopic, NoteId, Topic } from '../../flows/types.js';
import { deliveryWindowAt } from '../../flows/japanTime.js';
import type { ActionCode } from '../buttons/actionCodes.js';
import { dialsOf, draft, messagesFor, text, type Draft, type RenderContext } from './draft.js';
import type { ViewKey } from './messages/types.js';
import { actionForTopic } from './options.js';
import { sentencesOf } from './sentences.js';

/** The six things people come for; the FAQ answers are reached by asking, or from the rich menu. */
const MENU_OPTIONS: ActionCode[] = ['caller:ask', 'callback:ask', 'scam:ask', 'support:ask', 'support:hours', 'prep:ask'];

export function renderMenu(greeting: boolean, reset: boolean, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).menu;
  const intro = greeting ? m.welcome : reset ? m.reset : '';
  return draft(MENU_OPTIONS, { headline: intro || m.body, body: [intro, m.body].filter(Boolean).join('\n') });
}

/** What a user asks next after each FAQ answer. */
const AFTER_FAQ: Record<FaqTopic, ActionCode[]> = {
  unorderedParcel: ['scam:orders', 'scam:ask', 'menu'],
  oddHours: ['scam:ask', 'scam:orders', 'faq:silentCall', 'menu'],
  silentCall: ['caller:ask', 'scam:orders', 'faq:saveContact', 'menu'],
  saveContact: ['caller:reasons', 'callback:ask', 'faq:silentCall', 'menu'],
};
/** "じゃあどうしたらいい?" after a night call or a silent one: look in the app for a parcel on its way. */
const NEXT_AFTER_FAQ: Record<FaqTopic, ActionCode> = { unorderedParcel: 'scam:orders', oddHours: 'scam:orders', silentCall: 'scam:orders', saveContact: 'caller:reasons' };

export function renderFaq(topic: FaqTopic, rc: RenderContext, at?: number): Draft {
  const entry = rc.knowledge.delivery.faq.find((f) => f.id === topic)!;
  const m = messagesFor(rc.lang);
  // Early morning or evening, in the drivers' hours or just outside them, a driver's call does happen: that
  // leads, and the caution about the middle of the night follows.
  const edge = topic === 'oddHours' && at !== undefined && deliveryWindowAt(at, rc.knowledge.delivery.deliveryHours) !== 'night';
  const body = edge ? `${m.faqAtTheEdge(rc.knowledge.delivery.deliveryHours)}\n${entry[rc.lang]}` : entry[rc.lang];
  return draft(AFTER_FAQ[topic], { headline: edge ? m.faqAtTheEdge(rc.knowledge.delivery.deliveryHours) : m.faqHeadline[topic], body }, { whatNow: NEXT_AFTER_FAQ[topic] });
}

export function renderSmallTalk({ greeting, declined }: { greeting: boolean; declined?: boolean }, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).menu;
  const body = greeting ? `${m.hello}\n${m.body}` : declined ? m.declined : m.thanks;
  return draft(MENU_OPTIONS, { headline: body, body });
}

export function renderFallback(cause: UnrecognizedCause, suggestions: Topic[], rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).fallback;
  const guesses = suggestions.map(actionForTopic).filter((a): a is ActionCode => a !== null && a !== 'menu' && a !== 'reset');
  const body = `${m[cause]}\n${guesses.length > 0 ? m.didYouMean : m.sendNumber}`;
  return draft(guesses.length > 0 ? [...guesses, 'menu'] : MENU_OPTIONS, { headline: m[cause], body });
}

/** The catalog key of a view's "why": a tree's state or an FAQ topic, named as `answerKey` names them. */
const whyKey = (view: View): ViewKey | null => (view.kind === 'flow' || view.kind === 'faq' ? (answerKey(view) as ViewKey) : null);

/**
 * "なんで?" explains the last answer (never repeats it); "よくわからない" says it again in two sentences, the
 * point and the one thing to do; "英語で" says it again in the other language. The buttons stay those of
 * the answer asked about.
 */
export function renderFollowUp(ask: FollowUpAsk, about: View, base: Draft, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).followUp;
  if (ask === 'again') return base;
  const key = whyKey(about);
  const body = ask === 'why' ? ((key && m.why[key]) ?? m.noReason({ headline: base.headline })) : m.simpler({ headline: base.headline, next: nextSentence(base) });
  return { ...base, messages: [text(body)] };
}

const bare = (s: string) => s.replace(/^[^\p{L}\p{N}「『(]+/u, '').trim();
/** The answer's first sentence that says more than its headline: usually what to do. */
function nextSentence(base: Draft): string {
  const said = bare(base.headline);
  const sentences = base.messages.flatMap((msg) => sentencesOf(msg.type === 'text' ? msg.text : msg.altText)).map(bare).filter(Boolean);
  return sentences.find((s) => !said.includes(s) && !s.includes(said) && !/^\(|^\d+\./.test(s)) ?? '';
}

const AFTER_NOTE: Record<NoteId, ActionCode[]> = {
  cardCompany: ['scam:harmed', 'scam:orders', 'menu'],
  carrierNumber: ['callback:redelivery', 'scam:orders', 'menu'],
  relayedNumber: ['caller:reasons', 'callback:ask', 'menu'],
  languages: ['support:steps', 'support:need:chat', 'menu'],
  noOrderInTransit: ['faq:unorderedParcel', 'scam:orders', 'menu'],
  orderMatches: ['callback:ask', 'callback:redelivery', 'menu'],
  tollFree: ['callback:ask', 'caller:reasons', 'menu'],
  whileOnCall: ['scam:orders', 'scam:ask', 'menu'],
  orderNumber: ['prep:ask', 'support:steps', 'menu'],
  notSales: ['caller:reasons', 'callback:ask', 'menu'],
  nothingFound: ['faq:saveContact', 'scam:orders', 'menu'],
  driverMap: ['callback:ask', 'callback:redelivery', 'menu'],
  amazonTexts: ['scam:orders', 'scam:sign:smsLink', 'menu'],
  spamMail: ['scam:orders', 'scam:harmed', 'menu'],
  whyNoNumber: ['support:steps', 'support:need:chat', 'menu'],
  repeatedCalls: ['scam:orders', 'faq:saveContact', 'callback:ask', 'menu'],
  otherCarriers: ['caller:reasons', 'scam:orders', 'menu'],
};

export function renderNote(note: NoteId, rc: RenderContext): Draft {
  const body = messagesFor(rc.lang).notes[note](dialsOf(rc.knowledge));
  return draft(AFTER_NOTE[note], { headline: sentencesOf(body)[0]!, body });
}

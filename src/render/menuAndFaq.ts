import type { UnrecognizedCause } from '../../flows/conversation.js';
import type { FaqTopic, Topic } from '../../flows/types.js';
import type { ActionCode } from '../understand/actionCodes.js';
import { draft, messagesFor, type Draft, type RenderContext } from './draft.js';
import { actionForTopic } from './options.js';

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

export function renderFaq(topic: FaqTopic, rc: RenderContext): Draft {
  const entry = rc.knowledge.delivery.faq.find((f) => f.id === topic)!;
  return draft(AFTER_FAQ[topic], { headline: messagesFor(rc.lang).faqHeadline[topic], body: entry[rc.lang] });
}

export function renderSmallTalk(greeting: boolean, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).menu;
  const body = greeting ? `${m.hello}\n${m.body}` : m.thanks;
  return draft(MENU_OPTIONS, { headline: body, body });
}

export function renderFallback(cause: UnrecognizedCause, suggestions: Topic[], rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).fallback;
  const guesses = suggestions.map(actionForTopic).filter((a): a is ActionCode => a !== null && a !== 'menu' && a !== 'reset');
  const body = `${m[cause]}\n${guesses.length > 0 ? m.didYouMean : m.sendNumber}`;
  return draft(guesses.length > 0 ? [...guesses, 'menu'] : MENU_OPTIONS, { headline: m[cause], body });
}

import type { SupportChannelState } from '../../flows/conversation.js';
import { phoneStatusAt, toJapanTime } from '../../flows/japanTime.js';
import type { SupportChannelContext } from '../../flows/supportChannel.js';
import { dialsOf, draft, messagesFor, type Draft, type RenderContext } from './draft.js';

export function renderSupportChannel(state: SupportChannelState, ctx: SupportChannelContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).support;
  const { support } = rc.knowledge;
  const hours = support.phone.hours;
  switch (state) {
    case 'recommendPhone':
      return offeringSteps(draft(['support:steps', 'prep:ask', 'support:hours', 'menu'], m.states.recommendPhone({ status: phoneStatus(ctx.at, rc) })), ctx.at, rc);
    case 'recommendChat':
      // The machine sends an urgent need here only while the phone is closed; asking for the chat, at any hour.
      return draft(['support:hours', 'prep:ask', 'menu'], m.states.recommendChat({ ...hours, asked: ctx.need === 'chat' }));
    case 'recommendEmail':
      return draft(['support:hours', 'prep:ask', 'menu'], m.states.recommendEmail());
    case 'recommendSelfService':
      return draft(['scam:orders', 'support:ask', 'support:need:chat', 'support:steps', 'menu'], m.states.recommendSelfService());
    case 'specialRoute': {
      const route = support.specialRoutes.find((r) => r.id === ctx.need) ?? support.specialRoutes[0]!;
      return draft(
        route.id === 'device' ? ['prep:topic:device', 'support:steps', 'menu'] : ['support:steps', 'prep:ask', 'menu'],
        m.states.specialRoute({ name: route[rc.lang], how: route.how[rc.lang] }),
      );
    }
    case 'phoneHoursNow': {
      const answer = draft(['support:steps', 'support:need:chat', 'prep:ask', 'menu'], hoursAnswer(ctx.at, ctx.newYear, ctx.later, rc));
      return ctx.newYear ? answer : offeringSteps(answer, ctx.at, rc);
    }
    case 'callbackSteps':
      return draft(
        ['prep:ask', 'support:hours', 'support:fake', 'menu'],
        m.states.callbackSteps({ ...hours, steps: support.callbackSteps[rc.lang], official: dialsOf(rc.knowledge).official }),
      );
    case 'fakeNumberSigns':
      return draft(['support:steps', 'scam:ask', 'menu'], m.states.fakeNumberSigns({ signs: support.fakeNumberSigns.map((s) => s[rc.lang]), official: dialsOf(rc.knowledge).official }));
    case 'choosingNeed':
      return draft(
        ['support:need:urgent', 'support:need:chat', 'support:need:detailed', 'support:need:simple', 'support:hours', 'menu'],
        m.states.choosingNeed(hours),
      );
    default:
      return state satisfies never;
  }
}

/** While the phone is open the answer asks whether to show the callback steps, and "はい" then shows them. */
function offeringSteps(answer: Draft, at: number, rc: RenderContext): Draft {
  if (!phoneStatusAt(at, rc.knowledge.support).open) return answer;
  const [first, ...rest] = answer.messages;
  if (first?.type !== 'text') return answer;
  const asked = { ...first, text: `${first.text}\n${messagesFor(rc.lang).support.offerCallbackSteps}` };
  return { ...answer, messages: [asked, ...rest], followUps: { ...answer.followUps, yes: 'support:steps' } };
}

/** One sentence: the hours, what they mean at this moment, and how crowded it is (or the New Year caution first). */
function phoneStatus(at: number, rc: RenderContext, newYear = false, later = false): string {
  const m = messagesFor(rc.lang).support.hours;
  const { support } = rc.knowledge;
  const status = phoneStatusAt(at, support);
  if (newYear || status.yearEnd) return m.newYear(status.hours);
  const now = toJapanTime(at);
  const clock = `${now.hour}:${String(now.minute).padStart(2, '0')}`;
  const weekend = status.dayType === 'weekendOrHoliday';
  const when = later ? m.at({ hour: now.hour, weekday: now.weekday, weekend }) : m.now({ clock, weekend });
  if (!status.open) return m.closed({ ...status.hours, when });
  const list = (ranges: readonly { from: number; to: number }[]) => ranges.map((r) => m.range(r)).join(rc.lang === 'ja' ? '・' : ', ');
  const quiet = m.quietRanges({ weekday: list(support.crowd.weekday.quiet), weekend: list(support.crowd.weekendOrHoliday.quiet) });
  // phoneStatusAt reads Monday and Saturday mornings off the same instant, the asked one when `later`.
  return m.open({ ...status.hours, when, later, weekend, crowd: status.crowd, busy: list(support.crowd[status.dayType].busy), quiet, peak: status.peakMorning });
}

function hoursAnswer(at: number, newYear: boolean, later: boolean, rc: RenderContext) {
  const m = messagesFor(rc.lang).support;
  const next = later ? null : nextQuietTime(at, rc);
  return m.states.phoneHoursNow({ status: phoneStatus(at, rc, newYear, later), next: next && !newYear ? m.hours.nextQuiet(next) : '' });
}

/** The next quiet window from `at` (today's or tomorrow's), with the kind of day it falls on. */
function nextQuietTime(at: number, rc: RenderContext): { when: 'now' | 'today' | 'tomorrow'; from: number; to: number } | null {
  const { support } = rc.knowledge;
  const today = toJapanTime(at).date;
  const HOUR = 3_600_000;
  for (let h = 0; h < 48; h++) {
    const t = at + h * HOUR;
    const status = phoneStatusAt(t, support);
    if (!status.open || status.crowd !== 'quiet') continue;
    const jt = toJapanTime(t);
    const window = support.crowd[status.dayType].quiet.find((r) => jt.hour >= r.from && jt.hour < r.to)!;
    return { when: h === 0 ? 'now' : jt.date === today ? 'today' : 'tomorrow', from: window.from, to: window.to };
  }
  return null;
}

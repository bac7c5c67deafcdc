import type { SupportChannelState } from '../../flows/conversation.js';
import { phoneStatusAt, toJapanTime } from '../../flows/japanTime.js';
import type { SupportChannelContext } from '../../flows/supportChannel.js';
import { draft, messagesFor, type Draft, type RenderContext } from './draft.js';

export function renderSupportChannel(state: SupportChannelState, ctx: SupportChannelContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).support;
  const { support, numbers } = rc.knowledge;
  const hours = support.phone.hours;
  switch (state) {
    case 'recommendPhone':
      return draft(['support:steps', 'prep:ask', 'support:hours', 'menu'], m.states.recommendPhone({ status: phoneStatus(ctx.at, rc) }));
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
    case 'phoneHoursNow':
      return draft(['support:steps', 'support:need:chat', 'prep:ask', 'menu'], hoursAnswer(ctx.at, rc));
    case 'callbackSteps':
      return draft(
        ['prep:ask', 'support:hours', 'support:fake', 'menu'],
        m.states.callbackSteps({ ...hours, steps: support.callbackSteps[rc.lang], official: numbers.numbers.filter((n) => n.role === 'officialSupport').map((n) => n.dial) }),
      );
    case 'fakeNumberSigns':
      return draft(['support:steps', 'scam:ask', 'menu'], m.states.fakeNumberSigns({ signs: support.fakeNumberSigns.map((s) => s[rc.lang]) }));
    case 'choosingNeed':
      return draft(
        ['support:need:urgent', 'support:need:chat', 'support:need:detailed', 'support:need:simple', 'support:hours', 'menu'],
        m.states.choosingNeed(hours),
      );
    default:
      return state satisfies never;
  }
}

/** "9時〜21時。いま(14:30)は受付中で…": the hours, then what they mean at this moment. */
function phoneStatus(at: number, rc: RenderContext): string {
  const m = messagesFor(rc.lang).support.hours;
  const status = phoneStatusAt(at, rc.knowledge.support);
  const now = toJapanTime(at);
  const clock = `${now.hour}:${String(now.minute).padStart(2, '0')}`;
  const weekend = status.dayType === 'weekendOrHoliday';
  return status.open ? m.open({ ...status.hours, clock, weekend, crowd: status.crowd }) : m.closed({ ...status.hours, clock, weekend });
}

function hoursAnswer(at: number, rc: RenderContext) {
  const m = messagesFor(rc.lang).support;
  const { support } = rc.knowledge;
  const status = phoneStatusAt(at, support);
  const range = (ranges: readonly { from: number; to: number }[]) => ranges.map((r) => m.hours.range(r)).join(rc.lang === 'ja' ? '・' : ', ');
  const next = nextQuietTime(at, rc);
  return m.states.phoneHoursNow({
    status: `${m.hours.everyDay(support.phone.hours)}${phoneStatus(at, rc)}`,
    quiet: m.hours.quiet({ weekday: range(support.crowd.weekday.quiet), weekend: range(support.crowd.weekendOrHoliday.quiet) }),
    next: next ? m.hours.nextQuiet(next) : '',
    extra: [status.peakMorning ? support.crowd.worst[rc.lang] : '', status.yearEnd ? support.phone.yearEnd[rc.lang] : ''].filter(Boolean),
  });
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

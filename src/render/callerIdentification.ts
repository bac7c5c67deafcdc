import type { CallerIdentificationState } from '../../flows/conversation.js';
import type { CallerIdentificationContext } from '../../flows/callerIdentification.js';
import type { IdentifiedNumber, Lang } from '../../flows/types.js';
import { deliveryWindowAt } from '../../flows/japanTime.js';
import { draft, messagesFor, type Draft, type RenderContext } from './draft.js';

const VOUCHING_STATES: ReadonlySet<CallerIdentificationState> = new Set(['deliveryDriver', 'officialSupport', 'officialSmsSender']);

export function renderCallerIdentification(state: CallerIdentificationState, ctx: CallerIdentificationContext, rc: RenderContext): Draft {
  const m = messagesFor(rc.lang).caller;
  const { delivery, numbers } = rc.knowledge;
  const driver = numbers.numbers.find((n) => n.role === 'deliveryDriver')!;
  const described = ctx.numbers.map((n) => describeNumber(n, rc));
  // Beside another answer, each number keeps its one line: whose it is, or what kind of line.
  const withLines = (part: { headline: string; body: string }) => ({ ...part, headline: described.map((d) => d.line).join('\n') });
  const identity = () => described.map((d) => d.full).join('\n');
  // A known number's reassuring answer would contradict the warning next to it; whose number it is, is enough.
  if (rc.besideScamWarning && VOUCHING_STATES.has(state)) {
    const shown = ctx.numbers.find((n) => n.vettedId);
    const vetted = numbers.numbers.find((v) => v.id === shown?.vettedId) ?? driver;
    const line = m.besideScamWarning({ dial: vetted.dial, owner: vetted.owner[rc.lang] });
    return draft(['scam:orders', 'menu'], { headline: line, body: line });
  }
  switch (state) {
    case 'deliveryDriver':
      // The next question is nearly always "should I call back?": its answers are one tap away.
      return draft(
        ['callback:situation:wantsToday', 'callback:situation:addressWorry', 'callback:situation:busy', 'callback:situation:dislikesPhone', 'caller:reasons', 'menu'],
        m.states.deliveryDriver({ dial: driver.dial, window: deliveryWindowAt(ctx.at, delivery.deliveryHours), hours: delivery.deliveryHours }),
        { why: 'caller:reasons', yes: 'callback:ask', willCallBack: 'callback:will' },
      );
    case 'callReasons':
      return draft(
        ['callback:ask', 'scam:orders', 'menu'],
        m.states.callReasons({
          dial: driver.dial,
          reasons: delivery.reasons.map((r) => r[rc.lang]),
          numberKnown: ctx.numbers.length > 0,
          otherCarriers: driver.note[rc.lang],
          named: delivery.reasons.find((r) => r.id === ctx.reason)?.detail[rc.lang],
        }),
        { willCallBack: 'callback:will' },
      );
    case 'officialSupport':
      return draft(['support:steps', 'support:fake', 'menu'], withLines(m.states.officialSupport({ identity: identity() })));
    case 'officialSmsSender':
      return draft(['scam:orders', 'scam:sign:smsLink', 'menu'], withLines(m.states.officialSmsSender({ identity: identity() })));
    case 'internationalNumber':
      // Beside another answer, the warning stays with the line: a foreign number is the scam tool itself.
      return draft(['scam:ask', 'scam:orders', 'menu'], m.states.internationalNumber({ identity: identity() }));
    case 'unknownNumber':
      return draft(['scam:ask', 'scam:orders', 'faq:silentCall', 'menu'], withLines(m.states.unknownNumber({ identity: identity() })));
    case 'numberNotRead':
      return draft(['caller:reasons', 'scam:orders', 'menu'], m.states.numberNotRead());
    case 'awaitingNumber':
      return draft(['caller:reasons', 'scam:orders', 'menu'], m.states.awaitingNumber({ dial: driver.dial, hours: delivery.deliveryHours }));
    default:
      return state satisfies never;
  }
}

/** `line`: whose number it is (or its kind) in one line; `full`: with what the bot knows about it. */
function describeNumber(n: IdentifiedNumber, rc: RenderContext): { line: string; full: string } {
  const m = messagesFor(rc.lang).caller;
  const vetted = n.vettedId ? rc.knowledge.numbers.numbers.find((v) => v.id === n.vettedId) : undefined;
  if (vetted) {
    const line = m.known({ dial: vetted.dial, owner: vetted.owner[rc.lang], note: '', tollFree: false }).trim();
    // "折り返したらお金かかる?" is a common worry; toll-free numbers cost the caller nothing.
    return { line, full: m.known({ dial: vetted.dial, owner: vetted.owner[rc.lang], note: vetted.note[rc.lang], tollFree: n.kind === 'tollFree' }) };
  }
  const area = n.areaPrefix ? rc.knowledge.areaCodes.areas.find((a) => a.prefix === n.areaPrefix) : undefined;
  const kind =
    n.kind === 'fixedLine'
      ? m.kinds.fixedLine({ prefix: area?.prefix, area: area?.[rc.lang] })
      : n.kind === 'international'
        ? m.kinds.international({ country: countryName(n.country, rc.lang) })
        : m.kinds[n.kind];
  const line = m.unvetted({ display: n.display, kind });
  return { line, full: line };
}

function countryName(code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'ja' ? '国不明' : 'country unknown';
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}

/** Every reachable state of every flow, in both languages, renders into a reply LINE accepts. */
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from 'xstate/graph';
import { createConversation, type Session, type View } from '../flows/conversation.js';
import { FLOW_IDS } from '../flows/types.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { allActionCodes, labelOf } from '../src/render/options.js';
import { graphemeCount } from '../src/line/lineLimits.js';
import { allowedDigitForms, guardMessages, maskUnvettedNumbers } from '../src/render/phoneGuard.js';
import { renderReply } from '../src/render/renderReply.js';
import { createNumberDirectory } from '../src/understand/phoneNumbers.js';
import { machineEvents, numbers, serializeState } from './helpers/machineEvents.js';

const knowledge = loadKnowledge();
const conversation = createConversation(knowledge);
const vetted = allowedDigitForms(createNumberDirectory(knowledge).vettedE164);
const typed = allowedDigitForms(['+81312345678', '+442079460958', '+81120123456', '+819012345678', '+81570012345', '+815012345678']);
const allowed = new Set([...vetted, ...typed]);

const views: View[] = [
  { kind: 'menu', greeting: true, reset: false },
  { kind: 'menu', greeting: false, reset: true },
  ...(['unorderedParcel', 'oddHours', 'silentCall', 'saveContact'] as const).map((topic) => ({ kind: 'faq' as const, topic })),
  ...(['text', 'empty', 'sticker', 'media', 'staleButton', 'badButton', 'otherLanguage'] as const).map((cause) => ({ kind: 'fallback' as const, cause, suggestions: [] })),
  { kind: 'fallback', cause: 'text', suggestions: ['shouldCallBack', 'supportHours', 'smallTalk'] },
  { kind: 'smallTalk', greeting: false },
  { kind: 'smallTalk', greeting: true },
  ...FLOW_IDS.flatMap((flow) =>
    Object.values(getAdjacencyMap(conversation.machines[flow], { events: machineEvents[flow] as any, serializeState })).map(
      ({ state }: any) => ({ kind: 'flow', flow, state: String(state.value), context: state.context }) as View,
    ),
  ),
];

describe.each(['ja', 'en'] as const)('rendering in %s', (lang) => {
  const session: Session = { ...conversation.newSession(lang), epoch: 7 };
  it.each(views.map((v) => [v.kind === 'flow' ? `${v.flow}.${v.state}` : `${v.kind}`, v] as const))('%s', (_name, view) => {
    const reply = renderReply([view], session, knowledge, allowed);
    expect(reply.maskedNumbers).toBe(0);
    expect(reply.messages.length).toBeGreaterThanOrEqual(1);
    expect(reply.messages.length).toBeLessThanOrEqual(5);
    const last = reply.messages.at(-1)!;
    expect(last.quickReply?.items.length).toBeGreaterThan(0);
    if (lang === 'en') {
      const text = reply.messages.map((m) => (m.type === 'text' ? m.text : m.altText)).join('');
      expect(text).not.toMatch(/[\u3040-\u30ff]{4}/); // no Japanese sentences leak into English replies
    }
  });
});

describe('several views in one reply', () => {
  it('every pair of views joins into a reply LINE accepts, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      const session: Session = { ...conversation.newSession(lang), epoch: 1 };
      for (const a of views) {
        for (const b of views) {
          const reply = renderReply([a, b], session, knowledge, allowed);
          expect(reply.maskedNumbers).toBe(0);
          expect(reply.messages.length).toBeLessThanOrEqual(5);
          expect(reply.options.length).toBeLessThanOrEqual(13);
        }
      }
    }
  });

  it('the last view answers in full and leads; the earlier one adds its one line; its options first, menu last', () => {
    const session = conversation.newSession('ja');
    const caller = views.find((v) => v.kind === 'flow' && v.flow === 'callerIdentification' && v.state === 'deliveryDriver')!;
    const faq: View = { kind: 'faq', topic: 'saveContact' };
    const reply = renderReply([caller, faq], session, knowledge, allowed);
    const text = reply.messages.map((m) => (m.type === 'text' ? m.text : m.altText)).join('\n');
    expect(text).toMatch(/^着信拒否はせず/);
    expect(text).toContain('📞 0120-070-585 はAmazonの委託配送ドライバーの番号です。');
    expect(text).not.toMatch(/オートロック/); // the caller answer's body stays out
    expect(reply.messages).toHaveLength(1);
    expect(reply.options[0]).toBe('caller:reasons');
    expect(reply.options).not.toContain('faq:saveContact'); // the question just answered
    expect(reply.options.at(-1)).toBe('menu');
    expect(reply.options.length).toBeLessThanOrEqual(6);
  });
});

describe('button labels', () => {
  it('fit LINE’s 20-grapheme limit in both languages', () => {
    for (const code of allActionCodes()) for (const lang of ['ja', 'en'] as const) expect(graphemeCount(labelOf(code, lang))).toBeLessThanOrEqual(20);
  });
});

describe('phone guard', () => {
  it.each([
    ['full-width', '０１２０－１１１－２２２'],
    ['dotted', '0120.111.222'],
    ['slashed', '0120/111/222'],
    ['long-vowel dashes', '0120ー111ー222'],
    ['international', '+44 20 7946 0000'],
  ])('masks a %s stranger’s number in every field: text, Flex, altText, labels', (_form, number) => {
    const messages = [
      { type: 'text' as const, text: `call ${number}` },
      {
        type: 'flex' as const,
        altText: `alt ${number}`,
        contents: { type: 'bubble' as const, body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: `row ${number}` }] } },
        quickReply: { items: [{ type: 'action' as const, action: { type: 'postback' as const, label: number, data: 'a=menu&e=0', displayText: number } }] },
      },
    ];
    const guarded = guardMessages(messages, vetted);
    expect(guarded.masked).toBe(5);
    expect(JSON.stringify(guarded.messages)).not.toContain(number);
    expect(JSON.stringify(guarded.messages)).toContain('a=menu&e=0');
  });

  it('changes nothing it does not mask, in its input or its output', () => {
    const messages = [
      { type: 'text' as const, text: 'call 0120-111-222' },
      { type: 'flex' as const, altText: 'alt', contents: { type: 'bubble' as const, body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'row 0120-070-585' }] } } },
    ];
    const before = structuredClone(messages);
    const guarded = guardMessages(messages, vetted);
    expect(messages).toEqual(before);
    expect(guarded.messages[0]).toEqual({ type: 'text', text: 'call [番号非表示]' });
    expect(guarded.messages[1]).toEqual(before[1]);
  });

  it('lets times, dates-free hours and short codes through', () => {
    expect(maskUnvettedNumbers('受付は9:00〜21:00、混雑は14–16時。188 や #9110 へ', vetted).masked).toBe(0);
  });

  it('masks a stranger’s number and keeps vetted ones', () => {
    const { text, masked } = maskUnvettedNumbers('call 0120-070-585 or 0120-111-222 or +81 3 9999 8888', vetted);
    expect(masked).toBe(2);
    expect(text).toContain('0120-070-585');
    expect(text).not.toContain('0120-111-222');
    expect(text).not.toContain('9999');
  });
});

describe('what each kind of number is called', () => {
  // The text describing a kind of number must not itself look like a number ("0120/0800" was masked as one).
  it.each(Object.entries(numbers))('%s: nothing but the typed or vetted number is dialable', (_name, n) => {
    for (const lang of ['ja', 'en'] as const) {
      const stepped = conversation.step(conversation.newSession(lang), { type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBERS_GIVEN', numbers: [n] } });
      const reply = renderReply([stepped.view], stepped.session, knowledge, allowed);
      expect(reply.maskedNumbers).toBe(0);
    }
  });
});

describe('call-back advice and the hour', () => {
  // 2026-11-30 in Japan (UTC+9): 01:05 is outside the 8–21 delivery hours, 10:00 inside.
  const at = (hourJst: number) => Date.UTC(2026, 10, 29, hourJst - 9 + 24, 5);
  const replyAt = (
    event: { type: 'WILL_CALL_BACK'; at: number } | { type: 'SITUATION_CHOSEN'; situation: 'wantsToday'; at: number } | { type: 'CALLBACK_FAILED'; at: number },
  ) => {
    const stepped = conversation.step(conversation.newSession('ja'), { type: 'flow', flow: 'callbackDecision', event });
    return renderReply([stepped.view], stepped.session, knowledge, allowed)
      .messages.map((m) => (m.type === 'text' ? m.text : m.altText))
      .join('\n');
  };

  it.each([
    ['"I will call back"', (t: number) => ({ type: 'WILL_CALL_BACK', at: t }) as const],
    ['"I want it today"', (t: number) => ({ type: 'SITUATION_CHOSEN', situation: 'wantsToday', at: t }) as const],
    ['"my call back does not connect"', (t: number) => ({ type: 'CALLBACK_FAILED', at: t }) as const],
  ])('%s at 01:05 says drivers are off and points to the app; at 10:05 it says call (again)', (_what, event) => {
    const night = replyAt(event(at(1)));
    expect(night).toMatch(/配達の時間\(おおむね8時〜21時\)の外/);
    expect(night).not.toMatch(/早いほど|早めに|もう一度だけ/);
    expect(replyAt(event(at(10)))).toMatch(/早いほど|早めに|もう一度だけ/);
  });

  it('the caller answer for the drivers\' number at 01:05 says they are off; at 10:05 it asks for the situation', () => {
    const callerAt = (t: number) => {
      const stepped = conversation.step(conversation.newSession('ja'), { type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBERS_GIVEN', numbers: [numbers.driver], at: t } });
      return renderReply([stepped.view], stepped.session, knowledge, allowed).messages.map((m) => (m.type === 'text' ? m.text : m.altText)).join('\n');
    };
    expect(callerAt(at(1))).toMatch(/深夜の着信なら間違い電話か自動音声/);
    expect(callerAt(at(1))).not.toMatch(/住所が不安なら折り返し/);
    expect(callerAt(at(10))).toMatch(/今日受け取りたい・住所が不安なら折り返し/);
  });
});

describe('a topic checklist', () => {
  it("lists the topic's own items, then the bot's own advice for it, then the common items it lacks, each once", () => {
    const stepped = conversation.step(conversation.newSession('ja'), { type: 'flow', flow: 'prepareCall', event: { type: 'TOPIC_CHOSEN', topic: 'payment' } });
    const card = renderReply([stepped.view], stepped.session, knowledge, allowed).messages[0]!;
    const rows = (card.type === 'flex' ? card.altText : '').split('\n').filter((l) => l.startsWith('☐ ')).map((l) => l.slice(2));
    const topic = knowledge.checklists.topics.find((t) => t.id === 'payment')!;
    expect(rows.slice(0, topic.items.ja.length)).toEqual(topic.items.ja);
    expect(rows.slice(topic.items.ja.length, topic.items.ja.length + topic.ownAdvice!.ja.length)).toEqual(topic.ownAdvice!.ja);
    expect(rows).toContain('登録メールアドレス');
    expect(rows.filter((r) => r.startsWith('注文番号'))).toHaveLength(1);
  });
});

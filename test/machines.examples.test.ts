/** Each decision tree by example, stepped purely with xstate's transition(). */
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyStateMachine } from 'xstate';
import { createConversation } from '../flows/conversation.js';
import { phoneStatusAt } from '../flows/japanTime.js';
import { triageMachine } from '../flows/triage.js';
import { FLOW_IDS } from '../flows/types.js';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.js';
import { numbers, WEEKDAY_AFTERNOON, WEEKDAY_NIGHT } from './helpers/machineEvents.js';

const knowledge = loadKnowledge();
const conversation = createConversation(knowledge);
const { machines } = conversation;

function run(machine: AnyStateMachine, ...events: any[]) {
  let [snapshot] = initialTransition(machine);
  for (const event of events) [snapshot] = transition(machine, snapshot, event);
  return snapshot;
}

describe('callerIdentification', () => {
  it('prefers the driver answer when a message holds a driver number and an unknown one', () => {
    const s = run(machines.callerIdentification, { type: 'NUMBERS_GIVEN', numbers: [numbers.tokyo, numbers.driver] });
    expect(s.value).toBe('deliveryDriver');
    expect(s.context.numbers).toHaveLength(2);
  });
  it('keeps at most three numbers from one message', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ ...numbers.tokyo, e164: `+8131234567${i}` }));
    expect(run(machines.callerIdentification, { type: 'NUMBERS_GIVEN', numbers: many }).context.numbers).toHaveLength(3);
  });
  it('calls an unvetted domestic number unknown and a foreign one international', () => {
    expect(run(machines.callerIdentification, { type: 'NUMBERS_GIVEN', numbers: [numbers.tokyo] }).value).toBe('unknownNumber');
    expect(run(machines.callerIdentification, { type: 'NUMBERS_GIVEN', numbers: [numbers.international] }).value).toBe('internationalNumber');
  });
});

describe('callbackDecision', () => {
  it.each([
    ['wantsToday', 'adviseCallBack'],
    ['addressWorry', 'adviseCallBack'],
    ['busy', 'adviseApp'],
    ['dislikesPhone', 'adviseApp'],
  ])('%s → %s (the table in data/delivery.json)', (situation, expected) => {
    expect(run(machines.callbackDecision, { type: 'SITUATION_CHOSEN', situation }).value).toBe(expected);
  });
  it('switches to the app after the configured number of failed callbacks', () => {
    const limit = knowledge.delivery.notConnecting.retryBeforeSwitching;
    const failures = Array.from({ length: limit }, () => ({ type: 'CALLBACK_FAILED' }));
    expect(run(machines.callbackDecision, { type: 'SITUATION_CHOSEN', situation: 'wantsToday' }, ...failures.slice(1)).value).toBe('tryAgainLater');
    expect(run(machines.callbackDecision, { type: 'SITUATION_CHOSEN', situation: 'wantsToday' }, ...failures).value).toBe('switchToApp');
  });
  it('"tried many times" counts as enough tries at once: no "try once more"', () => {
    expect(run(machines.callbackDecision, { type: 'CALLBACK_FAILED', repeated: true }).value).toBe('switchToApp');
    expect(run(machines.callbackDecision, { type: 'CALLBACK_FAILED' }).value).toBe('tryAgainLater');
  });

  it('remembers how the call-back question was asked, so the answer can lead with that', () => {
    expect(run(machines.callbackDecision, { type: 'ASK_WHETHER_TO_CALL_BACK', asked: 'missed' }).context.asked).toBe('missed');
    expect(run(machines.callbackDecision, { type: 'ASK_WHETHER_TO_CALL_BACK' }).context.asked).toBe('callBack');
  });

  it('a new situation starts the count again', () => {
    const s = run(machines.callbackDecision, { type: 'CALLBACK_FAILED' }, { type: 'SITUATION_CHOSEN', situation: 'busy' });
    expect(s.context).toEqual({ situation: 'busy', failedAttempts: 0, at: 0, asked: 'callBack' });
  });
});

describe('scamCheck', () => {
  it('a scam sign outweighs a caution sign reported earlier', () => {
    const s = run(machines.scamCheck, { type: 'SIGNS_REPORTED', signs: ['smsLink'] }, { type: 'SIGNS_REPORTED', signs: ['giftCard'] });
    expect(s.value).toBe('scamConfirmed');
    expect(s.context.signs).toEqual(['smsLink', 'giftCard']);
  });
  it('caution signs alone mean suspicious', () => {
    expect(run(machines.scamCheck, { type: 'SIGNS_REPORTED', signs: ['oddHours', 'spoofedNumber'] }).value).toBe('suspicious');
  });
  it('harm reported at any point leads to help', () => {
    expect(run(machines.scamCheck, { type: 'NOTHING_ODD' }, { type: 'ALREADY_HARMED' }).value).toBe('gettingHelp');
  });
});

describe('supportChannel (clock injected through events)', () => {
  it('urgent: phone while open, chat while closed', () => {
    expect(run(machines.supportChannel, { type: 'NEED_CHOSEN', need: 'urgent', at: WEEKDAY_AFTERNOON }).value).toBe('recommendPhone');
    expect(run(machines.supportChannel, { type: 'NEED_CHOSEN', need: 'urgent', at: WEEKDAY_NIGHT }).value).toBe('recommendChat');
  });
  it.each([
    ['detailed', 'recommendEmail'],
    ['simple', 'recommendSelfService'],
    ['prime', 'specialRoute'],
    ['business', 'specialRoute'],
    ['device', 'specialRoute'],
  ])('%s → %s whatever the hour', (need, expected) => {
    for (const at of [WEEKDAY_AFTERNOON, WEEKDAY_NIGHT]) expect(run(machines.supportChannel, { type: 'NEED_CHOSEN', need, at }).value).toBe(expected);
  });
});

describe('phone hours in Japan time', () => {
  const jst = (iso: string) => Date.parse(`${iso}+09:00`);
  it.each([
    ['2026-11-24T08:59:00', false, 'weekday'],
    ['2026-11-24T09:00:00', true, 'weekday'],
    ['2026-11-24T20:59:00', true, 'weekday'],
    ['2026-11-24T21:00:00', false, 'weekday'],
    ['2026-11-28T10:00:00', true, 'weekendOrHoliday'],
    ['2026-11-23T10:00:00', true, 'weekendOrHoliday'],
  ])('%s JST: open=%s, %s', (iso, open, dayType) => {
    const status = phoneStatusAt(jst(iso), knowledge.support);
    expect(status.open).toBe(open);
    expect(status.dayType).toBe(dayType);
  });
  it('flags Monday morning as a peak and the New Year period as uncertain', () => {
    expect(phoneStatusAt(jst('2026-11-30T09:30:00'), knowledge.support).peakMorning).toBe(true);
    expect(phoneStatusAt(jst('2026-12-30T15:00:00'), knowledge.support).yearEnd).toBe(true);
    expect(phoneStatusAt(jst('2026-11-24T15:00:00'), knowledge.support).yearEnd).toBe(false);
  });
});

describe('prepareCall', () => {
  it('remembers the topic and offers the explain tips', () => {
    const s = run(machines.prepareCall, { type: 'TOPIC_CHOSEN', topic: 'payment' });
    expect(s.value).toBe('checklist');
    expect(s.context.topic).toBe('payment');
    expect(run(machines.prepareCall, { type: 'TOPIC_CHOSEN', topic: 'payment' }, { type: 'SHOW_EXPLAIN_TIPS' }).value).toBe('explainTips');
  });
});

describe('conversation step', () => {
  it('resumes the active flow, opens a fresh one when the user switches, and resets with a new epoch', () => {
    let session = conversation.newSession('ja');
    ({ session } = conversation.step(session, { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED' } }));
    ({ session } = conversation.step(session, { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED' } }));
    expect(session.flow).toMatchObject({ value: 'switchToApp' });
    const switched = conversation.step(session, { type: 'flow', flow: 'prepareCall' });
    expect(switched.view).toMatchObject({ kind: 'flow', flow: 'prepareCall', state: 'commonChecklist' });
    const reset = conversation.step(switched.session, { type: 'reset' });
    expect(reset.session.epoch).toBe(1);
    expect(reset.session.flow).toBeNull();
  });
  it('keeps a stored session small', () => {
    let session = conversation.newSession('ja');
    ({ session } = conversation.step(session, {
      type: 'flow',
      flow: 'callerIdentification',
      event: { type: 'NUMBERS_GIVEN', numbers: [numbers.driver, numbers.international, numbers.tokyo] },
    }));
    expect(JSON.stringify(session).length).toBeLessThan(2048);
  });
});

describe('triage', () => {
  it.each(FLOW_IDS)('opening %s lands in that tree, and the menu and a reset lead back to the menu', (flow) => {
    const opened = run(triageMachine, { type: 'FLOW_OPENED', flow });
    expect(opened.value).toBe(flow);
    expect(transition(triageMachine, opened, { type: 'MENU_REQUESTED' })[0].value).toBe('menu');
    expect(transition(triageMachine, opened, { type: 'CONVERSATION_RESET' })[0].value).toBe('menu');
  });

  it('an FAQ lands on the FAQ, remembering which one', () => {
    const faq = run(triageMachine, { type: 'FAQ_ASKED', topic: 'silentCall' });
    expect(faq.value).toBe('faq');
    expect(faq.context).toMatchObject({ faqTopic: 'silentCall' });
  });
});

/** Which machines step for one reading: each part of a message gets its answer, harm first. */
import { describe, expect, it } from 'vitest';
import { planTurn } from '../flows/planTurn.js';
import type { Reading } from '../flows/types.js';
import { numbers } from './helpers/machineEvents.js';

const reading = (over: Partial<Reading>): Reading => ({
  lang: 'ja', numbers: [], unreadNumber: false, links: [], signs: [], harmDone: false, topic: 'none',
  situation: null, need: null, prepTopic: null, followUp: null, onCall: false, note: null, reason: null, driverAsked: false, callQuestion: null, manyTries: false, newYear: false, askedTime: null, alternatives: [], rule: 'classifier', ...over,
});
const steps = (r: Reading) => planTurn(r, 0).map((i) => (i.type === 'flow' ? `${i.flow}:${i.event?.type ?? 'open'}` : i.type === 'faq' ? `faq:${i.topic}` : i.type));

describe('planTurn', () => {
  it('a number and a question: who it is, then the answer', () => {
    expect(steps(reading({ numbers: [numbers.driver], topic: 'blockNumber' }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'faq:saveContact']);
    expect(steps(reading({ numbers: [numbers.driver], topic: 'callbackFailed' }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'callbackDecision:CALLBACK_FAILED']);
    // "0120-070-585って詐欺?": the caller answer says it normally is not, and how to check; it leads alone.
    expect(steps(reading({ numbers: [numbers.driver], topic: 'scamCheck' }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
    expect(steps(reading({ numbers: [numbers.tokyo], topic: 'scamCheck' }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'scamCheck:SHOW_ORDER_CHECK']);
    expect(steps(reading({ numbers: [numbers.driver], topic: 'shouldCallBack' }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'callbackDecision:ASK_WHETHER_TO_CALL_BACK']);
    expect(steps(reading({ numbers: [numbers.driver], topic: 'whoCalled' }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
  });

  it('"should I call back" about a number that is not a driver: the caller answer already says it', () => {
    expect(steps(reading({ numbers: [numbers.tokyo], topic: 'shouldCallBack' }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
    expect(steps(reading({ numbers: [numbers.driver], topic: 'shouldCallBack', situation: 'busy' }))).toEqual([
      'callerIdentification:NUMBERS_GIVEN',
      'callbackDecision:SITUATION_CHOSEN',
    ]);
  });

  it('"is this support number real?" about a vetted support number: the caller answer alone', () => {
    expect(steps(reading({ numbers: [numbers.official], topic: 'fakeSupportNumber' }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
    expect(steps(reading({ numbers: [numbers.tokyo], topic: 'fakeSupportNumber' }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'supportChannel:ASK_FAKE_NUMBER']);
    // "SMSの送信元が090-9009-7540だから安全?": the caller answer says it is Amazon's sender and that senders can be faked.
    expect(steps(reading({ numbers: [numbers.sms], topic: 'fakeSupportNumber' }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
  });

  it('harm already done outranks everything else in the message', () => {
    expect(steps(reading({ harmDone: true, signs: ['cardNumber'], topic: 'supportHours', links: [{ host: 'x.top', verdict: 'other' }] }))).toEqual(['scamCheck:ALREADY_HARMED']);
  });

  it('scam signs and a pasted link each get their answer, and the question is not asked twice', () => {
    expect(steps(reading({ signs: ['moneyDemand'], links: [{ host: 'bit.ly', verdict: 'imitation', reason: 'shortener' }], topic: 'linkCheck' }))).toEqual([
      'scamCheck:SIGNS_REPORTED',
      'scamCheck:LINKS_REPORTED',
    ]);
  });

  it('reset and menu stand alone; small talk and the unreadable get their own answers', () => {
    expect(steps(reading({ topic: 'reset', numbers: [numbers.driver] }))).toEqual(['reset']);
    expect(steps(reading({ topic: 'smallTalk' }))).toEqual(['smallTalk']);
    expect(planTurn(reading({ topic: 'none', alternatives: ['supportHours', 'prepareCall'] }), 0)).toEqual([
      { type: 'unrecognized', cause: 'text', suggestions: ['supportHours', 'prepareCall'] },
    ]);
  });

  it('a missed delivery: "want it today" is the call-back advice, "was missing it OK?" that answer, else the redelivery steps', () => {
    expect(steps(reading({ topic: 'redelivery', situation: 'wantsToday' }))).toEqual(['callbackDecision:SITUATION_CHOSEN']);
    expect(steps(reading({ topic: 'redelivery', callQuestion: 'missed' }))).toEqual(['callbackDecision:ASK_WHETHER_TO_CALL_BACK']);
    expect(steps(reading({ topic: 'redelivery' }))).toEqual(['callbackDecision:SHOW_REDELIVERY']);
  });

  it('"can I phone Amazon on New Year\'s Day?" gets the New Year hours, not the callback steps', () => {
    expect(planTurn(reading({ topic: 'supportPhone', newYear: true }), 0)).toEqual([{ type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at: 0, newYear: true } }]);
    expect(steps(reading({ topic: 'supportPhone' }))).toEqual(['supportChannel:SHOW_CALLBACK_STEPS']);
  });

  it('an odd-hours question speaks of the moment asked about, unless the message says the call came in the night', () => {
    expect(planTurn(reading({ topic: 'oddHours', askedTime: { at: 5, hourNamed: true } }), 9)).toEqual([{ type: 'faq', topic: 'oddHours', at: 5 }]);
    expect(planTurn(reading({ topic: 'oddHours' }), 9)).toEqual([{ type: 'faq', topic: 'oddHours', at: 9 }]);
    expect(planTurn(reading({ topic: 'oddHours', numbers: [numbers.driver], signs: ['oddHours'], askedTime: { at: 5, hourNamed: true } }), 9).at(-1)).toEqual({ type: 'faq', topic: 'oddHours' });
  });

  it('"is a call at that hour a scam?" is the odd-hours answer for that hour; without an hour, the scam questions', () => {
    expect(planTurn(reading({ topic: 'scamCheck', askedTime: { at: 5, hourNamed: true } }), 9)).toEqual([{ type: 'faq', topic: 'oddHours', at: 5 }]);
    expect(steps(reading({ topic: 'scamCheck' }))).toEqual(['scamCheck:open']);
  });

  it('never plans more than three steps', () => {
    expect(planTurn(reading({ numbers: [numbers.driver], signs: ['urgency'], links: [{ host: 'bit.ly', verdict: 'imitation' }], topic: 'supportHours' }), 0)).toHaveLength(3);
  });

  it('a reason the message names leads the call-reasons answer; a driver asking the address is no harm', () => {
    expect(planTurn(reading({ topic: 'scamCheck', reason: 'dropOff' }), 0)).toEqual([
      { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS', reason: 'dropOff' } },
    ]);
    expect(steps(reading({ topic: 'scamCheck', reason: 'address', driverAsked: true, harmDone: true }))).toEqual(['callerIdentification:ASK_CALL_REASONS']);
    // The address told on a call from the drivers' number: the same reason 2, asked or not.
    expect(steps(reading({ topic: 'scamCheck', reason: 'address', harmDone: true, numbers: [numbers.driver!] }))).toEqual([
      'callerIdentification:NUMBERS_GIVEN',
      'callerIdentification:ASK_CALL_REASONS',
    ]);
    expect(steps(reading({ topic: 'scamCheck', reason: 'address', harmDone: true }))).toEqual(['scamCheck:ALREADY_HARMED']);
    // Anything else handed over is harm, whatever reason is named.
    expect(steps(reading({ topic: 'scamCheck', reason: 'address', driverAsked: true, harmDone: true, signs: ['cardNumber'] }))).toEqual(['scamCheck:ALREADY_HARMED']);
  });

  it('doubt alone about a vetted number is answered by the caller answer, not a scam warning', () => {
    expect(steps(reading({ numbers: [numbers.driver], topic: 'whoCalled', signs: ['spoofedNumber'] }))).toEqual(['callerIdentification:NUMBERS_GIVEN']);
    expect(steps(reading({ numbers: [numbers.driver], topic: 'whoCalled', signs: ['cardNumber'] }))).toEqual(['callerIdentification:NUMBERS_GIVEN', 'scamCheck:SIGNS_REPORTED']);
  });

  it('a question with an answer of its own gets that answer; harm still comes first', () => {
    expect(steps(reading({ topic: 'scamCheck', note: 'cardCompany' }))).toEqual(['note']);
    expect(steps(reading({ topic: 'scamCheck', note: 'cardCompany', harmDone: true }))).toEqual(['scamCheck:ALREADY_HARMED']);
  });
});

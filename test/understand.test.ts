/** Free-text understanding, Japanese and English. */
import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeText } from '../src/understand/normalizeText.js';
import { understandText } from '../src/understand/understandText.js';
import { decodePostback, encodePostback } from '../src/understand/actionCodes.js';

const understand = (text: string, activeFlow: any = null) => understandText(normalizeText(text), { activeFlow, numbers: [], at: 0 });

describe('intents', () => {
  it.each([
    ['最初から', { type: 'reset' }],
    ['start over', { type: 'reset' }],
    ['メニュー', { type: 'menu' }],
    ['折り返した方がいい?', { type: 'flow', flow: 'callbackDecision' }],
    ['should I call them back?', { type: 'flow', flow: 'callbackDecision' }],
    ['詐欺かな?', { type: 'flow', flow: 'scamCheck' }],
    ['is this a scam?', { type: 'flow', flow: 'scamCheck' }],
    ['カスタマーサービスに連絡したい', { type: 'flow', flow: 'supportChannel' }],
    ['電話の前に準備することは?', { type: 'flow', flow: 'prepareCall' }],
    ['誰からの電話か調べたい', { type: 'flow', flow: 'callerIdentification' }],
  ])('%s', (text, expected) => {
    expect(understand(text)).toEqual(expected);
  });

  it('does not mistake a refund question or "no hurry" for a scam', () => {
    expect(understand('返金の前に準備するものは?')).toMatchObject({ flow: 'prepareCall', event: { topic: 'returnRefund' } });
    expect(understand('急いでないので後でいい')).toMatchObject({ flow: 'callbackDecision', event: { situation: 'busy' } });
  });

  it('reads short answers in the context of the active tree', () => {
    expect(understand('支払い', 'prepareCall')).toMatchObject({ event: { type: 'TOPIC_CHOSEN', topic: 'payment' } });
    expect(understand('prime', 'supportChannel')).toMatchObject({ event: { type: 'NEED_CHOSEN', need: 'prime' } });
    expect(understand('支払い')).toEqual({ type: 'unrecognized', cause: 'text' });
  });

  it('collects several scam signs from one message', () => {
    expect(understand('アカウントが凍結されると言われてギフトカードで払えと要求された')).toMatchObject({
      flow: 'scamCheck',
      event: { type: 'SIGNS_REPORTED', signs: expect.arrayContaining(['giftCard', 'urgency']) },
    });
  });
});

describe('language', () => {
  it('Japanese when kana or kanji appear, English for Latin words, otherwise unchanged', () => {
    expect(detectLanguage('Amazonに電話', 'en')).toBe('ja');
    expect(detectLanguage('who called me', 'ja')).toBe('en');
    expect(detectLanguage('😱 090', 'en')).toBe('en');
  });
});

describe('postback payloads', () => {
  it('round-trips a code and rejects stale or forged ones', () => {
    const data = encodePostback('callback:situation:busy', 3);
    expect(decodePostback(data, 3)).toEqual({ ok: true, code: 'callback:situation:busy' });
    expect(decodePostback(data, 4)).toEqual({ ok: false, reason: 'stale' });
    expect(decodePostback('a=callback:situation:sleepy&e=3', 3)).toEqual({ ok: false, reason: 'invalid' });
    expect(decodePostback('x'.repeat(400), 3)).toEqual({ ok: false, reason: 'invalid' });
  });
});

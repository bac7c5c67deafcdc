/** Representative events for each machine: every branch of every guard is reachable with these. */
import type { IdentifiedNumber } from '../../flows/types.js';

const jst = (iso: string) => Date.parse(`${iso}+09:00`);
export const WEEKDAY_AFTERNOON = jst('2026-11-24T14:00:00');
export const WEEKDAY_NIGHT = jst('2026-11-24T23:00:00');

export const numbers: Record<string, IdentifiedNumber> = {
  driver: { e164: '+81120070585', display: '0120-070-585', kind: 'tollFree', vettedId: 'amazon-delivery-driver', role: 'deliveryDriver' },
  official: { e164: '+81120999373', display: '0120-999-373', kind: 'tollFree', vettedId: 'amazon-customer-service-tollfree', role: 'officialSupport' },
  sms: { e164: '+819090097540', display: '090-9009-7540', kind: 'mobile', vettedId: 'amazon-sms-sender-090', role: 'smsSender' },
  international: { e164: '+442079460958', display: '+44 20 7946 0958', kind: 'international', country: 'GB' },
  tokyo: { e164: '+81312345678', display: '03-1234-5678', kind: 'fixedLine', areaPrefix: '03' },
  strangerTollFree: { e164: '+81120123456', display: '0120-123-456', kind: 'tollFree' },
  strangerMobile: { e164: '+819012345678', display: '090-1234-5678', kind: 'mobile' },
  naviDial: { e164: '+81570012345', display: '0570-012-345', kind: 'naviDial' },
  ipPhone: { e164: '+815012345678', display: '050-1234-5678', kind: 'ipPhone' },
};

export const machineEvents = {
  triage: [
    { type: 'MENU_REQUESTED' },
    { type: 'CONVERSATION_RESET' },
    ...(['callerIdentification', 'callbackDecision', 'scamCheck', 'supportChannel', 'prepareCall'] as const).map((flow) => ({ type: 'FLOW_OPENED', flow })),
    ...(['unorderedParcel', 'oddHours', 'silentCall', 'saveContact'] as const).map((topic) => ({ type: 'FAQ_ASKED', topic })),
  ],
  callerIdentification: [
    ...Object.values(numbers).map((n) => ({ type: 'NUMBERS_GIVEN', numbers: [n] })),
    { type: 'ASK_CALL_REASONS' },
    { type: 'NUMBER_NOT_READ' },
  ],
  callbackDecision: [
    ...(['wantsToday', 'addressWorry', 'busy', 'dislikesPhone'] as const).map((situation) => ({ type: 'SITUATION_CHOSEN', situation })),
    { type: 'CALLBACK_FAILED' },
    { type: 'CALLBACK_FAILED', at: Date.UTC(2026, 10, 29, 16, 5) },
    { type: 'SHOW_REDELIVERY' },
    { type: 'WILL_CALL_BACK' },
    { type: 'ASK_WHETHER_TO_CALL_BACK' },
  ],
  scamCheck: [
    { type: 'SIGNS_REPORTED', signs: ['cardNumber'] },
    { type: 'SIGNS_REPORTED', signs: ['personalData'], onCall: true },
    { type: 'SIGNS_REPORTED', signs: ['smsLink'] },
    { type: 'SIGNS_REPORTED', signs: [] },
    { type: 'NOTHING_ODD' },
    { type: 'SHOW_ORDER_CHECK' },
    { type: 'ALREADY_HARMED' },
    { type: 'ALREADY_HARMED', signs: ['giftCard', 'moneyDemand'] },
    {
      type: 'LINKS_REPORTED',
      links: [
        { host: 'amaz0n-jp.top', verdict: 'imitation', reason: 'lookalike' },
        { host: 'bit.ly', verdict: 'imitation', reason: 'shortener' },
        { host: 'www.amazon.co.jp', verdict: 'amazon' },
        { host: 'example.org', verdict: 'other' },
      ],
    },
  ],
  supportChannel: [
    ...(['urgent', 'detailed', 'simple', 'chat', 'prime', 'business', 'device'] as const).flatMap((need) => [
      { type: 'NEED_CHOSEN', need, at: WEEKDAY_AFTERNOON },
      { type: 'NEED_CHOSEN', need, at: WEEKDAY_NIGHT },
    ]),
    { type: 'ASK_HOURS', at: WEEKDAY_AFTERNOON },
    { type: 'SHOW_CALLBACK_STEPS' },
    { type: 'ASK_FAKE_NUMBER' },
  ],
  prepareCall: [
    ...(['delivery', 'returnRefund', 'account', 'payment', 'device'] as const).map((topic) => ({ type: 'TOPIC_CHOSEN', topic })),
    { type: 'SHOW_EXPLAIN_TIPS' },
  ],
} as const;

/** Context that grows without bound (attempt counts, sign sets) is folded so graph traversal stays finite. */
export const serializeState = (s: any) =>
  JSON.stringify({
    v: s.value,
    c: Object.fromEntries(
      Object.entries(s.context).map(([k, v]) => [k, typeof v === 'number' ? Math.min(v, 3) : Array.isArray(v) ? v.length > 0 : v]),
    ),
  });

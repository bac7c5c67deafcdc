/**
 * A few made-up turns through the responder right after listen, so that the first user after a start
 * does not pay for what V8 does only once: compiling the understanding's regular expressions (links,
 * phone numbers, scam signs, times) and optimising the hot paths. That was ~45 ms of the first reply.
 * The responder has no I/O, so nothing is stored, sent or counted.
 */
import type { InboundEvent } from './inboundEvent.js';
import type { Responder } from './respond.js';

const TEXTS = [
  'https://amaz0n-account.example.com からアカウント停止のSMSが来た。0120-070-585に電話していい?',
  '今日の18時ごろ折り返したい、何を用意すればいい?',
  'Who called me from 03-1234-5678? They asked for my card number.',
];

export function warmUp(responder: Responder, now: number): void {
  const events: InboundEvent[] = [
    { kind: 'follow', id: 'warm-up-follow', userId: 'Uwarm-up', at: now, replyToken: null, redelivery: false },
    ...TEXTS.map((text, i): InboundEvent => ({ kind: 'text', text, id: `warm-up-${i}`, userId: 'Uwarm-up', at: now, replyToken: null, redelivery: false })),
  ];
  let session = null;
  for (const event of events) session = responder.respond(event, session).session;
}

/**
 * Issue #17, hostile bodies: signed webhook bodies of shapes LINE would never send, drawn by
 * fast-check: lone surrogates, RTL and invisible marks, 10,000 emoji, up to 100 events in one body,
 * garbage postback data, another user's buttons, unknown event and message types, missing fields,
 * timestamps that are no date or far from now, an event id used again with other content and
 * another user. Whatever the body, the process keeps serving, answers only the user who wrote (by
 * reply token or push), never more than once per event, and never sends an error stack or a phone
 * number that is neither vetted nor the user's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryKeyFor } from '../src/line/retryKey.js';
import type { RecordedCall } from './helpers/fakeLineApi.js';
import { useBotWithFakeLine } from './helpers/startBot.js';
import { postWebhook, webhookBody } from './helpers/webhooks.js';

const VETTED = new Set(
  (JSON.parse(readFileSync(join(import.meta.dirname, '../data/numbers.json'), 'utf8')).numbers as { dial: string }[]).map((n) => n.dial.replace(/\D/g, '')),
);
const NOTICE = /^(メッセージが多すぎます|Too many messages)/;
const STACK = /\b\w*Error\b|\bat \S+ \(|\.ts:\d+|node_modules|\/src\//;
/** Digit runs long enough to be a phone number, separators and full-width digits folded. */
const phoneLike = (text: string) => (text.normalize('NFKC').match(/\+?\d[\d\-‐ー() ]{7,}\d/g) ?? []).map((m) => m.replace(/\D/g, '')).filter((d) => d.length >= 9);

const running = useBotWithFakeLine();

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\uD800', 'a\uDFFFb', '\uDBFF\uDBFF0120', '\u202E0120-070-585\u202C', '\u200F\u200B\u2066詐欺?\u2069', '😀'.repeat(10_000)),
  fc.constantFrom('0120-070-585から電話', '090-1234-5678 から着信', '+44 20 7946 0958 からSMS', '０３ー１２３４ー５６７８', 'カード番号を教えた', 'メニュー', '1'),
  fc.tuple(fc.constantFrom('', '折り返す?', 'who is '), fc.stringMatching(/^0[5-9]0-\d{4}-\d{4}$/)).map(([a, b]) => a + b),
);
const timestamp = fc.oneof(
  fc.constant('now'),
  fc.constantFrom(0, -1, 1e20, -8.64e15, 8.64e15, 1.5, 'NaN', '2024-01-01', null, 'far future', 'far past'),
);
const eventShape = fc.record({
  user: fc.nat(3),
  kind: fc.constantFrom('text', 'text', 'text', 'postback', 'theirButton', 'sticker', 'weirdMessage', 'unknownEvent', 'follow', 'unfollow'),
  text: hostileText,
  postback: fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('a=caller:ask&e=0', 'a=menu&e=999', 'a=%E0%A4%A&e=-1', 'e=0', '')),
  timestamp,
  drop: fc.subarray(['source', 'userId', 'webhookEventId', 'replyToken', 'message', 'text', 'timestamp', 'type'], { maxLength: 2 }),
  reuseId: fc.option(fc.nat(99), { freq: 8 }),
});
const scenario = fc.array(fc.oneof(fc.array(eventShape, { minLength: 1, maxLength: 8 }), fc.array(eventShape, { minLength: 100, maxLength: 100 })), {
  minLength: 1,
  maxLength: 3,
});

let run = 0;
/** Buttons the bot sent, to be tapped by someone else. */
const buttons: string[] = [];

describe('signed webhook bodies of hostile shapes', () => {
  it('never kill the process, never reach the wrong user, never leak a stack or an unvetted number', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (bodies) => {
        const prefix = `H${++run}`;
        /** Who sent an event with this id (a repeated id may come from someone else), and each reply token's owner. */
        const senders = new Map<string, Set<string>>();
        const tokens = new Map<string, { user: string; id: string }>();
        const ownDigits = new Map<string, string[]>();
        const ids: string[] = [];
        const sentAt = running.api.calls.length;
        let serial = 0;
        for (const shapes of bodies) {
          const events = shapes.map((s) => {
            const user = `${prefix}U${s.user}`;
            const id = s.reuseId !== null && ids.length > 0 ? ids[s.reuseId % ids.length]! : `${prefix}E${++serial}`;
            ids.push(id);
            const token = `${prefix}T${++serial}`;
            const at =
              s.timestamp === 'now' ? Date.now() : s.timestamp === 'far future' ? Date.now() + 3e11 : s.timestamp === 'far past' ? Date.now() - 3e11 : s.timestamp;
            const event: Record<string, any> = {
              type: s.kind === 'unknownEvent' ? 'somethingNew' : s.kind === 'postback' || s.kind === 'theirButton' ? 'postback' : s.kind === 'follow' || s.kind === 'unfollow' ? s.kind : 'message',
              mode: 'active',
              timestamp: at,
              webhookEventId: id,
              deliveryContext: { isRedelivery: false },
              source: { type: 'user', userId: user },
              replyToken: token,
            };
            if (s.kind === 'text') event.message = { id: String(serial), type: 'text', text: s.text };
            if (s.kind === 'sticker') event.message = { id: String(serial), type: 'sticker', packageId: '1', stickerId: '1' };
            if (s.kind === 'weirdMessage') event.message = { id: String(serial), type: 'hologram', text: s.text };
            if (s.kind === 'postback') event.postback = { data: s.postback };
            if (s.kind === 'theirButton') event.postback = { data: buttons[serial % Math.max(1, buttons.length)] ?? 'a=menu&e=0' };
            for (const field of s.drop) {
              if (field === 'userId') delete event.source?.userId;
              else if (field === 'text') delete event.message?.text;
              else delete event[field];
            }
            const sender = event.source?.userId;
            if (sender && typeof event.message?.text === 'string') ownDigits.set(sender, [...(ownDigits.get(sender) ?? []), event.message.text.normalize('NFKC').replace(/\D/g, '')]);
            if (sender && typeof event.webhookEventId === 'string') senders.set(id, (senders.get(id) ?? new Set()).add(sender));
            if (sender && typeof event.replyToken === 'string') tokens.set(event.replyToken, { user: sender, id });
            return event;
          });
          const res = await postWebhook(running.bot.url, webhookBody(...events));
          expect([200, 413]).toContain(res.status);
        }
        await running.bot.app.processor.drain();
        expect((await fetch(`${running.bot.url}/healthz`)).status).toBe(200);

        const sent = running.api.calls.slice(sentAt).filter((c) => c.path.endsWith('/reply') || c.path.endsWith('/push'));
        const perKey = new Map<string, number>();
        const turnsPerId = new Map<string, number>();
        for (const call of sent) {
          const reached = recipient(call, tokens, senders);
          expect(reached, `answer to nobody who wrote: ${JSON.stringify(call.body).slice(0, 200)}`).toBeDefined();
          const key = call.path.endsWith('/reply') ? `reply:${call.body.replyToken}` : `push:${call.headers['x-line-retry-key']}`;
          perKey.set(key, (perKey.get(key) ?? 0) + 1);
          if (!NOTICE.test(call.body.messages[0].text ?? '')) turnsPerId.set(reached!.id, (turnsPerId.get(reached!.id) ?? 0) + 1);
          expect(JSON.stringify(call.body.messages)).not.toMatch(STACK);
          for (const digits of phoneLike(collectTexts(call.body.messages).join('\n'))) {
            const own = (ownDigits.get(reached!.user) ?? []).some((d) => d.includes(digits));
            expect(VETTED.has(digits) || own, `number ${digits} sent to ${reached!.user}`).toBe(true);
          }
          for (const m of call.body.messages) for (const item of m.quickReply?.items ?? []) if (item.action.type === 'postback') buttons.push(item.action.data);
        }
        // A reply token is spent once, a retry key pushed once, and an id (repeated or not) answered by one turn at most.
        for (const [key, count] of perKey) expect(count, key).toBe(1);
        for (const [id, count] of turnsPerId) expect(count, id).toBe(1);
      }),
      { numRuns: 60, seed: 17 },
    );
  }, 60_000);
});

/** Whom an answer reaches and for which event: the owner of its reply token, or a sender of the event its retry key belongs to. */
function recipient(call: RecordedCall, tokens: Map<string, { user: string; id: string }>, senders: Map<string, Set<string>>) {
  if (call.path.endsWith('/reply')) return tokens.get(call.body.replyToken);
  const id = [...senders.keys()].find((i) => retryKeyFor(i) === call.headers['x-line-retry-key']);
  return id && senders.get(id)!.has(call.body.to) ? { user: call.body.to as string, id } : undefined;
}

/** Every string in the messages a user reads: texts, alt texts, Flex texts, button labels. */
function collectTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectTexts);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => (k === 'data' ? [] : collectTexts(v)));
  return [];
}

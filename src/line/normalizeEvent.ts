/** LINE webhook event → InboundEvent, or null for what the bot must not act on. */
import type { InboundEvent, InboundKind } from '../conversation/inboundEvent.js';
import { LineWebhookEvent } from './webhookBody.js';

export type Skipped = { skipped: 'malformed' | 'notOneToOne' | 'standby' };

/** `clock`: whose time `event.at` is, LINE's stamp or the arrival (the stamp was no usable date). */
export type Normalized = { event: InboundEvent; clock: 'line' | 'arrival' };

/**
 * LINE stamps an event when it happens and may deliver it again hours later; a stamp further than a
 * day from its arrival, either way, is no clock the time-aware answers (or the reply token's age)
 * can go by, and one that is no date at all would throw in the time code on every attempt.
 */
const TRUSTED_SKEW_MS = 24 * 3600 * 1000;

function eventTime(stamp: unknown, receivedAt: number): number | null {
  if (typeof stamp !== 'number' || !Number.isSafeInteger(stamp)) return null;
  return Math.abs(stamp - receivedAt) <= TRUSTED_SKEW_MS ? stamp : null;
}

export function normalizeEvent(raw: unknown, receivedAt: number): Normalized | Skipped {
  const parsed = LineWebhookEvent.safeParse(raw);
  if (!parsed.success) return { skipped: 'malformed' };
  const e = parsed.data;
  // In standby mode another channel owns the chat: the bot must stay silent.
  if (e.mode === 'standby') return { skipped: 'standby' };
  // Groups and rooms are out of scope: the bot gives one person advice about their own calls.
  if (e.source?.type !== 'user' || !e.source.userId) return { skipped: 'notOneToOne' };
  const at = eventTime(e.timestamp, receivedAt);
  return {
    event: {
      ...kindOf(e),
      id: e.webhookEventId,
      userId: e.source.userId,
      at: at ?? receivedAt,
      replyToken: e.replyToken ?? null,
      redelivery: e.deliveryContext?.isRedelivery ?? false,
    },
    clock: at === null ? 'arrival' : 'line',
  };
}

function kindOf(e: LineWebhookEvent): InboundKind {
  switch (e.type) {
    case 'message':
      switch (e.message?.type) {
        case 'text':
          return { kind: 'text', text: e.message.text ?? '' };
        case 'sticker':
          return { kind: 'sticker' };
        case 'image':
        case 'video':
        case 'audio':
        case 'file':
        case 'location':
          return { kind: 'media' };
        default:
          return { kind: 'other', type: `message/${e.message?.type ?? 'unknown'}` };
      }
    case 'postback':
      return { kind: 'postback', data: e.postback?.data ?? '' };
    case 'follow':
      return { kind: 'follow' };
    case 'unfollow':
      return { kind: 'unfollow' };
    case 'unsend':
      return { kind: 'unsend' };
    default:
      return { kind: 'other', type: e.type };
  }
}

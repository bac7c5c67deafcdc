/** LINE webhook event → InboundEvent, or null for what the bot must not act on. */
import type { InboundEvent, InboundKind } from '../conversation/inboundEvent.js';
import { LineWebhookEvent } from './webhookBody.js';

export type Skipped = { skipped: 'malformed' | 'notOneToOne' | 'standby' };

export function normalizeEvent(raw: unknown): InboundEvent | Skipped {
  const parsed = LineWebhookEvent.safeParse(raw);
  if (!parsed.success) return { skipped: 'malformed' };
  const e = parsed.data;
  // In standby mode another channel owns the chat: the bot must stay silent.
  if (e.mode === 'standby') return { skipped: 'standby' };
  // Groups and rooms are out of scope: the bot gives one person advice about their own calls.
  if (e.source?.type !== 'user' || !e.source.userId) return { skipped: 'notOneToOne' };
  return {
    ...kindOf(e),
    id: e.webhookEventId,
    userId: e.source.userId,
    at: e.timestamp,
    replyToken: e.replyToken ?? null,
    redelivery: e.deliveryContext?.isRedelivery ?? false,
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

import type { Lang } from '../../flows/types.js';

/**
 * The bot's own view of an incoming event, independent of LINE's wire format and of Botkit.
 * src/line/normalizeEvent.ts produces it; everything after the webhook works on this.
 */
export type InboundKind =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; data: string }
  /** `lang`: the language of the user's LINE profile, when it could be read (greet English users in English). */
  | { kind: 'follow'; lang?: Lang }
  | { kind: 'unfollow' }
  | { kind: 'sticker' }
  | { kind: 'media' }
  | { kind: 'unsend' }
  /** Anything else LINE may send (beacon, join in a group we ignore, future types). */
  | { kind: 'other'; type: string };

export type InboundEvent = InboundKind & {
  /** LINE's webhookEventId (a ULID): the de-duplication key. */
  id: string;
  userId: string;
  /** Event time from LINE, epoch ms (the arrival time when LINE's is no usable date): the clock the time-aware answers use. */
  at: number;
  replyToken: string | null;
  redelivery: boolean;
};

/**
 * The inbox's stored forms, checked with zod when read back: a record written by an older version or
 * damaged on disk must fail loudly for its one event, never feed a turn with half an event.
 */
import { z } from 'zod';
import type { InboundEvent } from '../conversation/inboundEvent.js';
import { OutgoingMessages, type OutgoingMessage } from '../line/lineLimits.js';

const common = {
  id: z.string().min(1),
  userId: z.string().min(1),
  at: z.number(),
  replyToken: z.string().nullable(),
  redelivery: z.boolean(),
};

const StoredEvent = z.union([
  z.object({ ...common, kind: z.literal('text'), text: z.string() }),
  z.object({ ...common, kind: z.literal('postback'), data: z.string() }),
  z.object({ ...common, kind: z.enum(['follow', 'unfollow', 'sticker', 'media', 'unsend']) }),
  z.object({ ...common, kind: z.literal('other'), type: z.string() }),
]);

export class UnreadableRecord extends Error {}

export function parseStoredEvent(raw: string): InboundEvent {
  const parsed = StoredEvent.safeParse(safeJson(raw));
  if (!parsed.success) throw new UnreadableRecord('stored event is unreadable');
  return parsed.data satisfies InboundEvent;
}

export function parseStoredAnswer(raw: string): OutgoingMessage[] {
  const parsed = OutgoingMessages.safeParse(safeJson(raw));
  if (!parsed.success) throw new UnreadableRecord('stored answer is unreadable');
  return parsed.data;
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

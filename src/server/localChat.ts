/** Local mode's chat endpoint: turns a browser message into the same InboundEvent LINE would produce. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { InboundEvent } from '../conversation/inboundEvent.js';

export const LocalMessage = z.union([
  z.object({ userId: z.string().min(1).max(64), text: z.string().max(5000) }),
  z.object({ userId: z.string().min(1).max(64), postback: z.string().max(300) }),
  z.object({ userId: z.string().min(1).max(64), follow: z.literal(true) }),
]);

export function localEvent(input: z.infer<typeof LocalMessage>, at: number): InboundEvent {
  const base = { id: `local-${randomUUID()}`, userId: input.userId, at, replyToken: null, redelivery: false };
  if ('text' in input) return { ...base, kind: 'text', text: input.text };
  if ('postback' in input) return { ...base, kind: 'postback', data: input.postback };
  return { ...base, kind: 'follow' };
}

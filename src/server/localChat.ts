/** Local mode's chat endpoint: turns a browser message into the same InboundEvent LINE would produce. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { japanLocalToEpoch } from '../../flows/japanTime.js';
import type { InboundEvent } from '../conversation/inboundEvent.js';

/**
 * `at`: the Japan time to try the bot at ("2026-12-08T21:05", from the page's `?at=`), so a tester in the
 * evening can see the daytime answers. Local mode only: LINE events always carry LINE's own timestamp.
 */
const TryAt = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'at must be a Japan time like 2026-12-08T21:05').optional();
export const LocalMessage = z.union([
  z.object({ userId: z.string().min(1).max(64), text: z.string().max(5000), at: TryAt }),
  z.object({ userId: z.string().min(1).max(64), postback: z.string().max(300), at: TryAt }),
  z.object({ userId: z.string().min(1).max(64), follow: z.literal(true), at: TryAt }),
]);

export function localEvent(input: z.infer<typeof LocalMessage>, now: number): InboundEvent {
  const at = input.at ? japanLocalToEpoch(input.at) : now;
  const base = { id: `local-${randomUUID()}`, userId: input.userId, at, replyToken: null, redelivery: false };
  if ('text' in input) return { ...base, kind: 'text', text: input.text };
  if ('postback' in input) return { ...base, kind: 'postback', data: input.postback };
  return { ...base, kind: 'follow' };
}

import { createHash } from 'node:crypto';

/**
 * A UUID derived from the webhook event id, so every retry of the push for one event carries the same
 * X-Line-Retry-Key and LINE delivers it at most once, even across processes.
 */
export function retryKeyFor(webhookEventId: string): string {
  const h = createHash('sha256').update(`push:${webhookEventId}`).digest('hex');
  // Shape it as an RFC 4122 version-4-looking UUID, which is what LINE validates.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The console's Verify button and old platforms use these dummy tokens; replying to them is an error. */
export const isDummyReplyToken = (token: string) => /^(0+|f+)$/i.test(token);

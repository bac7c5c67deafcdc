/** Builds LINE webhook bodies and signs them the way LINE does. */
import { createHmac, randomUUID } from 'node:crypto';

export const TEST_SECRET = 'test-channel-secret';
export const TEST_TOKEN = 'test-access-token';
/** The LINE settings of a bot under test: the test channel's credentials and the fake LINE API it talks to. */
export const lineEnv = (apiUrl: string) => ({ LINE_CHANNEL_SECRET: TEST_SECRET, LINE_CHANNEL_ACCESS_TOKEN: TEST_TOKEN, LINE_API_BASE_URL: apiUrl });

let counter = 0;
const eventId = () => `01TEST${String(++counter).padStart(8, '0')}${randomUUID().slice(0, 8)}`.toUpperCase();

export function sign(body: string, secret = TEST_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

interface EventOptions {
  userId?: string;
  timestamp?: number;
  replyToken?: string;
  webhookEventId?: string;
  isRedelivery?: boolean;
  sourceType?: 'user' | 'group' | 'room';
}

function base(type: string, o: EventOptions) {
  return {
    type,
    mode: 'active',
    timestamp: o.timestamp ?? Date.now(),
    webhookEventId: o.webhookEventId ?? eventId(),
    deliveryContext: { isRedelivery: o.isRedelivery ?? false },
    source: o.sourceType && o.sourceType !== 'user' ? { type: o.sourceType, groupId: 'Cgroup', userId: o.userId ?? 'U1' } : { type: 'user', userId: o.userId ?? 'U1' },
    replyToken: o.replyToken ?? randomUUID().replace(/-/g, ''),
  };
}

export const textEvent = (text: string, o: EventOptions = {}) => ({
  ...base('message', o),
  message: { id: String(++counter), type: 'text', quoteToken: 'q', text },
});
export const postbackEvent = (data: string, o: EventOptions = {}) => ({ ...base('postback', o), postback: { data } });
export const followEvent = (o: EventOptions = {}) => ({ ...base('follow', o), follow: { isUnblocked: false } });
export const unfollowEvent = (o: EventOptions = {}) => {
  const { replyToken: _unused, ...rest } = base('unfollow', o);
  return rest;
};
export const stickerEvent = (o: EventOptions = {}) => ({
  ...base('message', o),
  message: { id: String(++counter), type: 'sticker', packageId: '446', stickerId: '1988', stickerResourceType: 'STATIC' },
});
export const imageEvent = (o: EventOptions = {}) => ({
  ...base('message', o),
  message: { id: String(++counter), type: 'image', contentProvider: { type: 'line' } },
});

export const webhookBody = (...events: unknown[]) => JSON.stringify({ destination: 'Ubot', events });

export async function postWebhook(baseUrl: string, body: string, signature: string | null = sign(body)) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== null) headers['x-line-signature'] = signature;
  return fetch(`${baseUrl}/webhook`, { method: 'POST', headers, body });
}

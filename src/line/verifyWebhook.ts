/** Signature check and parsing of a raw webhook body, as one decision with an HTTP status. */
import { validateSignature } from '@line/bot-sdk';
import { LineWebhookBody } from './webhookBody.js';

export type WebhookVerdict =
  | { ok: true; events: unknown[] }
  | { ok: false; status: 400 | 401; reason: string };

export function verifyWebhook(rawBody: Buffer, signature: string | undefined, channelSecret: string): WebhookVerdict {
  // The signature covers the raw bytes; it is checked before the body is even parsed.
  if (!signature || !validateSignature(rawBody, channelSecret, signature)) {
    return { ok: false, status: 401, reason: 'bad signature' };
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, status: 400, reason: 'malformed JSON' };
  }
  const body = LineWebhookBody.safeParse(json);
  return body.success ? { ok: true, events: body.data.events } : { ok: false, status: 400, reason: 'not a webhook body' };
}

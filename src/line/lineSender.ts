/**
 * The only code that talks to LINE's API. Replies go through the reply token; if that fails for a
 * reason a retry cannot fix (token expired or already used), the same messages are pushed with a
 * retry key derived from the event, so LINE delivers them once however often we retry.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import type { Logger } from 'pino';
import type { Lang } from '../../flows/types.js';
import type { Metrics } from '../metrics.js';
import type { OutgoingMessage } from '../render/lineLimits.js';
import { isDummyReplyToken, retryKeyFor } from './retryKey.js';

export interface Outbound {
  eventId: string;
  userId: string;
  replyToken: string | null;
  /** When LINE sent the event, epoch ms: reply tokens live about a minute. */
  at: number;
  messages: OutgoingMessage[];
}

export interface Transport {
  deliver(out: Outbound): Promise<'replied' | 'pushed' | 'skipped'>;
  showLoading(userId: string): Promise<void>;
  /** The language of the user's LINE profile when it is one the bot speaks; null when unknown. */
  profileLanguage(userId: string): Promise<Lang | null>;
}

export interface SenderOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  /** Waits between attempts on 429/5xx; the length is the number of retries. */
  backoffMs?: number[];
}

const REPLY_TOKEN_LIFETIME_MS = 50_000; // LINE says about one minute; leave a margin for the request itself.

const retryable = (err: unknown) => err instanceof HTTPFetchError && (err.status === 429 || err.status >= 500);
const statusOf = (err: unknown) => (err instanceof HTTPFetchError ? err.status : undefined);

export function createLineSender(opts: SenderOptions): Transport {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: opts.channelAccessToken, baseURL: opts.apiBaseUrl });
  const now = opts.now ?? Date.now;
  const backoff = opts.backoffMs ?? [200, 800, 2000];

  async function withRetries<T>(what: 'reply' | 'push', call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        opts.metrics.lineApiError(what, statusOf(err));
        if (!retryable(err) || attempt >= backoff.length) throw err;
        opts.logger.warn({ what, status: statusOf(err), attempt: attempt + 1 }, 'LINE API busy or failing; retrying');
        await sleep(backoff[attempt]!);
      }
    }
  }

  async function push(out: Outbound) {
    try {
      await withRetries('push', () => client.pushMessage({ to: out.userId, messages: out.messages as messagingApi.Message[] }, retryKeyFor(out.eventId)));
    } catch (err) {
      // 409: an earlier attempt with this retry key already went through.
      if (statusOf(err) !== 409) throw err;
    }
    return 'pushed' as const;
  }

  return {
    async deliver(out) {
      const token = out.replyToken;
      if (token && isDummyReplyToken(token)) return 'skipped';
      if (token && now() - out.at < REPLY_TOKEN_LIFETIME_MS) {
        try {
          await withRetries('reply', () => client.replyMessage({ replyToken: token, messages: out.messages as messagingApi.Message[] }));
          return 'replied';
        } catch (err) {
          opts.logger.warn({ status: statusOf(err), eventId: out.eventId }, 'reply failed; falling back to push');
          opts.metrics.pushFallback('replyFailed');
        }
      } else opts.metrics.pushFallback(token ? 'tokenExpired' : 'noToken');
      return push(out);
    },
    async profileLanguage(userId) {
      try {
        const { language } = await client.getProfile(userId);
        if (!language) return null;
        return language.toLowerCase().startsWith('en') ? 'en' : language.toLowerCase().startsWith('ja') ? 'ja' : null;
      } catch (err) {
        // The greeting then falls back to Japanese; a profile is a nicety, not a reason to delay it.
        opts.metrics.lineApiError('profile', statusOf(err));
        opts.logger.debug({ status: statusOf(err) }, 'profile not read');
        return null;
      }
    },
    async showLoading(userId) {
      try {
        await client.showLoadingAnimation({ chatId: userId, loadingSeconds: 10 });
      } catch (err) {
        // Only a courtesy: a failure here must never hold up the answer.
        opts.metrics.lineApiError('loading', statusOf(err));
        opts.logger.debug({ status: statusOf(err) }, 'loading animation not shown');
      }
    },
  };
}

/**
 * The only code that talks to LINE's API. Replies go through the reply token; if LINE refuses the
 * token (expired), the same messages are pushed with a retry key derived from the event, so LINE
 * delivers them once however often we retry.
 *
 * A reply carries no retry key, so once a reply may have reached LINE (an attempt that ended in a 5xx
 * or a broken connection, here or before a crash), a later "invalid reply token" can mean "already
 * used": then nothing is pushed, since the user may already have the answer. A fresh token is simply
 * tried again, which LINE accepts only if the earlier attempt did not land.
 *
 * Every call has a deadline after which it is cancelled (src/line/lineApi.ts): a call without an
 * answer in time counts like a broken connection, one that may have landed. The limit is shorter
 * than the Redis store's turn lease, so a hung call ends well before a turn could lose its user.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import type { Logger } from 'pino';
import type { Lang } from '../../flows/types.js';
import type { Metrics } from '../metrics.js';
import type { OutgoingMessage } from './lineLimits.js';
import { createLineApi } from './lineApi.js';
import { isDummyReplyToken, retryKeyFor } from './retryKey.js';

export interface Outbound {
  eventId: string;
  userId: string;
  replyToken: string | null;
  /** When LINE sent the event, epoch ms: reply tokens live about a minute. */
  at: number;
  messages: OutgoingMessage[];
  /** Set when this answer was already being delivered once (an earlier try, or before a restart). */
  earlierAttempt?: { at: number; replyRefused: boolean };
}

/** unconfirmed: a reply may or may not have reached the user, and pushing could answer twice. */
export type DeliveryOutcome = 'replied' | 'pushed' | 'skipped' | 'unconfirmed';

/** Delivery failed for now; replyRefused tells the next attempt that only a push is left. */
export class DeliveryFailed extends Error {
  constructor(
    readonly replyRefused: boolean,
    cause: unknown,
  ) {
    super(`delivery failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface Transport {
  deliver(out: Outbound): Promise<DeliveryOutcome>;
  showLoading(userId: string): Promise<void>;
  /** The language of the user's LINE profile when it is one the bot speaks; null when unknown. */
  profileLanguage(userId: string): Promise<Lang | null>;
  /** After the last delivery: lets calls in flight end and closes connections. */
  close(): Promise<void>;
}

export interface SenderOptions {
  channelAccessToken: string;
  apiBaseUrl: string;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
  /** Waits between attempts on 429/5xx; the length is the number of retries. */
  backoffMs?: number[];
  /** How long one API call may take before it is cancelled and counted as unanswered. */
  requestTimeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 5_000;
const REPLY_TOKEN_LIFETIME_MS = 50_000; // LINE says about one minute; leave a margin for the request itself.

const retryable = (err: unknown) => err instanceof HTTPFetchError && (err.status === 429 || err.status >= 500);
const statusOf = (err: unknown) => (err instanceof HTTPFetchError ? err.status : undefined);
/** LINE answered with a client error: the request certainly did not take effect. */
const rejected = (err: unknown) => err instanceof HTTPFetchError && err.status >= 400 && err.status < 500;
/** Rejected for good (the token is invalid or expired), not just for now (429). */
const refused = (err: unknown) => rejected(err) && statusOf(err) !== 429;

export function createLineSender(opts: SenderOptions): Transport {
  const client = createLineApi({ baseUrl: opts.apiBaseUrl, channelAccessToken: opts.channelAccessToken, timeoutMs: opts.requestTimeoutMs ?? REQUEST_TIMEOUT_MS });
  const now = opts.now ?? Date.now;
  const backoff = opts.backoffMs ?? [200, 800, 2000];

  async function withRetries<T>(what: 'reply' | 'push', call: () => Promise<T>, onFailedAttempt: (err: unknown) => void = () => {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        opts.metrics.lineApiError(what, statusOf(err));
        onFailedAttempt(err);
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

  const fresh = (out: Outbound, at: number) => at - out.at < REPLY_TOKEN_LIFETIME_MS;

  return {
    async deliver(out) {
      const token = out.replyToken;
      if (token && isDummyReplyToken(token)) return 'skipped';
      let replyRefused = out.earlierAttempt?.replyRefused ?? false;
      // An earlier attempt made while the token was fresh may have used it.
      let replyMayHaveLanded = Boolean(token && out.earlierAttempt && !replyRefused && fresh(out, out.earlierAttempt.at));
      if (token && !replyRefused && fresh(out, now())) {
        try {
          await withRetries(
            'reply',
            () => client.replyMessage({ replyToken: token, messages: out.messages as messagingApi.Message[] }),
            (err) => (replyMayHaveLanded ||= !rejected(err)),
          );
          return 'replied';
        } catch (err) {
          if (!refused(err)) throw new DeliveryFailed(false, err);
          if (replyMayHaveLanded) {
            opts.logger.warn({ status: statusOf(err), eventId: out.eventId }, 'reply token refused after an attempt that may have landed; not pushing');
            return 'unconfirmed';
          }
          opts.logger.warn({ status: statusOf(err), eventId: out.eventId }, 'reply refused; falling back to push');
          opts.metrics.pushFallback('replyFailed');
          replyRefused = true;
        }
      } else if (replyMayHaveLanded) {
        opts.logger.warn({ eventId: out.eventId }, 'reply token expired after an attempt that may have landed; not pushing');
        return 'unconfirmed';
      } else opts.metrics.pushFallback(token ? 'tokenExpired' : 'noToken');
      try {
        return await push(out);
      } catch (err) {
        throw new DeliveryFailed(replyRefused, err);
      }
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
    close: () => client.close(),
  };
}

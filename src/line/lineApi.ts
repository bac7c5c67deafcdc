/**
 * The LINE calls a turn makes (reply, push, loading animation, profile), over one undici Pool to the
 * API host. The SDK's client sends through the global fetch, which cost ~5× the CPU per request of
 * `Pool.request` measured here (issue 16), and takes neither a timeout nor an AbortSignal. The SDK
 * still owns what this does not: its request and response types, its error class, and every call off
 * the hot path (the rich menu).
 *
 * Errors keep the SDK's shape, so src/line/lineSender.ts classifies them as before: an answer outside
 * 2xx is an `HTTPFetchError` (status, body, headers with x-line-request-id); anything else (refused or
 * broken connection, socket timeout, `LineTimeout`) means LINE's answer never arrived, and the call
 * may have landed.
 */
import { STATUS_CODES } from 'node:http';
import { HTTPFetchError, type messagingApi } from '@line/bot-sdk';
import { Pool } from 'undici';

/** LINE did not answer in time; the request was cancelled, but may have taken effect before. */
export class LineTimeout extends Error {}

export interface LineApi {
  replyMessage(request: messagingApi.ReplyMessageRequest): Promise<messagingApi.ReplyMessageResponse>;
  pushMessage(request: messagingApi.PushMessageRequest, retryKey: string): Promise<messagingApi.PushMessageResponse>;
  showLoadingAnimation(request: messagingApi.ShowLoadingAnimationRequest): Promise<void>;
  getProfile(userId: string): Promise<messagingApi.UserProfileResponse>;
  /** Waits for calls in flight, then closes the connections. */
  close(): Promise<void>;
}

export interface LineApiOptions {
  /** Only the origin is used, as the SDK does (its paths are absolute). */
  baseUrl: string;
  channelAccessToken: string;
  /** Deadline of one call, from the moment it is made to the last byte of the answer. */
  timeoutMs: number;
}

const USER_AGENT = 'line-support-triage-bot (undici)';

export function createLineApi(opts: LineApiOptions): LineApi {
  const { timeoutMs } = opts;
  // No cap on connections, as with fetch: the sends in flight are already bounded by the turns in
  // flight (at most MAX_PENDING_EVENTS). A cap of 32 made sends queue behind a slow LINE peer until
  // turns timed out (bench, one round each: e2e p50 1.7 s with 32 connections, 56 ms without a cap).
  // The pool's timeouts bound each wait on a socket; the signal below bounds the whole call.
  const pool = new Pool(new URL(opts.baseUrl).origin, {
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const authorization = `Bearer ${opts.channelAccessToken}`;

  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, retryKey?: string): Promise<T> {
    const headers: Record<string, string> = { authorization, 'user-agent': USER_AGENT };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (retryKey) headers['x-line-retry-key'] = retryKey;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new LineTimeout(`no answer from LINE within ${timeoutMs} ms`)), timeoutMs);
    try {
      const res = await pool.request({
        method,
        path,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: deadline.signal,
      });
      const text = await res.body.text();
      if (res.statusCode < 200 || res.statusCode >= 300) {
        const statusText = STATUS_CODES[res.statusCode] ?? '';
        throw new HTTPFetchError(`${res.statusCode} - ${statusText}`, { status: res.statusCode, statusText, headers: toHeaders(res.headers), body: text });
      }
      return (text ? JSON.parse(text) : null) as T;
    } catch (err) {
      // undici rejects with the signal's reason, except where a socket error won the race.
      if (deadline.signal.aborted && !(err instanceof HTTPFetchError)) throw deadline.signal.reason;
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    replyMessage: (request) => call('POST', '/v2/bot/message/reply', request),
    pushMessage: (request, retryKey) => call('POST', '/v2/bot/message/push', request, retryKey),
    showLoadingAnimation: async (request) => {
      await call('POST', '/v2/bot/chat/loading/start', request);
    },
    getProfile: (userId) => call('GET', `/v2/bot/profile/${encodeURIComponent(userId)}`),
    close: () => pool.close(),
  };
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * A stand-in for api.line.me on localhost: records every request and can be told to fail
 * (status codes, delays) so tests can check retries and the push fallback. Like LINE, it accepts a
 * reply token once (then 400) and a push retry key once (then 409). It also keeps rich menus the way
 * LINE does, with image uploads answered only on a second port standing for api-data.line.me.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Which LINE host was called: the API or the data host (api-data.line.me). */
  host: 'api' | 'data';
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw bytes of an upload. */
  body: any;
  at: number;
}

export interface FakeRichMenu {
  richMenuId: string;
  request: any;
  image: { contentType: string; bytes: Buffer } | null;
}

export interface FakeLineApi {
  url: string;
  /** Base URL standing for api-data.line.me. */
  dataUrl: string;
  /** The channel's rich menus as LINE would hold them. */
  richMenus: Map<string, FakeRichMenu>;
  defaultRichMenuId(): string | null;
  /** Requests answered with success. */
  calls: RecordedCall[];
  /** Every request path, failed ones included, in arrival order. */
  attempts: string[];
  /** Answer the next matching requests with these statuses, one per request, then 200 again. */
  failNext(pathPart: string, ...statuses: number[]): void;
  /** Accept the next matching request (it counts as sent) but answer it with this status, as after a LINE-side fault. */
  acceptButFailNext(pathPart: string, status: number): void;
  /** Extra latency per request before it is handled; a function draws one per request. */
  delayMs: number | (() => number);
  /** Latency after a request was accepted, before the answer leaves: the window where a sender dies not knowing. */
  answerDelayMs: number | (() => number);
  /** LINE profile language per user id, answered on GET /v2/bot/profile/{userId}. */
  profileLanguages: Map<string, string>;
  replies(): RecordedCall[];
  pushes(): RecordedCall[];
  /** Sent messages of replies and pushes, in order. */
  sentTexts(): string[];
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const RICH_MENU_IMAGE_MAX_BYTES = 1024 * 1024;

/** LINE's rich menu endpoints, answered from `menus`; null for any other request. */
function richMenuRoute(
  state: { menus: Map<string, FakeRichMenu>; defaultId: string | null; created: number },
  host: 'api' | 'data',
  method: string,
  path: string,
  contentType: string,
  body: any,
): { status: number; body: object } | null {
  const notFound = { status: 404, body: { message: 'Not found' } };
  const upload = /^\/v2\/bot\/richmenu\/([^/]+)\/content$/.exec(path);
  if (host === 'data') {
    if (!upload || method !== 'POST') return notFound;
    const menu = state.menus.get(upload[1]!);
    if (!menu) return notFound;
    if (menu.image) return { status: 400, body: { message: 'An image has already been uploaded to the richmenu' } };
    if (!/^image\/(png|jpeg)$/.test(contentType) || body.length > RICH_MENU_IMAGE_MAX_BYTES) {
      return { status: 400, body: { message: 'Invalid image' } };
    }
    menu.image = { contentType, bytes: body };
    return { status: 200, body: {} };
  }
  if (upload) return notFound; // uploads go to the data host only
  const menuId = /^\/v2\/bot\/richmenu\/([^/]+)$/.exec(path)?.[1];
  const defaultId = /^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/.exec(path)?.[1];
  if (method === 'POST' && path === '/v2/bot/richmenu') {
    const richMenuId = `richmenu-fake${++state.created}`;
    state.menus.set(richMenuId, { richMenuId, request: body, image: null });
    return { status: 200, body: { richMenuId } };
  }
  if (method === 'GET' && path === '/v2/bot/richmenu/list') {
    return { status: 200, body: { richmenus: [...state.menus.values()].map((m) => ({ richMenuId: m.richMenuId, ...m.request })) } };
  }
  if (method === 'DELETE' && menuId && menuId !== 'list') {
    if (!state.menus.delete(menuId)) return notFound;
    if (state.defaultId === menuId) state.defaultId = null;
    return { status: 200, body: {} };
  }
  if (method === 'POST' && defaultId) {
    const menu = state.menus.get(defaultId);
    if (!menu) return notFound;
    if (!menu.image) return { status: 400, body: { message: 'must upload richmenu image before applying it to user' } };
    state.defaultId = defaultId;
    return { status: 200, body: {} };
  }
  if (path === '/v2/bot/user/all/richmenu') {
    if (method === 'GET') return state.defaultId ? { status: 200, body: { richMenuId: state.defaultId } } : { status: 404, body: { message: 'no default richmenu' } };
    if (method === 'DELETE') {
      state.defaultId = null;
      return { status: 200, body: {} };
    }
  }
  return null;
}

export async function startFakeLineApi(): Promise<FakeLineApi> {
  const calls: RecordedCall[] = [];
  const attempts: string[] = [];
  const failures: { pathPart: string; status: number; accepted: boolean }[] = [];
  const deliveredRetryKeys = new Set<string>();
  const usedReplyTokens = new Set<string>();
  const richMenuState = { menus: new Map<string, FakeRichMenu>(), defaultId: null as string | null, created: 0 };
  const api: Partial<FakeLineApi> & Pick<FakeLineApi, 'delayMs' | 'answerDelayMs' | 'profileLanguages'> = {
    delayMs: 0,
    answerDelayMs: 0,
    profileLanguages: new Map(),
  };
  const draw = (delay: number | (() => number)) => (typeof delay === 'function' ? delay() : delay);
  const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : undefined);
  const answer = (res: ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json', 'x-line-request-id': 'fake' });
    res.end(JSON.stringify(body));
  };
  const handler = (host: 'api' | 'data') => (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '';
      const method = req.method ?? 'GET';
      attempts.push(path);
      const raw = Buffer.concat(chunks);
      const contentType = req.headers['content-type'] ?? '';
      await pause(draw(api.delayMs));
      const failure = failures.findIndex((f) => path.includes(f.pathPart));
      const injected = failure >= 0 ? failures.splice(failure, 1)[0]! : null;
      if (injected && !injected.accepted) return answer(res, injected.status, { message: `injected ${injected.status}` });
      const body = contentType.startsWith('image/') ? raw : raw.length ? JSON.parse(raw.toString('utf8')) : null;
      const richMenu = richMenuRoute(richMenuState, host, method, path, contentType, body);
      if (richMenu) {
        if (richMenu.status < 300) calls.push({ method, host, path, headers: req.headers, body, at: Date.now() });
        return answer(res, richMenu.status, richMenu.body);
      }
      const retryKey = req.headers['x-line-retry-key'] as string | undefined;
      if (retryKey && deliveredRetryKeys.has(retryKey)) return answer(res, 409, { message: 'The retry key is already accepted' });
      if (path.endsWith('/v2/bot/message/reply') && usedReplyTokens.has(body?.replyToken)) return answer(res, 400, { message: 'Invalid reply token' });
      if (retryKey) deliveredRetryKeys.add(retryKey);
      if (path.endsWith('/v2/bot/message/reply')) usedReplyTokens.add(body?.replyToken);
      calls.push({ method, host, path, headers: req.headers, body, at: Date.now() });
      await pause(draw(api.answerDelayMs));
      if (injected) return answer(res, injected.status, { message: `injected ${injected.status} after accepting` });
      const profileOf = /^\/v2\/bot\/profile\/([^/?]+)/.exec(path)?.[1];
      if (profileOf) {
        const language = api.profileLanguages.get(decodeURIComponent(profileOf));
        return answer(res, 200, { userId: profileOf, displayName: 'Test User', ...(language ? { language } : {}) });
      }
      answer(res, 200, path.includes('/reply') || path.includes('/push') ? { sentMessages: [] } : {});
    });
  };
  const listen = async (server: Server) => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const server = createServer(handler('api'));
  const dataServer = createServer(handler('data'));
  return Object.assign(api, {
    url: await listen(server),
    dataUrl: await listen(dataServer),
    richMenus: richMenuState.menus,
    defaultRichMenuId: () => richMenuState.defaultId,
    calls,
    attempts,
    failNext(pathPart: string, ...statuses: number[]) {
      for (const status of statuses) failures.push({ pathPart, status, accepted: false });
    },
    acceptButFailNext(pathPart: string, status: number) {
      failures.push({ pathPart, status, accepted: true });
    },
    replies: () => calls.filter((c) => c.path.endsWith('/v2/bot/message/reply')),
    pushes: () => calls.filter((c) => c.path.endsWith('/v2/bot/message/push')),
    sentTexts: () =>
      calls
        .filter((c) => c.path.endsWith('/reply') || c.path.endsWith('/push'))
        .flatMap((c) => c.body.messages.map((m: any) => (m.type === 'text' ? m.text : m.altText))),
    async waitFor(predicate: () => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the fake LINE API');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      await Promise.all([server, dataServer].map((srv) => new Promise<void>((r) => srv.close(() => r()))));
    },
  }) as FakeLineApi;
}

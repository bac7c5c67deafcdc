/** Configuration from the environment, validated once at boot with a message that says what to fix. */
import { z } from 'zod';

export type StateStoreSetting =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string }
  | { kind: 'redis'; url: string };

const StateStoreValue = z.string().transform((value, ctx): StateStoreSetting => {
  if (value === 'memory') return { kind: 'memory' };
  if (value.startsWith('sqlite:') && value.length > 'sqlite:'.length) return { kind: 'sqlite', path: value.slice('sqlite:'.length) };
  if (/^rediss?:\/\/.+/.test(value)) return { kind: 'redis', url: value };
  ctx.addIssue({ code: 'custom', message: 'use "memory", "sqlite:<path>" or "redis://host:port"' });
  return z.NEVER;
});

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LINE_CHANNEL_SECRET: z.string().min(1).optional(),
    LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1).optional(),
    LINE_API_BASE_URL: z.url().default('https://api.line.me'),
    // Uploads and downloads of images (rich menu pictures) go to a host of their own.
    LINE_DATA_API_BASE_URL: z.url().default('https://api-data.line.me'),
    STATE_STORE: StateStoreValue.default({ kind: 'sqlite', path: 'var/state.db' }),
    STATE_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
    EVENT_DEDUP_SECONDS: z.coerce.number().int().min(60).default(24 * 3600),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
    MAX_PENDING_EVENTS: z.coerce.number().int().min(1).default(2000),
    MAX_PENDING_PER_USER: z.coerce.number().int().min(1).optional(),
  })
  .refine((e) => e.MAX_PENDING_PER_USER === undefined || e.MAX_PENDING_PER_USER < e.MAX_PENDING_EVENTS, {
    message: 'must be below MAX_PENDING_EVENTS (well below: one user must not be able to fill the backlog)',
    path: ['MAX_PENDING_PER_USER'],
  })
  .refine((e) => Boolean(e.LINE_CHANNEL_SECRET) === Boolean(e.LINE_CHANNEL_ACCESS_TOKEN), {
    message: 'set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN, or neither for local mode',
    path: ['LINE_CHANNEL_SECRET'],
  });

export interface Config {
  port: number;
  /** null: local mode (no LINE channel; the chat page at / runs the same pipeline). */
  line: { channelSecret: string; channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string } | null;
  store: StateStoreSetting;
  timings: { sessionTtlSeconds: number; eventTtlSeconds: number };
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  maxBodyBytes: number;
  /** Events received and not yet handled beyond which the webhook answers 503 (LINE delivers again later). */
  maxPendingEvents: number;
  /** Events one user may have waiting; beyond it they are acknowledged, not queued, and the user is told once. */
  maxPendingPerUser: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in a .env file mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    line:
      e.LINE_CHANNEL_SECRET && e.LINE_CHANNEL_ACCESS_TOKEN
        ? {
            channelSecret: e.LINE_CHANNEL_SECRET,
            channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN,
            apiBaseUrl: e.LINE_API_BASE_URL,
            dataApiBaseUrl: e.LINE_DATA_API_BASE_URL,
          }
        : null,
    store: e.STATE_STORE,
    timings: { sessionTtlSeconds: e.STATE_TTL_SECONDS, eventTtlSeconds: e.EVENT_DEDUP_SECONDS },
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxPendingEvents: e.MAX_PENDING_EVENTS,
    // 20 leaves room for a burst of photos; a tenth of a small backlog keeps the cap well below it.
    maxPendingPerUser: e.MAX_PENDING_PER_USER ?? Math.min(20, Math.ceil(e.MAX_PENDING_EVENTS / 10)),
  };
}

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('configuration from the environment', () => {
  it('defaults to local mode on port 3000 with the SQLite store', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, line: null, store: { kind: 'sqlite', path: 'var/state.db' }, logLevel: 'info' });
    expect(c.line).toBeNull();
  });
  it('reads a LINE channel and a Redis store', () => {
    const c = loadConfig({ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', STATE_STORE: 'redis://cache:6379', PORT: '8080' });
    expect(c.line).toEqual({
      channelSecret: 's',
      channelAccessToken: 't',
      apiBaseUrl: 'https://api.line.me',
      dataApiBaseUrl: 'https://api-data.line.me',
    });
    expect(c.store).toEqual({ kind: 'redis', url: 'redis://cache:6379' });
    expect(c.port).toBe(8080);
  });
  it("caps one user's waiting events at 20 by default, never near a small backlog's limit", () => {
    expect(loadConfig({})).toMatchObject({ maxPendingEvents: 2000, maxPendingPerUser: 20 });
    expect(loadConfig({ MAX_PENDING_EVENTS: '50' }).maxPendingPerUser).toBe(5);
    expect(loadConfig({ MAX_PENDING_EVENTS: '3' }).maxPendingPerUser).toBe(1);
    expect(loadConfig({ MAX_PENDING_PER_USER: '7' }).maxPendingPerUser).toBe(7);
  });
  it('treats empty values as unset', () => {
    expect(loadConfig({ LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', PORT: '' }).line).toBeNull();
  });
  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ STATE_STORE: 'postgres://x' }, /STATE_STORE: use "memory", "sqlite:<path>" or "redis:\/\/host:port"/],
    [{ STATE_STORE: 'sqlite:' }, /STATE_STORE/],
    [{ LINE_CHANNEL_SECRET: 'only-the-secret' }, /set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN/],
    [{ LINE_API_BASE_URL: 'not a url' }, /LINE_API_BASE_URL/],
    [{ LINE_DATA_API_BASE_URL: 'not a url' }, /LINE_DATA_API_BASE_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ MAX_PENDING_EVENTS: '0' }, /MAX_PENDING_EVENTS/],
    [{ MAX_PENDING_PER_USER: '0' }, /MAX_PENDING_PER_USER/],
    [{ MAX_PENDING_PER_USER: '2000' }, /MAX_PENDING_PER_USER: must be below MAX_PENDING_EVENTS/],
    [{ MAX_PENDING_PER_USER: '50', MAX_PENDING_EVENTS: '40' }, /MAX_PENDING_PER_USER: must be below MAX_PENDING_EVENTS/],
  ])('rejects %o with a clear message', (env, message) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });
});

/**
 * Redis-backed tests run when TEST_REDIS_URL points at a server (.ci/run starts one); otherwise they
 * are reported as skipped, with the reason in their title.
 */
export const redisUrl = process.env.TEST_REDIS_URL;
export const redisSkipReason = redisUrl ? '' : ' (skipped: set TEST_REDIS_URL=redis://127.0.0.1:6399 with a running redis-server)';

/**
 * The test Redis with another database selected: apps resume every unfinished event of their store
 * at start, so a test that starts apps keeps its events apart from other files' this way.
 */
export async function redisDatabase(db: number): Promise<string> {
  const url = new URL(redisUrl!);
  url.pathname = `/${db}`;
  const { Redis } = await import('ioredis');
  const redis = new Redis(url.href);
  await redis.flushdb();
  redis.disconnect();
  return url.href;
}

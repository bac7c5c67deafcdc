/**
 * Redis-backed tests run when TEST_REDIS_URL points at a server (.ci/run starts one); otherwise they
 * are reported as skipped, with the reason in their title.
 */
export const redisUrl = process.env.TEST_REDIS_URL;
export const redisSkipReason = redisUrl ? '' : ' (skipped: set TEST_REDIS_URL=redis://127.0.0.1:6399 with a running redis-server)';

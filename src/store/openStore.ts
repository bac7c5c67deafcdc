import type { StateStoreSetting } from '../config.js';
import { createMemoryStore } from './memoryStore.js';
import { createRedisStore } from './redisStore.js';
import { createSqliteStore } from './sqliteStore.js';
import type { StateStore, StoreTimings } from './stateStore.js';

export function openStore(setting: StateStoreSetting, timings: StoreTimings): StateStore {
  switch (setting.kind) {
    case 'memory':
      return createMemoryStore(timings);
    case 'sqlite':
      return createSqliteStore(setting.path, timings);
    case 'redis':
      return createRedisStore(setting.url, timings);
  }
}

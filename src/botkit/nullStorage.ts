import type { Storage, StoreItems } from 'botbuilder';

/**
 * Botkit keeps dialog state per conversation in its storage; our conversations live in our own store,
 * so Botkit gets storage that keeps nothing (its default memory storage would grow with every user).
 */
export const nullBotkitStorage: Storage = {
  async read(): Promise<StoreItems> {
    return {};
  },
  async write(): Promise<void> {},
  async delete(): Promise<void> {},
};

import type { Storage, StoreItems } from 'botbuilder';

/**
 * Botkit wants a storage for Bot Framework dialog state. The conversation belongs to the XState
 * machines and our own store, never to Botkit dialogs, so Botkit gets a storage that keeps nothing:
 * no second copy of user state can pile up in memory behind the real one.
 */
export const nullBotkitStorage: Storage = {
  async read(): Promise<StoreItems> {
    return {};
  },
  async write(): Promise<void> {},
  async delete(): Promise<void> {},
};

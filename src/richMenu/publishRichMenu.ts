/**
 * Puts the rich menu on the channel and takes it off again. Our menus are recognised by their name,
 * so a second run replaces the first instead of piling up menus, and menus made by other tools are
 * never touched.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { z } from 'zod';

export interface RichMenuClients {
  api: messagingApi.MessagingApiClient;
  /** Images go to LINE's data host (api-data.line.me), not the API host. */
  blob: messagingApi.MessagingApiBlobClient;
}

export function createRichMenuClients(line: { channelAccessToken: string; apiBaseUrl: string; dataApiBaseUrl: string }): RichMenuClients {
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: line.channelAccessToken, baseURL: line.apiBaseUrl }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: line.channelAccessToken, baseURL: line.dataApiBaseUrl }),
  };
}

const MenuList = z.object({ richmenus: z.array(z.object({ richMenuId: z.string().min(1), name: z.string() })) });

async function menusNamed(api: messagingApi.MessagingApiClient, name: string): Promise<string[]> {
  const list = MenuList.parse(await api.getRichMenuList());
  return list.richmenus.filter((m) => m.name === name).map((m) => m.richMenuId);
}

async function defaultMenuId(api: messagingApi.MessagingApiClient): Promise<string | null> {
  try {
    return z.object({ richMenuId: z.string().min(1) }).parse(await api.getDefaultRichMenuId()).richMenuId;
  } catch (err) {
    // LINE answers 404 when the channel has no default rich menu.
    if (err instanceof HTTPFetchError && err.status === 404) return null;
    throw err;
  }
}

/**
 * Creates the menu, uploads its picture and makes it the default; only then deletes the menus of the
 * same name made before, so users are never left without one.
 */
export async function publishRichMenu(
  { api, blob }: RichMenuClients,
  request: messagingApi.RichMenuRequest & { name: string },
  png: Buffer,
): Promise<{ richMenuId: string; replaced: string[] }> {
  const previous = await menusNamed(api, request.name);
  const { richMenuId } = await api.createRichMenu(request);
  try {
    await blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(png)], { type: 'image/png' }));
    await api.setDefaultRichMenu(richMenuId);
  } catch (err) {
    // Best effort: a half-made menu left behind carries our name, so the next run deletes it anyway.
    await api.deleteRichMenu(richMenuId).catch(() => undefined);
    throw err;
  }
  for (const id of previous) await api.deleteRichMenu(id);
  return { richMenuId, replaced: previous };
}

/** Deletes every menu of this name; the channel's default is unset only if it was one of them. */
export async function removeRichMenus(
  { api }: Pick<RichMenuClients, 'api'>,
  name: string,
): Promise<{ removed: string[]; defaultUnset: boolean }> {
  const ours = await menusNamed(api, name);
  const current = await defaultMenuId(api);
  const defaultUnset = current !== null && ours.includes(current);
  if (defaultUnset) await api.cancelDefaultRichMenu();
  for (const id of ours) await api.deleteRichMenu(id);
  return { removed: ours, defaultUnset };
}

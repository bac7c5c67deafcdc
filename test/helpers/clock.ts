/**
 * Event timestamps for suites that assert advice depending on the hour ("call the driver back" holds only
 * while drivers are out, 8–21 in Japan): real time moved forward by whole hours into the late morning in
 * Japan, so a suite run at 2 a.m. reads the same answers as one run at noon. Moving forward, never back,
 * keeps every reply token fresh for a bot running on the real clock.
 */
const HOUR_MS = 60 * 60 * 1000;
const japanHourNow = () => new Date(Date.now() + 9 * HOUR_MS).getUTCHours();
/** 0 between 10:00 and 15:59 in Japan; otherwise the hours until the next 10:00. */
const SHIFT_MS = (japanHourNow() >= 10 && japanHourNow() < 16 ? 0 : (10 - japanHourNow() + 24) % 24) * HOUR_MS;

export const daytimeInJapan = () => Date.now() + SHIFT_MS;

/**
 * The next moment (within a day, so the webhook's timestamp is believed) at this Japan hour and minute,
 * moving forward like daytimeInJapan so that reply tokens stay fresh.
 */
export function atJapanTime(hour: number, minute = 0): () => number {
  const now = new Date(Date.now() + 9 * HOUR_MS);
  const target = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute) - 9 * HOUR_MS;
  const at = target < Date.now() ? target + 24 * HOUR_MS : target;
  return () => at;
}

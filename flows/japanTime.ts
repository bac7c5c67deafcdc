/**
 * Japan-time arithmetic for the support-hours decisions. Pure: the instant is always passed in,
 * never read from the system clock. Japan has no daylight saving, so JST is a fixed UTC+9.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import type { SupportHours } from '../data/schema.js';

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface JapanTime {
  /** yyyy-mm-dd */
  date: string;
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  hour: number;
  minute: number;
  isHoliday: boolean;
}

export function toJapanTime(at: number): JapanTime {
  const d = new Date(at + JST_OFFSET_MS);
  const date = d.toISOString().slice(0, 10);
  return {
    date,
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    isHoliday: date in holidayJp.holidays,
  };
}

/** "2026-12-08T21:05" read as Japan local time → epoch ms (the clock of the answer corpus and the local page). */
export function japanLocalToEpoch(local: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`not a Japan local time (YYYY-MM-DDTHH:MM): ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - JST_OFFSET_MS;
}

/**
 * Where `at` stands against the drivers' hours. Document 000 gives 8–21 "with some margin" in busy seasons,
 * so the hour on either side is an edge where a call is still likely, not a certainty (0 = not known: within).
 */
export function deliveryWindowAt(at: number, hours: { from: number; to: number }): 'within' | 'edge' | 'night' {
  if (!at) return 'within';
  const { hour } = toJapanTime(at);
  if (hour >= hours.from && hour < hours.to) return 'within';
  return hour === hours.from - 1 || hour === hours.to ? 'edge' : 'night';
}

export type CrowdLevel = 'busy' | 'normal' | 'quiet';
export type DayType = 'weekday' | 'weekendOrHoliday';

export interface PhoneStatus {
  open: boolean;
  /** Only meaningful while open. */
  crowd: CrowdLevel;
  dayType: DayType;
  /** Monday or Saturday morning: the documents call these the most crowded. */
  peakMorning: boolean;
  /** Late December to early January, when the documents warn that hours may differ. */
  yearEnd: boolean;
  hours: { from: number; to: number };
}

const within = (hour: number, r: { from: number; to: number }) => hour >= r.from && hour < r.to;

export function phoneStatusAt(at: number, support: SupportHours): PhoneStatus {
  const t = toJapanTime(at);
  const dayType: DayType = t.weekday === 0 || t.weekday === 6 || t.isHoliday ? 'weekendOrHoliday' : 'weekday';
  const table = support.crowd[dayType];
  const open = within(t.hour, support.phone.hours);
  const crowd: CrowdLevel = table.busy.some((r) => within(t.hour, r))
    ? 'busy'
    : table.quiet.some((r) => within(t.hour, r))
      ? 'quiet'
      : 'normal';
  return {
    open,
    crowd,
    dayType,
    peakMorning: (t.weekday === 1 || t.weekday === 6) && t.hour < 12 && open,
    // The source gives no exact dates for the New Year period, so the bot only cautions around it.
    yearEnd: (t.month === 12 && t.day >= 28) || (t.month === 1 && t.day <= 4),
    hours: support.phone.hours,
  };
}

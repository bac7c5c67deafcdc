/**
 * The Japan time a question is about, when it names one: "18時くらいにかけるのってどう?", "土曜の朝なら
 * すいてる?", "明日の何時がいい?" (a day without an hour), "after work, like 6pm". The hours answer then speaks
 * of that moment instead of now. Pure: the moment of the message comes in.
 */
import { japanLocalToEpoch, toJapanTime } from '../../flows/japanTime.js';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const EN_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Parts of the day, as the hour the bot answers for. */
const PARTS: [RegExp, number][] = [
  [/夜中|深夜|真夜中|未明|middle of the night/i, 2],
  [/早朝|early morning/i, 9],
  [/朝|午前|morning/i, 10],
  [/昼|noon|lunch/i, 12],
  [/夕方|evening|after work|仕事終わり|仕事帰り/i, 18],
  [/夜|night/i, 20],
];
const HOUR = /(?<![\d:／/])([0-2]?\d)(?:時|じ)(?:半)?|(?<![\d:])([0-2]?\d)(?::00)?\s*(am|pm)\b|\b(?:at|around|like) ([0-2]?\d)(?::00)?\b/i;

export interface AskedTime {
  at: number;
  /** Whether the message named an hour (or a part of the day), or only a day. */
  hourNamed: boolean;
}

export function readAskedTime(text: string, now: number): AskedTime | null {
  const today = toJapanTime(now);
  let dayOffset = /明日|あした|あす|tomorrow/i.test(text) ? 1 : /明後日|あさって/.test(text) ? 2 : 0;
  const jaDay = /([日月火水木金土])曜/.exec(text);
  const enDay = /\b(sun|mon|tue|wed|thu|fri|sat)(?:days?|s)?\b/i.exec(text);
  const weekday = jaDay ? WEEKDAYS.indexOf(jaDay[1]!) : enDay ? EN_WEEKDAYS.indexOf(enDay[1]!.toLowerCase()) : -1;
  if (weekday >= 0 && dayOffset === 0) dayOffset = (weekday - today.weekday + 7) % 7;
  const m = HOUR.exec(text);
  let hour: number | null = null;
  if (m) {
    const h = Number(m[1] ?? m[2] ?? m[4]);
    hour = m[3]?.toLowerCase() === 'pm' && h < 12 ? h + 12 : h;
    // "9時" in the evening conversation of a support question is still 9:00; "8時" with 夜 is 20:00, but
    // "夜中の2時半" and "夜の3時" are the small hours.
    if (!m[3] && hour >= 5 && hour < 12 && /夜|夕方|night|evening/i.test(text) && !/夜中|深夜|真夜中|middle of the night/i.test(text)) hour += 12;
    if (hour > 23) hour = null;
  } else {
    hour = PARTS.find(([re]) => re.test(text))?.[1] ?? null;
  }
  if (hour === null && dayOffset === 0) return null;
  const [y, mo, d] = today.date.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d + dayOffset)).toISOString().slice(0, 10);
  const at = japanLocalToEpoch(`${date}T${String(hour ?? 14).padStart(2, '0')}:00`);
  // An hour already past today ("9時になったら" at 8:55 is ahead, "6pm" at 20:00 is tomorrow's).
  // A named weekday keeps its day ("土曜の夜でも?" on a Saturday night is about Saturday nights).
  const rollOver = hour !== null && dayOffset === 0 && weekday < 0 && at < now - 3_600_000;
  return { at: rollOver ? at + 86_400_000 : at, hourNamed: hour !== null };
}

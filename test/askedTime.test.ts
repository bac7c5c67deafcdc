/** The moment a question is about, read from its words, against the Japan time it was sent. */
import { describe, expect, it } from 'vitest';
import { japanLocalToEpoch, toJapanTime } from '../flows/japanTime.js';
import { readAskedTime } from '../src/understand/askedTime.js';

const tuesday1130 = japanLocalToEpoch('2026-12-08T11:30');
const asked = (text: string) => {
  const r = readAskedTime(text, tuesday1130);
  return r && { ...toJapanTime(r.at), hourNamed: r.hourNamed };
};

describe('readAskedTime', () => {
  it.each([
    ['仕事終わりの18時くらいにかけるのってどう?', '2026-12-08', 18],
    ['after work call ok? like 6pm', '2026-12-08', 18],
    ['土曜の朝ならすいてるよね?', '2026-12-12', 10],
    ['日曜の夜8時にかけても大丈夫かな', '2026-12-13', 20],
    ['9時になったらすぐかける', '2026-12-09', 9], // 9:00 has passed today: tomorrow's
    // The small hours stay small: not 14:00 because 夜 is in the message.
    ['夜中の2時半に電話きたけど', '2026-12-09', 2],
    ['夜の3時に着信', '2026-12-09', 3],
    ['夜中に着信があった', '2026-12-09', 2],
  ])('%s → %s %s:00', (text, date, hour) => {
    expect(asked(text)).toMatchObject({ date, hour, hourNamed: true });
  });

  it('a day without an hour is that day, with no hour claimed', () => {
    expect(asked('明日の何時がいい?')).toMatchObject({ date: '2026-12-09', hourNamed: false });
  });

  it('no time named: null, so the answer speaks of now', () => {
    expect(asked('今つながる?')).toBeNull();
    expect(asked('電話番号を教えて')).toBeNull();
  });
});

/**
 * Issue 15 end to end: follow-ups mean something where the user is, over signed webhooks to the real server,
 * asserting on what reached the (fake) LINE API. Each point with several phrasings.
 */
import { describe, expect, it } from 'vitest';
import { atJapanTime, daytimeInJapan } from './helpers/clock.js';
import { driver, textOf } from './helpers/conversationDriver.js';
import { useBotWithFakeLine } from './helpers/startBot.js';

let users = 0;
const running = useBotWithFakeLine();
const user = (clock: () => number = daytimeInJapan) => driver(running.bot.url, running.api, `Uconv${++users}`, clock);
/** A weekday afternoon: the phone line is open and quiet. */
const afternoon = atJapanTime(14, 30);
const JAPANESE = /[\u3040-\u30ff]/;

describe('1. a follow-up means something where the user is', () => {
  it.each(['はい', 'うん教えて', 'yes please', 'お願いします'])('"%s" after the hours answer, which offered the callback steps, shows them', async (yes) => {
    const u = user(afternoon);
    expect(textOf(await u.say('今電話つながる?'))).toMatch(/手順も見ますか|call you back\?/);
    expect(textOf(await u.say(yes))).toMatch(/1\. .*\n2\. .*カスタマーサービス|1\. .*\n2\. .*Customer Service/);
  });

  it.each(['いや、ええわ', 'ううん、もう大丈夫', 'no thanks'])('"%s" to that offer is acknowledged, not answered with the steps or the hours again', async (no) => {
    const u = user(afternoon);
    const hours = textOf(await u.say('今電話つながる?'));
    const reply = textOf(await u.say(no));
    expect(reply).toMatch(/わかりました|All right/);
    expect(reply).not.toContain(hours.split('\n')[0]);
  });

  it.each([
    ['0120-070-585から着信。折り返したほうがいい?', 'なんで?', /再配達はアプリで頼める/],
    ['ギフトカードで払えって電話きた', 'なんで?', /本物のドライバーやAmazonが[^。]*聞くことはありません/],
    ['知恵袋に載ってたアマゾンの番号にかけていい?', 'なんで無理なの', /公開していない/],
    ['0120-070-585 着信拒否していい?', 'why?', /Better not to block|着信拒否はおすすめしません/],
  ])('"why?" explains the last advice, never repeats it: %s → %s', async (first, why, reason) => {
    const u = user();
    const answer = textOf(await u.say(first));
    const explained = textOf(await u.say(why));
    expect(explained).toMatch(reason);
    expect(explained).not.toEqual(answer);
    // Not the drivers' four reasons, whatever the last answer was about.
    expect(explained).not.toMatch(/理由は4つ/);
  });

  it.each(['じゃあどうする', 'ほなどないしたらええの', 'so what now'])('"%s" after a failed call back gives the next step: stop calling, use the app', async (whatNow) => {
    const u = user();
    await u.say('0120-070-585に折り返したけどつながらない');
    expect(textOf(await u.say(whatNow))).toMatch(/もうかけなくて大丈夫|no need to keep calling|stop calling|don't need to call/i);
  });

  it.each(['どうしたらいい', 'で、どうすれば'])('"%s" after harm done repeats what to do now, with the help lines', async (whatNow) => {
    const u = user();
    await u.say('カードの番号教えちゃった');
    expect(textOf(await u.say(whatNow))).toMatch(/188/);
  });

  it.each(['よくわからない', 'よくわからん、もっと簡単に', 'むずい、短く'])('"%s" says the last answer again, shorter', async (lost) => {
    const u = user();
    const answer = textOf(await u.say('0120-070-585から着信。折り返したほうがいい?'));
    const simpler = textOf(await u.say(lost));
    expect(simpler.length).toBeLessThan(answer.length);
    expect(simpler).toMatch(/折り返さなくて大丈夫|do not need to call back/);
  });

  it("\"huh? I don't get it\" in English says it again, shorter", async () => {
    const u = user();
    const answer = textOf(await u.say('Got a call from 0120-070-585, should I call back?'));
    const simpler = textOf(await u.say("huh? I don't get it"));
    expect(simpler.length).toBeLessThan(answer.length);
    expect(simpler).toMatch(/^In short/);
  });

  it.each(['英語で', '英語でお願いします、夫に見せたい', 'English please'])('"%s" repeats the last answer in English, and the conversation stays in English', async (ask) => {
    const u = user();
    await u.say('0120-070-585から着信。折り返したほうがいい?');
    const english = textOf(await u.say(ask));
    expect(english).toMatch(/call back/i);
    expect(english).not.toMatch(JAPANESE);
    expect(textOf(await u.say('なんで?'))).not.toMatch(JAPANESE);
  });

  it.each(['日本語で', 'can you write that in japanese so I can show her'])('"%s" brings an English conversation back to Japanese', async (ask) => {
    const u = user();
    await u.say('Got a call from 0120-070-585, should I call back?');
    expect(textOf(await u.say(ask))).toMatch(/折り返/);
  });

  it('a typed button label answers the question the buttons asked', async () => {
    const u = user();
    await u.say('0120-070-585から着信');
    expect(textOf(await u.say('今日中に受け取りたい'))).toMatch(/折り返して/);
  });
});

describe('2. everyday requests near the trees get a useful answer', () => {
  it.each(['注文をキャンセルしたい', '返品したいけど電話しなきゃだめ?', 'パスワード忘れた'])('%s → done in the app or on the help pages, then support if that fails', async (text) => {
    expect(textOf(await user().say(text))).toMatch(/アプリやヘルプページで自分でできます[\s\S]*(チャット|電話)/);
  });

  it.each(['ヤマトの再配達の電話番号教えて', '佐川の電話番号知りたい'])('%s → not in my data: the slip or the carrier’s own site, and no number', async (text) => {
    const reply = textOf(await user().say(text));
    expect(reply).toMatch(/データに入っていない|不在票/);
    expect(reply).not.toMatch(/\d{2,4}-\d{2,4}-\d{3,4}(?![\s\S]*0120-070-585)/);
  });

  it('how long an e-mail reply takes is answered with the days', async () => {
    expect(textOf(await user().say('メールの返事ってどれくらいで来る?'))).toMatch(/1〜2営業日/);
  });
});

describe('3. a word is a command only on its own', () => {
  it.each(['注文をキャンセルしたい', 'ルーターをリセットしたい', 'メニューの変え方がわからない'])('"%s" is content, not a reset or the menu', async (text) => {
    expect(textOf(await user().say(text))).not.toMatch(/最初からやり直します/);
  });

  it.each(['リセット', 'やり直し', 'reset'])('"%s" alone starts over', async (text) => {
    expect(textOf(await user().say(text))).toMatch(/最初からやり直します|start over/i);
  });
});

describe('4. harm recognised from how people say it', () => {
  it.each(['詐欺にあったかも。どこに相談すれば?', '母がもう払っちゃったみたい', 'I think I have been scammed', 'リンク押しちゃった'])('%s → the help lines', async (text) => {
    expect(textOf(await user().say(text))).toMatch(/188/);
  });

  it.each(['詐欺にあったかも。どこに相談すれば?', 'I think I have been scammed'])('%s, with nothing said about what was given → where to turn comes first', async (text) => {
    expect(textOf(await user().say(text)).split('\n')[0]).toMatch(/188/);
  });

  it.each(['まだ電話つながってるんだけど、カード番号言えって', '画面見せてって言われてる', "I'm still on the phone with them, they want my PIN"])(
    '%s → hang up first',
    async (text) => {
      expect(textOf(await user().say(text)).split('\n')[0]).toMatch(/切|hang up/i);
    },
  );
});

describe('5. many calls from the drivers, and a bare "I got a call"', () => {
  it.each(['0120-070-585からめっちゃ電話くる', '0120070585から何度も着信がある', '0120-070-585 keeps calling me'])('%s → why they keep calling and what to do', async (text) => {
    const reply = textOf(await user().say(text));
    expect(reply).toMatch(/何度もかかってくる|Repeated calls/i);
    expect(reply).not.toMatch(/誤操作|accident/);
  });

  it.each(['電話きた', 'さっき電話あった', 'I got a call'])('%s → asks for the number', async (text) => {
    expect(textOf(await user().say(text))).toMatch(/番号を送って|send me the number/i);
  });
});

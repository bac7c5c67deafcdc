/**
 * Issue 8 end to end: messages as people write them (a number and a question together, pasted SMS, links,
 * everyday Japanese, follow-ups, English), over signed webhooks to the real server, asserting on what
 * reached the (fake) LINE API.
 */
import { daytimeInJapan } from './helpers/clock.js';
import { describe, expect, it } from 'vitest';
import { OutgoingMessages } from '../src/line/lineLimits.js';
import { useBotWithFakeLine } from './helpers/startBot.js';
import { driver, lastOf, textOf, type SentMessage } from './helpers/conversationDriver.js';

let users = 0;

const running = useBotWithFakeLine();

const user = () => driver(running.bot.url, running.api, `Uread${++users}`, daytimeInJapan);
const say = async (text: string) => {
  const messages = await user().say(text);
  // Every composed reply still fits LINE's limits.
  expect(() => OutgoingMessages.parse(messages)).not.toThrow();
  return messages;
};
const labels = (m: SentMessage[]) => lastOf(m).quickReply?.items.map((i) => i.action.label) ?? [];
const DRIVER = /Amazonの委託配送ドライバー/;
const EN_DRIVER = /Amazon contracted delivery driver/;

describe('1. a number and a question in one message: who it is, and the answer', () => {
  it.each([
    ['0120-070-585を着信拒否しても大丈夫?', /着信拒否|登録/],
    ['０１２００７０５８５に出たら無言だった', /無言|誤操作|電波/],
    ['深夜2時に0120070585から', /深夜|常識外|間違い/],
    ['注文してないのに0120-070-585から電話', /ギフト|定期/],
    ['0120-070-585に折り返したけど繋がらない', /繋がらない|よくあること/],
    ['0120-070-585って詐欺?', /注文履歴/],
    ['0120 070 585 から着信、折り返すべき?', /今日中に受け取りたい/],
    ['さっき0120-070-585からでんわきてたけどだれ?ちゅうもんしたおぼえないんだけど', /ギフト|定期/],
  ])('%s', async (text, answer) => {
    const all = textOf(await say(text));
    expect(all).toMatch(DRIVER);
    expect(all).toMatch(answer);
  });

  it('an unknown number and a scam story: the kind of number and the scam verdict together', async () => {
    const all = textOf(await say('050-3123-4567から電話でアカウントが凍結されるからギフトカードで払えって言われた'));
    expect(all).toMatch(/IP電話/);
    expect(all).toMatch(/詐欺です/);
  });

  it('after "who called", the four call-back situations are one tap away', async () => {
    const u = user();
    const first = await u.say('0120-070-585から電話があった、誰?');
    expect(labels(first)).toEqual(expect.arrayContaining(['今日中に受け取りたい', '住所が心配', '忙しい・急がない', '電話は苦手']));
    expect(textOf(await u.tap(lastOf(first), '忙しい・急がない'))).toMatch(/折り返さ(?:なくて|ず)/);
  });
});

describe('2. pasted messages and links', () => {
  it.each([
    ['Amazon:ご不在のため荷物を持ち帰りました。再配達の手続きはこちら http://amaz0n-jp.top/track', 'amaz0n-jp[.]top'],
    ['【Amazon】お支払い方法に問題があります。詳細はhttps://amazon.co.jp.account-verify.xyz/loginを確認', 'amazon[.]co[.]jp[.]account-verify[.]xyz'],
    ['このURL開いていい? bit.ly/3xYz9Q', 'bit[.]ly'],
    ['http://203.0.113.7/amazon/login ってリンクがSMSで来た', '203[.]0[.]113[.]7'],
    ['https://аmazon.co.jp/gp/your-account ←これ本物?', 'xn--'],
    ['arnazon.co.jp/ap/signin からログインしてって', 'arnazon[.]co[.]jp'],
  ])('says plainly that %s is not Amazon', async (text, host) => {
    const all = textOf(await say(text));
    expect(all).toContain(host);
    expect(all).toMatch(/Amazonの公式ドメインではありません/);
    expect(all).toMatch(/開かないで/);
    expect(all).toMatch(/注文履歴/);
    expect(all).not.toMatch(/安全です|safe/);
  });

  it('never calls even Amazon’s own domain safe: open the app yourself', async () => {
    const all = textOf(await say('https://www.amazon.co.jp/gp/css/order-history これはクリックして大丈夫?'));
    expect(all).toContain('www[.]amazon[.]co[.]jp');
    expect(all).toMatch(/偽装できます/);
    expect(all).not.toMatch(/Amazonの公式ドメインではありません|安全です/);
  });

  it('an English phishing text gets the same warning in English', async () => {
    const all = textOf(await say('got this text: "Amazon: your parcel is on hold, pay the fee at http://amazon-delivery.help/pay"'));
    expect(all).toMatch(/not one of Amazon's official domains/);
    expect(all).toMatch(/Do not (?:open|tap)/);
  });
});

describe('3. everyday Japanese: conjugations, kana, casual, paraphrase', () => {
  it.each([
    'カード番号を伝えてしまいました',
    'カード番号伝えちゃった…',
    'クレカの番号教えた',
    'アマギフのコード読み上げちゃってん',
    '言われるままに遠隔アプリ入れてもうた',
    'ぱすわーど いっちゃったかも',
  ])('"%s" is harm already done: where to get help now', async (text) => {
    const all = textOf(await say(text));
    expect(all).toMatch(/188/);
    expect(all).toMatch(/#9110/);
  });

  it.each([
    ['これってさぎ?', /何があったか|詐欺/],
    ['でんわで話すのがこわいんだけど0120-070-585に折り返さなきゃだめ?', /折り返さ(?:なくて|ず)/],
    ['知らない人と電話で話すのが怖い 配達の人から着信あった', /折り返さ(?:なくて|ず)/],
    ['ｗｈｏ ｃａｌｌｅｄ ０１２００７０５８５', DRIVER],
    ['きょうじゅうにほしい荷物なんだけど配達の人から電話あった', /折り返してください/],
  ])('%s', async (text, expected) => {
    expect(textOf(await say(text))).toMatch(expected);
  });
});

describe('4. the question asked, answered at once', () => {
  it('"what do I prepare" gets the common checklist straight away, with topic buttons', async () => {
    const messages = await say('電話の前に何を準備すれば?');
    const card = messages.find((m) => m.type === 'flex');
    expect(card?.altText).toMatch(/アカウントの氏名/);
    expect(labels(messages)).toEqual(expect.arrayContaining(['配送', '返品・返金', 'アカウント']));
  });

  it.each([
    ['写真を添付して詳しく説明したい', /メール/],
    ['パスワード変えたいだけなんだけど', /ヘルプページ/],
    ['荷物がどこにあるか追跡したい、問い合わせ先は?', /ヘルプページ/],
  ])('%s → the channel that fits', async (text, channel) => {
    expect(textOf(await say(text))).toMatch(channel);
  });

  it('"what is customer service’s phone number" → the in-app route and the official numbers', async () => {
    const all = textOf(await say('カスタマーサービスの電話番号は?'));
    expect(all).toMatch(/カスタマーサービス/);
    expect(all).toMatch(/電話/);
    expect(all).toContain('0120-999-373');
    expect(all).toContain('011-330-3000');
  });

  it('a support number found online → do not call it, use the official route', async () => {
    const all = textOf(await say('ネットで見つけたAmazonサポートの番号にかけていい?'));
    expect(all).toMatch(/使わないで|かけないで/);
    expect(all).toMatch(/折り返し/);
  });
});

describe('5. context: short follow-ups mean something where the user is', () => {
  it('"なんで?" after who-called gives the reasons; "じゃあ折り返す" then gives call-back tips', async () => {
    const u = user();
    await u.say('0120-070-585');
    expect(textOf(await u.say('なんで?'))).toMatch(/人の判断|用件/);
    expect(textOf(await u.say('じゃあ折り返す'))).toMatch(/と名乗れば通じます。ドライバーがまだ近くにいるうちに、早めに折り返して/);
  });

  it('"どうやって確認するの?" after a reply that says to check in the app gives the steps', async () => {
    const u = user();
    await u.say('0120-070-585から着信');
    expect(textOf(await u.say('どうやって確認するの?'))).toMatch(/1\. .*\n2\. .*アプリ[\s\S]*注文履歴/);
    const en = driver(running.bot.url, running.api, 'Uhow-en', daytimeInJapan);
    await en.say('Is this link real? http://amaz0n-jp.top/track');
    expect(textOf(await en.say('how do I check?'))).toMatch(/Your Orders/);
  });

  it('"はい" after who-called opens the call-back question; "今日欲しい" answers it', async () => {
    const u = user();
    await u.say('0120-070-585から着信');
    expect(labels(await u.say('はい'))).toContain('今日中に受け取りたい');
    expect(textOf(await u.say('今日欲しい'))).toMatch(/折り返してください/);
  });

  it('an option number picks from the options of the composed reply', async () => {
    const u = user();
    const first = await u.say('0120-070-585を着信拒否していい?');
    const options = labels(first);
    const n = options.indexOf('折り返すべき?') + 1;
    expect(n).toBeGreaterThan(0);
    expect(textOf(await u.say(String(n)))).toMatch(/急ぎでなければ/);
  });

  it('what still is not understood gets the closest topics as "did you mean" buttons, not the whole menu', async () => {
    const messages = await say('ぬぽぽ、ぺけぺけ');
    const all = textOf(messages);
    if (/もしかして/.test(all)) expect(labels(messages).length).toBeLessThanOrEqual(4);
    else expect(all).toMatch(/うまく読み取れませんでした/);
  });
});

describe('5b. after a scam warning, follow-ups stay on the scam', () => {
  // Found by a newcomer trying the bot: the delivery-driver answers reassured the user about the scammer.
  it('"切った" and "またかかってきたら?" are not met with the driver script', async () => {
    const u = user();
    expect(textOf(await u.say('いまAmazonのサポートって人と電話中。アカウント止まるからカード番号言えって言われてる'))).toMatch(/詐欺/);
    const hungUp = textOf(await u.say('切った!まだ何も言ってない'));
    expect(hungUp).not.toMatch(/誤操作|心配いりません/);
    const again = textOf(await u.say('またかかってきたらどうする?'));
    expect(again).not.toMatch(/急ぎの連絡|折り返しましょう/);
  });

  it('"じゃあ折り返す" about a number that claimed to be Amazon support is never "call once more"', async () => {
    const u = user();
    await u.say('さっき 03-5843-2211 から電話かかってきてん、これどこなん?');
    await u.say('Amazonのサポートですって言うとったで');
    const reply = textOf(await u.say('ほな折り返してみるわ'));
    expect(reply).not.toMatch(/もう一度だけ|折り返しましょう/);
    expect(reply).toMatch(/注文履歴/);
  });
});

describe('6. English at the level of Japanese', () => {
  it.each([
    ['is 0120-070-585 a scam?', EN_DRIVER, /order history|Your Orders/],
    ['0120070585 called me but nobody spoke', EN_DRIVER, /silent|pocket|signal/i],
    ['i already gave them my card number', /188/, /#9110/],
    ['what should I prepare before calling amazon?', /Have these ready/, /name on the account/],
    ["what's the phone number for amazon customer service?", /0120-999-373/, /callback|call you/i],
  ])('%s', async (text, a, b) => {
    const all = textOf(await say(text));
    expect(all).toMatch(a);
    expect(all).toMatch(b);
  });

  it('greets a new friend in English when their LINE profile is English', async () => {
    const id = 'UenglishProfile';
    running.api.profileLanguages.set(id, 'en');
    const greeting = textOf(await driver(running.bot.url, running.api, id).follow());
    expect(greeting).toMatch(/Thanks for adding me/);
    const japanese = textOf(await driver(running.bot.url, running.api, 'UjapaneseProfile').follow());
    expect(japanese).toMatch(/友だち追加ありがとうございます/);
  });
});

describe('what a newcomer trying the bot ran into', () => {
  it('a greeting gets a hello and what the bot can do, not "you are welcome"', async () => {
    for (const [text, hello] of [['こんにちは', /こんにちは[\s\S]*できること/], ['hello', /Hello![\s\S]*What I can do/]] as const) {
      const all = textOf(await say(text));
      expect(all).toMatch(hello);
      expect(all).not.toMatch(/どういたしまして|You are welcome/);
    }
    expect(textOf(await say('ありがとう'))).toMatch(/どういたしまして/);
  });

  it('a scam request from the drivers\' number: no "usually not a scam" next to the warning, no call-back buttons', async () => {
    const reply = await say('0120-070-585から電話に出たらカード番号を確認したいって言われた。言ったほうがいい?');
    const all = textOf(reply);
    expect(all).toMatch(/Amazonの委託配送ドライバー/);
    expect(all).toMatch(/詐欺です/);
    expect(all).toMatch(/偽装/);
    expect(all).not.toMatch(/詐欺ではないのが普通/);
    expect(labels(reply)).not.toContain('今日中に受け取りたい');
  });

  it('a scam text in English says not to tap the link, and nobody claims Amazon has no cash on delivery', async () => {
    const all = textOf(await say('I got a text saying my Amazon account is suspended, pay the fee at this link: http://amzn-billing.top/pay'));
    expect(all).toMatch(/do not tap the link/i);
    expect(all).not.toMatch(/cash on delivery|代金引換/);
  });

  it('a password typed into a fake page: change it first, then the help lines', async () => {
    const all = textOf(await say('SMSのリンク開いてAmazonのパスワード入れちゃった…'));
    expect(all.indexOf('パスワードを今すぐ変えて')).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('パスワードを今すぐ変えて')).toBeLessThan(all.indexOf('188'));
  });

  it('"why would the driver call?" without a number does not take the caller for the drivers', async () => {
    const all = textOf(await say('配達の人から電話が来てたみたい。何の用だったんだろう'));
    expect(all).toMatch(/0120-070-585[^\n]*なら/);
    expect(all).toMatch(/注文履歴/);
  });

  it('"should I call back?" with the drivers\' number asks for the situation once', async () => {
    const all = textOf(await say('0120-070-585から電話。折り返すべき?'));
    expect(all).not.toMatch(/状況で決まります/);
    expect(all).toMatch(/急ぎでなければ、折り返さなくて大丈夫/);
  });

  it('the hours answer gives the quiet times of weekdays and of weekends', async () => {
    expect(textOf(await say('日曜日もカスタマーサービスやってる?すいてる時間は?'))).toMatch(/平日14時〜16時・土日祝16時〜20時/);
  });
});

describe('what a newcomer trying the bot ran into: how to check in the app', () => {
  it.each(['マイページってどこにあるの?注文の見方がわからない', 'アプリで荷物がいまどこか見るには?', 'where do I see my orders in the app?'])('%s gets the order-history steps', async (text) => {
    expect(textOf(await say(text))).toMatch(/1\. [\s\S]*(注文履歴|Your Orders)/);
  });
});

describe('what a newcomer trying the bot ran into: a number read out in kana', () => {
  it('ぜろいちにぜろ… is the number, and ordinary kana is left alone', async () => {
    expect(textOf(await say('さっき ぜろいちにぜろ ぜろななぜろ ごはちご から でんわが ありました'))).toMatch(DRIVER);
    expect(textOf(await say('ごくろうさまです、にしのほうにすんでます'))).not.toMatch(DRIVER);
  });
});

describe('what a newcomer trying the bot ran into: a mistyped number', () => {
  it('digits shaped like a phone number that are not one: says so instead of asking for "the number" as if none was sent', async () => {
    const all = textOf(await say('0120-07-585から不在着信あった'));
    expect(all).toMatch(/桁が合いません/);
    expect(all).not.toMatch(/[0-9]{3,}-[0-9]{2}-[0-9]{3}/);
    expect(textOf(await say('2026/11/30に届くはずの荷物'))).not.toMatch(/桁が合いません/);
  });
});

describe('what a newcomer trying the bot ran into: another language', () => {
  it('Chinese or Korean gets "please write in Japanese or English", not a guessed topic; Japanese kanji-only text is still read', async () => {
    for (const text of ['亚马逊的客服电话是多少?', '아마존 고객센터 전화번호가 뭐예요?']) expect(textOf(await say(text))).toMatch(/日本語か英語で送ってください/);
    expect(textOf(await say('再配達依頼方法'))).not.toMatch(/日本語か英語で送ってください/);
  });
});

describe('what a newcomer trying the bot ran into: loops', () => {
  it('"問い合わせ窓口" from a channel answer asks what the problem is instead of repeating itself; the chat answer says where the chat is', async () => {
    const u = user();
    const first = await u.say('パスワード変えたいだけなんだけど、どこに問い合わせればいい?');
    const again = await u.tap(lastOf(first), '問い合わせ窓口');
    expect(textOf(again)).not.toEqual(textOf(first));
    expect(textOf(again)).toMatch(/急ぎなら電話/);
    expect(textOf(again)).toMatch(/チャット\(24時間/);
  });
});

describe('what a second newcomer ran into', () => {
  it('"もう教えてしまいました" after a card-number warning is harm done: the card company and the help lines', async () => {
    const u = user();
    expect(textOf(await u.say('電話でカード番号を聞かれた'))).toMatch(/詐欺です/);
    const all = textOf(await u.say('もう教えてしまいました'));
    expect(all).toMatch(/カード会社/);
    expect(all).toMatch(/188/);
  });

  it('gift-card codes read out are not a credit card; a card number typed into a fake page: stop the card first', async () => {
    expect(textOf(await say('Appleのギフトカード5万円分買って、カードの番号を電話で読み上げてしまった'))).not.toMatch(/カード会社/);
    const typed = textOf(await say('SMSのリンクからカード番号と有効期限を入力しちゃった'));
    expect(typed.indexOf('カード会社')).toBeGreaterThanOrEqual(0);
    expect(typed.indexOf('カード会社')).toBeLessThan(typed.indexOf('パスワード'));
  });

  it("Amazon's support line not answering gets the support answer, not the drivers' hours", async () => {
    const all = textOf(await say('0120-999-373に電話したけど繋がらない'));
    expect(all).toMatch(/折り返しを頼む|9時〜21時/);
    expect(all).not.toMatch(/配達の時間外|ドライバー/);
  });

  it('hiragana-only questions are read like kanji ones; a bare link keeps the language of the conversation', async () => {
    expect(textOf(await say('あまぞんのでんわばんごうをおしえてください'))).toMatch(/折り返しを頼/);
    const u = user();
    await u.say('こんにちは');
    expect(textOf(await u.say('amazon.co.jp'))).toMatch(/リンク/);
  });
});

describe('asking for the chat', () => {
  it.each(['Amazonのチャットってどこにあるの?', 'can I chat with them instead of calling?'])('%s: the chat, where it is, at any hour', async (text) => {
    const all = textOf(await say(text));
    expect(all).toMatch(/チャットは24時間|Chat is open 24 hours/);
    expect(all).toMatch(/「カスタマーサービス」|Customer Service/);
  });

  it('"電話もチャットも苦手" is not a wish for the chat', async () => {
    expect(textOf(await say('メールで問い合わせできますか?電話もチャットも苦手で'))).not.toMatch(/チャットなら24時間/);
  });
});

describe('small things a second newcomer met', () => {
  it('a capital O typed for a zero is read as the number; the drivers\' toll-free number costs nothing to call', async () => {
    const all = textOf(await say('0120-O70-585ってだれ?'));
    expect(all).toMatch(DRIVER);
    expect(all).toMatch(/通話料はかかりません/);
  });

  it('"でたほうがいい?" with no scam sign is the pick-up question, not "what happened?"', async () => {
    expect(textOf(await say('えまぞんからでんわきた でたほうがいい?'))).not.toMatch(/何があったか教えてください/);
  });
});

describe('what replaying both newcomer runs still showed', () => {
  it('a gift-card victim hears plainly that it was a scam and to keep the cards and receipts', async () => {
    const all = textOf(await say('電話でAmazonのサポートと言われて、アップルのギフトカード5万円分買って番号教えちゃった'));
    expect(all).toMatch(/^⚠️ [^\n]*ギフトカードで払えと言われたら、それだけで詐欺です。/);
    expect(all).toMatch(/レシート/);
    expect(all).toMatch(/188/);
  });

  it('a recorded voice demanding unpaid fees is a scam sign on the first message', async () => {
    expect(textOf(await say('+81 50 から始まる番号で自動音声、Amazonプライムの料金が払われてないって'))).toMatch(/詐欺です/);
  });

  it('"…と言われました" in a plain request for the number is not a scam report', async () => {
    expect(textOf(await say('あまぞんのでんわばんごうをおしえてください。まごにきいてもわからないといわれました'))).toMatch(/折り返しを頼/);
  });

  it('hours and the chat asked together: both answered', async () => {
    const all = textOf(await say('What are Amazon Japan customer service hours? Is there a chat?'));
    expect(all).toMatch(/Chat is open 24 hours/);
    expect(all).toMatch(/9:00–21:00/);
  });

  it('a number with no hour in the message is not answered as a night call', async () => {
    expect(textOf(await say('011-330-3000から電話きた、これ何?'))).not.toMatch(/深夜|間違い電話か自動音声/);
  });
});

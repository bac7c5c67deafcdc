/**
 * What settles the question after the classifier has guessed: an ordered table, read top to bottom, where the
 * first rule that applies decides. The exact parts of the reading (harm done, scam signs, numbers, the tree the
 * user is in) are surer than the classifier, and each rule says which of them outranks which guess.
 * A rule that `revises` only changes the working topic and lets the rules below look again.
 * Every rule carries messages it decides; test/topicRules.test.ts reads each one and checks that it does.
 */
import { HANDOVER_SIGNS, type FlowId, type Reading, type Topic } from '../../../flows/types.js';
import {
  A_TIME, ANSWER_OR_IGNORE, ANY_TIME, BARE_CALL_REPORT, CALLING_AMAZON, SHOULD_I, CALL_BACK, CALL_CAME_IN, CALL_REPORT_FILLER, CALLBACK_BOOKING, CALLING_OUT, CONTACTING_AMAZON,
  DOUBT, DRIVER, FOUND_SOMEWHERE, has, HOW_TO_SAY, IN_APP_HOW, IS_IT_OK, NAMES_A_SCAM, NOBODY_ANSWERS, NOT_ORDERED, ONE_RING, OPEN_NOW, PARCEL,
  REAL_DRIVER_ASKS, ROUND_THE_CLOCK, SCRIPT_QUESTION, SILENT_CALL, SOMETHING_ELSE_RESET, SUPPORT_DESK, TIME_QUESTION, UNEASE, VERIFY, WHO_QUESTION,
  type MessageForms,
} from '../lexicon.js';
import type { RankedTopic } from '../topicClassifier.js';

export type ReadingFacts = Omit<Reading, 'topic' | 'alternatives' | 'rule'>;

/** What the rules look at besides the reading: the classifier's guesses, the tree, and the message itself. */
export interface TopicClues {
  flow: FlowId | null;
  /** False when the message is only numbers, links and punctuation. */
  words: boolean;
  /** The classifier's best guess, and the topic as the rules so far have left it. */
  guessed: Topic;
  topic: Topic;
  runnerUp: RankedTopic | undefined;
  /** The message without its links: as written (katakana kept) and folded. */
  message: MessageForms;
  /** Someone went after money, data or control of the phone. */
  cheated: boolean;
  asksWho: boolean;
  aboutDelivery: boolean;
  /** Anything in the message points at a driver's call rather than the user calling Amazon. */
  aboutTheDriver: boolean;
}

export interface RuleExample {
  text: string;
  /** The tree the user is in when they send it. */
  flow?: FlowId;
}

export interface TopicRule {
  id: string;
  when(r: ReadingFacts, c: TopicClues): boolean;
  then: Topic | ((r: ReadingFacts, c: TopicClues) => Topic);
  revises?: true;
  examples: readonly RuleExample[];
}

const asks = (...texts: string[]): RuleExample[] => texts.map((text) => ({ text }));
const inFlow = (flow: FlowId, ...texts: string[]): RuleExample[] => texts.map((text) => ({ text, flow }));

const askedIfFake = (c: TopicClues) => has(c.message, DOUBT, NAMES_A_SCAM);
const scamWords = (c: TopicClues) => has(c.message, DOUBT, NAMES_A_SCAM, UNEASE);
const hasNumber = (r: ReadingFacts) => r.numbers.length > 0 || r.unreadNumber;

/** The drivers' call topics that the tree of a scam warning must not fall into, nor a question about calling Amazon. */
const DELIVERY_SCRIPT = new Set<Topic>(['silentCall', 'shouldCallBack', 'callbackFailed', 'callReasons', 'redelivery', 'whoCalled']);
const DRIVER_CALL_TOPICS = new Set<Topic>(['oddHours', 'shouldCallBack', 'silentCall', 'redelivery', 'callbackFailed', 'callReasons']);
// What a "why I would (not) call back" message gets mistaken for when it does not say "call back".
const CALLBACK_LIKE = new Set<Topic>(['callReasons', 'oddHours', 'unorderedParcel', 'supportPhone', 'supportContact', 'none']);
/** Topics a missed-call or pick-up question is often mistaken for. */
const CALL_QUESTION_LIKE = new Set<Topic>(['whoCalled', 'silentCall', 'explainTips', 'prepareCall', 'callReasons', 'unorderedParcel', 'oddHours', 'none', 'shouldCallBack']);
const IN_APP_LIKE = new Set<Topic>(['linkCheck', 'shouldCallBack', 'redelivery', 'supportContact', 'scamCheck', 'whoCalled', 'callReasons', 'none']);
const PICK_UP_LIKE = new Set<Topic>(['silentCall', 'unorderedParcel', 'callReasons', 'whoCalled', 'none']);
// Questions a scam report outranks; blocking, links and found-online numbers keep their own, more specific answer.
const OUTRANKED_BY_SCAM = new Set<Topic>([
  'whoCalled', 'callReasons', 'shouldCallBack', 'oddHours', 'silentCall', 'unorderedParcel', 'orderCheck', 'supportContact',
  'supportPhone', 'prepareCall', 'explainTips', 'menu', 'smallTalk', 'none', 'fakeSupportNumber',
]);
// Questions that a support number found online or given by a stranger turns into "is that number real?".
const FOUND_ONLINE_LIKE = new Set<Topic>(['scamCheck', 'supportPhone', 'supportContact', 'whoCalled']);
const HOUR_OUTRANKS = new Set<Topic>(['callReasons', 'supportPhone', 'supportContact', 'supportHours', 'none']);
/** With a number in the message "who is it" is answered anyway; a second question this likely gets answered too. */
const SECOND_QUESTION = 0.25;

export const TOPIC_RULES: readonly TopicRule[] = [
  {
    id: 'harm-done',
    when: (r) => r.harmDone,
    then: 'scamCheck',
    examples: asks('もうカード番号を教えてしまいました', 'my mother already paid them 50,000 yen'),
  },
  {
    // "Start over" is a command only about the conversation: "設定をリセット", "注文をキャンセル" are content.
    id: 'reset-of-something-else',
    when: (_r, c) => c.guessed === 'reset' && has(c.message, SOMETHING_ELSE_RESET),
    then: 'none',
    examples: asks('ルーターをリセットしたい'),
  },
  {
    // "本物か確かめたい", "how do I know it's really a driver?": the check is the order history, whatever the number.
    id: 'verify-in-the-app',
    when: (_r, c) => !c.cheated && has(c.message, VERIFY) && !has(c.message, FOUND_SOMEWHERE) && !has(c.message, SUPPORT_DESK, CONTACTING_AMAZON),
    then: 'orderCheck',
    examples: asks('0120070585が本物か確かめる方法ある?', 'how can I tell it was really a driver?'),
  },
  {
    // "アマゾンに電話するとき何伝えればいい": what to say to support is how to explain it (the driver's script is the call-back tree's).
    id: 'what-to-say-to-support',
    when: (_r, c) => has(c.message, SCRIPT_QUESTION) && c.flow !== 'callbackDecision' && c.flow !== 'callerIdentification' && !has(c.message, CALL_BACK) && !c.cheated,
    then: 'explainTips',
    examples: asks('アマゾンに電話するとき何伝えればいい?'),
  },
  {
    // "電話きた" and nothing else: whose number it was is the first thing to know.
    id: 'bare-call-report',
    when: (r, c) => has(c.message, BARE_CALL_REPORT) && r.numbers.length === 0,
    then: 'whoCalled',
    examples: asks('電話きた', 'さっき知らない番号から着信があった'),
  },
  {
    // After a scam warning, "切った、何も言ってない" or "警察に言うべき?" continues that conversation: the
    // delivery-driver answers (silent calls, call back, why they call) would reassure the wrong caller.
    id: 'stays-in-scam-check',
    when: (r, c) => c.flow === 'scamCheck' && DELIVERY_SCRIPT.has(c.guessed) && r.numbers.length === 0,
    then: 'scamCheck',
    examples: inFlow('scamCheck', '切った、何も言ってない'),
  },
  {
    id: 'no-words',
    when: (_r, c) => !c.words,
    then: (r) => (hasNumber(r) ? 'whoCalled' : r.links.length > 0 ? 'linkCheck' : 'none'),
    examples: asks('0120070585', 'https://amazon-co-jp.example.top/login', '??'),
  },
  {
    // "0120-070-585から着信" asks nothing beyond the number itself.
    id: 'number-and-call-words',
    when: (r, c) => hasNumber(r) && c.message.folded.replace(CALL_REPORT_FILLER.pattern, '').replace(/[＃\s?!.,、。]/g, '') === '',
    then: 'whoCalled',
    examples: asks('0120-070-585から着信', 'missed call from 0120070585'),
  },
  {
    // Asked what the call is about, "ログインできなくなった" names the problem; only "how do I say it" is explainTips.
    id: 'names-the-problem',
    when: (r, c) => c.flow === 'prepareCall' && r.prepTopic !== null && (c.guessed !== 'explainTips' || !has(c.message, HOW_TO_SAY)),
    then: 'prepareCall',
    examples: inFlow('prepareCall', 'ログインできなくなった', '返品'),
  },
  {
    id: 'names-the-need',
    // "明日は何時ごろならすぐつながる?" names a time: that is the hours question, however urgent it sounds.
    when: (r, c) => c.flow === 'supportChannel' && r.need !== null && !c.cheated && r.askedTime === null && !has(c.message, OPEN_NOW),
    then: 'supportContact',
    examples: inFlow('supportChannel', '急ぎ', '写真を送りたい'),
  },
  {
    // A situation answers "should I call back?" when the user is in that conversation, or when the classifier
    // itself hesitated between that and something else ("住所の入力が心配": why they call? call back?);
    // "今夜使うんだけど、今すぐかけ直せばまだ持ってきてもらえる?": calling back, with a reason, is that question too.
    id: 'situation-answers-call-back',
    when: (r, c) =>
      r.situation !== null &&
      !c.cheated &&
      (c.flow === 'callbackDecision' ||
        c.flow === 'callerIdentification' ||
        (CALLBACK_LIKE.has(c.guessed) && (c.runnerUp?.topic === 'shouldCallBack' || (c.aboutDelivery && c.guessed !== 'callReasons'))) ||
        (has(c.message, CALL_BACK) && (c.guessed === 'redelivery' || c.guessed === 'whoCalled'))),
    then: 'shouldCallBack',
    examples: inFlow('callbackDecision', '今日ほしい', '忙しい'),
  },
  {
    // "元旦やけどアマゾンのサポート電話やってる?": the New Year hours may differ, and the hours answer says so.
    id: 'new-year-hours',
    when: (r, c) => r.newYear && !c.aboutTheDriver && !c.cheated && has(c.message, SUPPORT_DESK, CONTACTING_AMAZON, CALLING_AMAZON, CALLING_OUT),
    then: 'supportHours',
    examples: asks('三が日でもamazonに電話できる?', "new year's eve, is amazon phone support working?"),
  },
  {
    // Calling Amazon is not calling a driver back: "今かけてもつながる?", "24時間つながる番号ある?".
    id: 'open-now',
    when: (_r, c) => !c.aboutTheDriver && (has(c.message, OPEN_NOW) || (has(c.message, ROUND_THE_CLOCK) && !has(c.message, FOUND_SOMEWHERE))),
    then: 'supportHours',
    examples: asks('今電話できる?', 'is customer service still open?', '24時間つながる電話番号ある?'),
  },
  {
    // "アマゾンの電話、まだ間に合うべか", "月曜の朝イチでアマゾンに電話したい": when to call Amazon.
    id: 'calling-amazon-at-a-time',
    when: (r, c) => !c.cheated && !c.aboutTheDriver && r.numbers.length === 0 && has(c.message, CALLING_AMAZON) && has(c.message, A_TIME) && !has(c.message, CALLBACK_BOOKING),
    then: 'supportHours',
    examples: asks('アマゾンの電話、まだ間に合うべか', '月曜の朝イチでアマゾンに電話したいんだけど'),
  },
  {
    // "電話予約", "アプリからかけてもらえる?": booking Amazon's callback.
    id: 'callback-booking',
    when: (r, c) =>
      !c.cheated &&
      (!c.aboutTheDriver || (has(c.message, CALL_BACK) && !r.numbers.length && !c.aboutDelivery && !has(c.message, CALL_CAME_IN))) &&
      has(c.message, CALLBACK_BOOKING),
    then: 'supportPhone',
    examples: asks('電話予約ってどうやるの', 'can amazon call me back?'),
  },
  {
    // "本物のドライバーってお金を聞いてくる?": what a real driver never asks is the scam question.
    id: 'what-real-drivers-ask',
    when: (_r, c) => !c.cheated && has(c.message, REAL_DRIVER_ASKS),
    then: 'scamCheck',
    examples: asks('does a real amazon driver ever ask for money on the phone?'),
  },
  {
    id: 'calling-amazon-out',
    // In the drivers' trees "かける" is calling the driver back.
    when: (_r, c) => !c.cheated && !c.aboutTheDriver && c.flow !== 'callbackDecision' && c.flow !== 'callerIdentification' && (DRIVER_CALL_TOPICS.has(c.guessed) || c.guessed === 'none') && has(c.message, CALLING_OUT),
    then: 'supportHours',
    examples: asks('今かけても大丈夫?', '今かけるのいいタイミング?'),
  },
  {
    // "出れなかったけど大丈夫?", "I missed it, is that a problem?": the call-back question, asked as missed or pick-up.
    // A missed call said on its own ("寝てて出れなかった") asks the same, unless it asks who, whether it was a
    // scam, or the call said nothing; "出なかったけど" after calling back is the call back failing.
    id: 'missed-or-pick-up',
    when: (r, c) =>
      (r.callQuestion === 'pickUp' ||
        (r.callQuestion === 'missed' && (has(c.message, IS_IT_OK) || (!c.asksWho && !scamWords(c) && !has(c.message, ONE_RING, SILENT_CALL))))) &&
      !c.cheated &&
      r.signs.length === 0 &&
      !has(c.message, NOBODY_ANSWERS, CALL_BACK) &&
      // "0120-070-585に出なかったらどうなるの": not a call back failing, though it sounds like one.
      (CALL_QUESTION_LIKE.has(c.guessed) || (c.guessed === 'callbackFailed' && has(c.message, IS_IT_OK))),
    then: 'shouldCallBack',
    examples: asks('出れなかったけど大丈夫?', 'I missed it, is that a problem?'),
  },
  {
    id: 'nobody-answers',
    when: (r, c) =>
      (has(c.message, NOBODY_ANSWERS) || (r.manyTries && c.flow === 'callbackDecision')) &&
      (c.flow === 'callbackDecision' || c.flow === 'callerIdentification' || has(c.message, CALL_BACK)),
    then: 'callbackFailed',
    examples: asks('折り返したけどつながらない'),
  },
  {
    id: 'one-ring',
    when: (_r, c) => has(c.message, ONE_RING) && !c.cheated && c.guessed !== 'blockNumber',
    then: 'silentCall',
    examples: asks('ワン切りされた'),
  },
  {
    // "…から連絡が来た" is a call, not a parcel nobody ordered: that answer needs the order to be in doubt.
    id: 'ordered-after-all',
    when: (r, c) => c.guessed === 'unorderedParcel' && !has(c.message, NOT_ORDERED) && (r.reason !== null || r.numbers.length > 0),
    then: (r) => (r.reason ? 'callReasons' : 'whoCalled'),
    examples: asks('0120070585から荷物のことで連絡が来た'),
  },
  {
    // "アプリのどこを見れば?": the how-to of the in-app check, even beside a pasted SMS or a number.
    id: 'in-app-how-to',
    // Where customer service is in the app is the support question, not the order check.
    when: (_r, c) => has(c.message, IN_APP_HOW) && !/再配達|redeliver/i.test(c.message.folded) && !has(c.message, SUPPORT_DESK) && !c.cheated && IN_APP_LIKE.has(c.guessed),
    then: 'orderCheck',
    examples: asks('ほんとに荷物がこっち向かってるのか知りたいんやけど、アプリで分かるもんなん?'),
  },
  {
    // "出ても大丈夫?" / "無視でいい?" ask whether to pick up or call back, whatever else the words resemble.
    id: 'answer-or-ignore',
    when: (r, c) =>
      has(c.message, ANSWER_OR_IGNORE) &&
      !has(c.message, ONE_RING, SILENT_CALL) &&
      !c.cheated &&
      (PICK_UP_LIKE.has(c.guessed) || (c.guessed === 'oddHours' && !r.signs.includes('oddHours')) || (c.guessed === 'scamCheck' && r.signs.length === 0)),
    then: 'shouldCallBack',
    examples: asks('if I ignore it will they send my package back to amazon?'),
  },
  {
    // "0120-070-585から電話あってん、折り返さなあかん?": whether to call back, whatever the words resemble.
    id: 'asks-to-call-back',
    when: (r, c) =>
      has(c.message, CALL_BACK) && has(c.message, SHOULD_I) && !c.cheated && !has(c.message, NOBODY_ANSWERS, ONE_RING, SILENT_CALL) && !r.manyTries && CALL_QUESTION_LIKE.has(c.guessed),
    then: 'shouldCallBack',
    examples: asks('0120-070-585から電話あってん、折り返さなあかん?'),
  },
  {
    // With a number in the message "who is it" gets answered anyway; a likely second question is the real one.
    id: 'second-question',
    revises: true,
    when: (r, c) =>
      c.topic === 'whoCalled' && !c.asksWho && r.numbers.length > 0 && c.runnerUp !== undefined && c.runnerUp.p >= SECOND_QUESTION && c.runnerUp.topic !== 'none',
    then: (_r, c) => c.runnerUp!.topic,
    examples: asks('0120-070-585から着信あり。そういえば部屋番号入れ忘れてた'),
  },
  {
    id: 'asks-who',
    when: (_r, c) => c.topic === 'whoCalled' && c.asksWho,
    then: 'whoCalled',
    examples: asks('0120070585って誰?'),
  },
  {
    // "2am call from a number i dont know. kinda creepy": nobody asked who; the hour is what bothers them.
    id: 'the-hour-bothers',
    when: (r, c) => c.topic === 'whoCalled' && r.signs.includes('oddHours'),
    then: 'oddHours',
    examples: asks('朝4時にこの番号から電話 0120-070-585', '2am call from a number i dont know. kinda creepy'),
  },
  {
    id: 'scam-outranks',
    when: (_r, c) => c.cheated && OUTRANKED_BY_SCAM.has(c.topic),
    then: 'scamCheck',
    examples: asks('宅配の人から電話でお金請求されることってあるんですか'),
  },
  {
    // "…と言われました" alone makes the classifier think of scams; with no sign, link, number or word of doubt,
    // its second guess is the question ("あまぞんのでんわばんごうをおしえてください。…といわれました").
    id: 'no-scam-in-sight',
    revises: true,
    when: (r, c) =>
      c.topic === 'scamCheck' && r.signs.length === 0 && r.links.length === 0 && r.numbers.length === 0 && !scamWords(c) && c.flow !== 'scamCheck' && c.runnerUp !== undefined && c.runnerUp.topic !== 'none',
    then: (_r, c) => c.runnerUp!.topic,
    examples: asks('アマゾンの電話番号を教えてって友達に言われました'),
  },
  {
    // No hour in the message at all: the classifier's "odd hours" is a guess from other words.
    id: 'odd-hours-without-an-hour',
    revises: true,
    when: (r, c) => c.topic === 'oddHours' && !r.signs.includes('oddHours') && !has(c.message, ANY_TIME),
    then: (r, c) => (r.numbers.length > 0 ? 'whoCalled' : (c.runnerUp?.topic ?? 'none')),
    examples: asks('こんな電話ふつうくる?'),
  },
  {
    // A call at 3 a.m.: asking whether it is real is a scam question, asking who it was is "who called".
    id: 'odd-hours-real',
    when: (_r, c) => c.topic === 'oddHours' && askedIfFake(c),
    then: 'scamCheck',
    examples: asks('朝っぱらから0120-070-585から電話。詐欺?'),
  },
  {
    id: 'odd-hours-who',
    when: (_r, c) => c.topic === 'oddHours' && c.asksWho && !has(c.message, TIME_QUESTION),
    then: 'whoCalled',
    examples: asks('深夜に電話してきたの誰?'),
  },
  {
    // "Who calls at that hour??" asks about the hour, whichever support question its words resemble.
    id: 'asks-about-the-hour',
    when: (r, c) => r.signs.includes('oddHours') && has(c.message, TIME_QUESTION) && !askedIfFake(c) && HOUR_OUTRANKS.has(c.topic),
    then: 'oddHours',
    examples: asks('Phone rang at 3:40am, number +852 5123 4478, voicemail said Amazon order issue. Who calls at that hour??'),
  },
  {
    // "こんな時間に?" with nothing else wrong is about the hour.
    id: 'only-the-hour',
    when: (r, c) =>
      c.topic === 'scamCheck' &&
      r.signs.every((sign) => sign === 'oddHours' || sign === 'spoofedNumber') &&
      !askedIfFake(c) &&
      r.links.length === 0 &&
      (r.signs.includes('oddHours') || has(c.message, TIME_QUESTION)),
    then: 'oddHours',
    examples: asks('日付変わってから配送業者を名乗る電話、普通?'),
  },
  {
    id: 'found-online',
    when: (r, c) => r.signs.includes('fakeSupportNumber') && !c.cheated && FOUND_ONLINE_LIKE.has(c.topic),
    then: 'fakeSupportNumber',
    examples: asks('AmazonのCSを名乗る人から折り返し用として 0120-447-906 にかけてくれと言われました。信用していいですか?'),
  },
  {
    // "…こちらへお電話ください 050-…ってメールきた。かけていいの?": no link to check, only the number it gives.
    id: 'number-in-a-message',
    when: (r, c) => c.topic === 'linkCheck' && r.signs.includes('fakeSupportNumber') && !c.cheated && r.links.length === 0,
    then: 'fakeSupportNumber',
    examples: asks('「お客様のAmazonアカウントで不正な購入がありました。至急こちらへお電話ください 050-3188-4422」ってメールきた。かけていいの?'),
  },
  {
    // Unsure what was asked, but the message reports threats or a faked caller ID: the scam check is the safe answer.
    id: 'unsure-but-threatened',
    when: (r, c) => c.topic === 'none' && r.signs.some((s) => s === 'urgency' || s === 'spoofedNumber'),
    then: 'scamCheck',
    examples: asks('着信表示がAmazonカスタマーサービスだった。電話帳に登録してたわけでもないのに。偽装とかある?'),
  },
  {
    id: 'fake-number-not-found-online',
    when: (r, c) =>
      c.topic === 'fakeSupportNumber' &&
      !r.signs.includes('fakeSupportNumber') &&
      (r.signs.includes('spoofedNumber') || (r.numbers.length > 0 && r.numbers.every((n) => n.role === 'deliveryDriver'))),
    then: (r) => (r.signs.includes('spoofedNumber') ? 'scamCheck' : 'whoCalled'),
    examples: asks('0120070585って偽の番号?'),
  },
];

export interface Settled {
  topic: Topic;
  /** The rule that decided, or `classifier` when none did. */
  rule: string;
}

/** The clues every rule shares, worked out once per message. */
export function cluesFor(r: ReadingFacts, base: Omit<TopicClues, 'topic' | 'cheated' | 'asksWho' | 'aboutDelivery' | 'aboutTheDriver'>): TopicClues {
  const { message } = base;
  const aboutDelivery = has(message, DRIVER, PARCEL) || r.numbers.some((n) => n.role === 'deliveryDriver');
  return {
    ...base,
    topic: base.guessed,
    cheated: r.signs.some((s) => HANDOVER_SIGNS.includes(s)),
    asksWho: has(message, WHO_QUESTION),
    aboutDelivery,
    aboutTheDriver:
      r.numbers.some((n) => n.role !== 'officialSupport') || aboutDelivery || has(message, CALL_CAME_IN) || has(message, CALL_BACK) || has(message, NOBODY_ANSWERS),
  };
}

export function settleTopic(r: ReadingFacts, clues: TopicClues, rules: readonly TopicRule[] = TOPIC_RULES): Settled {
  const c = { ...clues };
  let rule = 'classifier';
  for (const candidate of rules) {
    if (!candidate.when(r, c)) continue;
    const topic = typeof candidate.then === 'function' ? candidate.then(r, c) : candidate.then;
    if (!candidate.revises) return { topic, rule: candidate.id };
    c.topic = topic;
    rule = candidate.id;
  }
  return { topic: c.topic, rule };
}

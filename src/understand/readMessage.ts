/**
 * A message → its Reading: every part of it at once (numbers, links, scam signs, harm done, the question,
 * its details, the language). Facts that must be exact come from rules and parsers (numbers: libphonenumber,
 * links: linkify-it + tldts, scam signs: scamSigns.ts); the question comes from the classifier trained on
 * the project's examples, nudged by what the bot asked last.
 */
import type { Knowledge } from '../../data/schema.js';
import { HANDOVER_SIGNS, type FlowId, type Lang, type Reading, type Topic } from '../../flows/types.js';
import { foldForClassifier, withoutLinks } from './foldText.js';
import { createLinkReader, type LinkReader } from './links.js';
import { detectLanguage, normalizeText } from './normalizeText.js';
import type { NumberDirectory } from './phoneNumbers.js';
import { readScamSigns } from './scamSigns.js';
import { readFollowUp, readNeed, readPrepTopic, readSituation, readChannelQuestion } from './slots.js';
import { trainTopicModel, type RankedTopic, type TopicModel } from './topicClassifier.js';

export interface MessageContext {
  /** The decision tree the user is in, if any: it makes that tree's questions likelier. */
  activeFlow: FlowId | null;
  previousLang: Lang;
}

export interface MessageReader {
  read(text: string, ctx: MessageContext): Reading;
}

const RESET = /^(?:最初から|はじめから|初めから|リセット|やり直し|やりなおし|reset|restart|start over)[\s!！。.]*$/i;
const MENU = /^(?:メニュー|めにゅー|menu|help|ヘルプ|使い方|つかいかた|何ができる|なにができる|what can you do)[\s?？!！。.]*$/i;
const ACKNOWLEDGEMENT =
  /^(?:はい|うん|ええ|おけ|おk|ok|okay|k|了解|りょ|りょうかい|わかった|分かった|わかりました|分かりました|なるほど|ありがとう|ありがと|どうも|サンキュー|さんきゅ|thanks|thank you|thx|ty|got it|cool)(?:です|ございます|ね|よ|な)?[\s!！。.〜~ー👍🙏😊]*$/i;
// Hosts and URLs ("amazon.co.jp", "http://…") are Latin whatever language their sender writes.
const HOST_LIKE = /\S*[a-z0-9-]\.[a-z]{2,}\S*/gi;
// Full-width Latin only comes from a Japanese keyboard; NFKC would otherwise make it look like English.
const FULL_WIDTH_LATIN = /[Ａ-Ｚａ-ｚ]/;

const FLOW_TOPICS: Record<FlowId, Topic[]> = {
  callerIdentification: ['whoCalled', 'callReasons', 'shouldCallBack'],
  callbackDecision: ['shouldCallBack', 'callbackFailed', 'redelivery'],
  scamCheck: ['scamCheck', 'linkCheck'],
  supportChannel: ['supportContact', 'supportPhone', 'supportHours', 'fakeSupportNumber'],
  prepareCall: ['prepareCall', 'explainTips'],
};
/** How much likelier the current tree's questions are: enough to settle a close call, not to overrule. */
const CONTEXT_BOOST = 2;
/** Below this the bot says it is unsure and offers its best guesses as buttons. */
const MIN_CONFIDENCE = 0.3;
/** "どういたしまして" to a question the bot did not get would be worse than saying it did not get it. */
const SURE_SMALL_TALK = 0.7;
/** With a number in the message "who is it" is answered anyway; a second question this likely gets answered too. */
const SECOND_QUESTION = 0.25;
// Matched against the folded text, where katakana is already hiragana (ドライバー → どらいばー).
/** Still talking to them (or on hold), or being asked something at this very moment. */
const STILL_ON_CALL =
  /まだ(?:電話|通話|でんわ)(?:中|が?(?:つなが|繋が)|して|切って(?:ない|いない))|(?:今|いま)(?:も|まさに)?(?:電話|通話|でんわ)(?:中|してる|している|で)|通話中|電話口|保留中|(?:今|いま)(?:まさに)?.{0,12}(?:聞かれて|言われて|求められて|急かされて|頼まれて)(?:る|い)|still on the (?:phone|line|call)|on the (?:phone|line) (?:with them )?(?:right )?now|(?:they'?re|they are|he'?s|he is|she'?s|she is) (?:still )?on the line|haven'?t hung up|(?:are|is) asking (?:me )?(?:for|to) .{0,30}(?:right )?now/i;
const ORDER_IN_DOUBT = /注文|頼ん|たのん|買っ|かって|覚え|おぼえ|心当たり|こころあたり|ぎふと|ギフト|order|bought|buy|gift/i;
const DELIVERY_WORDS = /配達|配送|どらいばー|荷物|宅配|driver|delivery|parcel|package/i;

export function createMessageReader(model: TopicModel, directory: NumberDirectory, links: LinkReader): MessageReader {
  return {
    read(raw, ctx) {
      const text = normalizeText(raw);
      // A link on its own says nothing about the user's language.
      const lang: Lang = FULL_WIDTH_LATIN.test(raw) ? 'ja' : detectLanguage(text.replace(HOST_LIKE, ' '), ctx.previousLang);
      const numbers = directory.identifyAll(text);
      const found = links.findLinks(text);
      const folded = foldForClassifier(text);
      const words = withoutLinks(text);
      const { signs, harmDone } = readScamSigns(words, folded, {
        hasLinks: found.length > 0,
        numbers,
        answeringWhatHappened: ctx.activeFlow === 'scamCheck',
      });
      const situation = readSituation(words, folded);
      const need = readNeed(words, folded);
      const prepTopic = readPrepTopic(words, folded);
      const unreadNumber = numbers.length === 0 && looksLikeAPhoneNumber(words);
      const base: Omit<Reading, "topic" | "alternatives"> = { lang, numbers, unreadNumber, links: found, signs, harmDone, situation, need, prepTopic, followUp: readFollowUp(text), onCall: STILL_ON_CALL.test(words) };

      if (text.length === 0) return { ...base, topic: 'none', alternatives: [] };
      if (RESET.test(text)) return { ...base, topic: 'reset', alternatives: [] };
      if (MENU.test(text)) return { ...base, topic: 'menu', alternatives: [] };
      // "はい" or "ok" that the last reply offered nothing for, "hi", "thanks": nothing to act on. (A follow-up
      // the last reply did offer something for is resolved before the topic is looked at.)
      // Greetings are the 'hello' follow-up (slots.ts), so the greeting words live in one list.
      if (ACKNOWLEDGEMENT.test(text) || base.followUp === 'hello' || (base.followUp === 'willCallBack' && ctx.activeFlow === 'callbackDecision')) {
        return { ...base, topic: 'smallTalk', alternatives: [] };
      }

      // Questions about the channels themselves, unless the message reports a scam or a number.
      const channelQuestion = signs.length === 0 && !harmDone && numbers.length === 0 && found.length === 0 ? readChannelQuestion(words, folded) : null;
      if (channelQuestion) {
        const asked = { compare: null, emailReply: 'detailed', selfService: 'simple' } as const;
        return { ...base, need: asked[channelQuestion], topic: 'supportContact', alternatives: [] };
      }

      const ranked = boosted(model.rank(folded), ctx.activeFlow);
      const [best, ...rest] = ranked;
      const alternatives = rest.filter((r) => r.topic !== 'none' && r.topic !== 'smallTalk').slice(0, 3).map((r) => r.topic);
      const guessed = !best || best.p < MIN_CONFIDENCE || (best.topic === 'smallTalk' && best.p < SURE_SMALL_TALK) ? 'none' : best.topic;
      const topic = settleTopic(guessed, base, { flow: ctx.activeFlow, words: hasWords(folded), runnerUp: ranked[1], folded });
      return { ...base, topic, alternatives: topic === 'none' && best ? [best.topic, ...alternatives].filter((t) => t !== 'none').slice(0, 3) : alternatives };
    },
  };
}

type ReadingFacts = Omit<Reading, 'topic' | 'alternatives'>;
// Signs that someone tried to get money, data or control: whatever else the message asks, it is a scam report.
// Questions a scam report outranks; blocking, links and found-online numbers keep their own, more specific answer.
const OUTRANKED_BY_SCAM = new Set<Topic>([
  'whoCalled', 'callReasons', 'shouldCallBack', 'oddHours', 'silentCall', 'unorderedParcel', 'orderCheck', 'supportContact',
  'supportPhone', 'prepareCall', 'explainTips', 'menu', 'smallTalk', 'none',
]);

/**
 * What the exact parts of the reading say about the question, where they are surer than the classifier:
 * harm done and scam signs, the answer to the question the bot just asked, a number sent on its own.
 */
interface TopicClues {
  flow: FlowId | null;
  /** False when the message is only numbers, links and punctuation. */
  words: boolean;
  runnerUp: RankedTopic | undefined;
  folded: string;
}

function settleTopic(guessed: Topic, r: ReadingFacts, clues: TopicClues): Topic {
  const { flow, runnerUp, folded } = clues;
  const cheated = r.signs.some((s) => HANDOVER_SIGNS.includes(s));
  const foundOnline = r.signs.includes('fakeSupportNumber');
  const asksWho = WHO_QUESTION.test(folded);
  const aboutDelivery = DELIVERY_WORDS.test(folded) || r.numbers.some((n) => n.role === 'deliveryDriver');
  if (r.harmDone) return 'scamCheck';
  // After a scam warning, "切った、何も言ってない" or "警察に言うべき?" continues that conversation: the
  // delivery-driver answers (silent calls, call back, why they call) would reassure the wrong caller.
  if (flow === 'scamCheck' && DELIVERY_SCRIPT.has(guessed) && r.numbers.length === 0) return 'scamCheck';
  if (!clues.words) return r.numbers.length > 0 || r.unreadNumber ? 'whoCalled' : r.links.length > 0 ? 'linkCheck' : 'none';
  // "0120-070-585から着信" asks nothing beyond the number itself.
  if ((r.numbers.length > 0 || r.unreadNumber) && folded.replace(CALL_REPORT_FILLER, '').replace(/[＃\s?!.,、。]/g, '') === '') return 'whoCalled';
  // Asked what the call is about, "ログインできなくなった" names the problem; only "how do I say it" is explainTips.
  if (flow === 'prepareCall' && r.prepTopic && (guessed !== 'explainTips' || !HOW_TO_SAY.test(folded))) return 'prepareCall';
  if (flow === 'supportChannel' && r.need && !cheated) return 'supportContact';
  // A situation answers "should I call back?" when the user is in that conversation, or when the classifier
  // itself hesitated between that and something else ("住所の入力が心配": why they call? call back?).
  const callbackLike =
    (CALLBACK_LIKE.has(guessed) && (runnerUp?.topic === 'shouldCallBack' || (aboutDelivery && guessed !== 'callReasons'))) ||
    // "今夜使うんだけど、今すぐかけ直せばまだ持ってきてもらえる?": calling back, with a reason, is the call-back question.
    (CALL_BACK.test(folded) && (guessed === 'redelivery' || guessed === 'whoCalled'));
  if (r.situation && !cheated && (flow === 'callbackDecision' || flow === 'callerIdentification' || callbackLike)) {
    return 'shouldCallBack';
  }
  if (ONE_RING.test(folded) && !cheated && guessed !== 'blockNumber') return 'silentCall';
  // "…から連絡が来た" is a call, not a parcel nobody ordered: that answer needs the order to be in doubt.
  if (guessed === 'unorderedParcel' && r.numbers.length > 0 && !ORDER_IN_DOUBT.test(folded)) return 'whoCalled';
  // "アプリのどこを見れば?": the how-to of the in-app check, even beside a pasted SMS or a number.
  if (IN_APP_HOW.test(folded) && !/再配達|redeliver/i.test(folded) && !cheated && IN_APP_LIKE.has(guessed)) return 'orderCheck';
  // "出ても大丈夫?" / "無視でいい?" ask whether to pick up or call back, whatever else the words resemble.
  const pickUpLike =
    PICK_UP_LIKE.has(guessed) || (guessed === 'oddHours' && !r.signs.includes('oddHours')) || (guessed === 'scamCheck' && r.signs.length === 0);
  if (ANSWER_OR_IGNORE.test(folded) && !SILENCE.test(folded) && !cheated && pickUpLike) return 'shouldCallBack';
  let topic = guessed;
  // With a number in the message "who is it" gets answered anyway; a likely second question is the real one.
  if (topic === 'whoCalled' && !asksWho && r.numbers.length > 0 && runnerUp && runnerUp.p >= SECOND_QUESTION && runnerUp.topic !== 'none') {
    topic = runnerUp.topic;
  }
  if (topic === 'whoCalled' && asksWho) return 'whoCalled';
  // "2am call from a number i dont know. kinda creepy": nobody asked who; the hour is what bothers them.
  if (topic === 'whoCalled' && r.signs.includes('oddHours')) return 'oddHours';
  if (cheated && (OUTRANKED_BY_SCAM.has(topic) || topic === 'fakeSupportNumber')) return 'scamCheck';
  // "…と言われました" alone makes the classifier think of scams; with no sign, link, number or word of doubt,
  // its second guess is the question ("あまぞんのでんわばんごうをおしえてください。…といわれました").
  const noScamInSight = r.signs.length === 0 && r.links.length === 0 && r.numbers.length === 0 && !SCAM_WORDS.test(folded);
  if (topic === 'scamCheck' && noScamInSight && flow !== 'scamCheck' && runnerUp && runnerUp.topic !== 'none') topic = runnerUp.topic;
  // A call at 3 a.m.: asking whether it is real is a scam question, asking who it was is "who called",
  // and "こんな時間に?" with nothing else wrong is about the hour.
  // No hour in the message at all: the classifier's "odd hours" is a guess from other words.
  if (topic === 'oddHours' && !r.signs.includes('oddHours') && !ANY_TIME.test(folded)) topic = r.numbers.length > 0 ? 'whoCalled' : (runnerUp?.topic ?? 'none');
  if (topic === 'oddHours' && ASKS_IF_FAKE.test(folded)) return 'scamCheck';
  if (topic === 'oddHours' && asksWho && !TIME_QUESTION.test(folded)) return 'whoCalled';
  // "Who calls at that hour??" asks about the hour, whichever support question its words resemble.
  if (r.signs.includes('oddHours') && TIME_QUESTION.test(folded) && !ASKS_IF_FAKE.test(folded) && HOUR_OUTRANKS.has(topic)) return 'oddHours';
  const onlyTheHour = r.signs.every((sign) => sign === 'oddHours' || sign === 'spoofedNumber');
  if (topic === 'scamCheck' && onlyTheHour && !ASKS_IF_FAKE.test(folded) && r.links.length === 0 && (r.signs.includes('oddHours') || TIME_QUESTION.test(folded))) {
    return 'oddHours';
  }
  if (foundOnline && !cheated && FOUND_ONLINE_LIKE.has(topic)) return 'fakeSupportNumber';
  // "…こちらへお電話ください 050-…ってメールきた。かけていいの?": no link to check, only the number it gives.
  if (topic === 'linkCheck' && foundOnline && !cheated && r.links.length === 0) return 'fakeSupportNumber';
  // Unsure what was asked, but the message reports threats or a faked caller ID: the scam check is the safe answer.
  if (topic === 'none' && r.signs.some((s) => s === 'urgency' || s === 'spoofedNumber')) return 'scamCheck';
  if (topic === 'fakeSupportNumber' && !foundOnline) {
    if (r.signs.includes('spoofedNumber')) return 'scamCheck';
    if (r.numbers.length > 0 && r.numbers.every((n) => n.role === 'deliveryDriver')) return 'whoCalled';
  }
  return topic;
}

const HOW_TO_SAY = /説明|伝え|言い方|話し方|言えば|話せば|まとめ|順番|最初に|何から|要点|うまく|上手|explain|describe|say|word|tell them|put it/i;

// Words that only report a call ("さっき…から着信がありました", "missed call from …"), longest first.
const CALL_REPORT_FILLER =
  /かかってきました|かかってきた|ありました|きました|来ました|着信|電話|でんわ|さっき|先ほど|今日|から|あり|あった|きた|来た|です|ました|が|の|って|これ|この|番号|\b(?:i|got|had|a|missed|call|calls|called|me|from|this|number|just|today|earlier)\b/gi;

const DELIVERY_SCRIPT = new Set<Topic>(['silentCall', 'shouldCallBack', 'callbackFailed', 'callReasons', 'redelivery', 'whoCalled']);

// Questions that a support number found online or given by a stranger turns into "is that number real?".
const FOUND_ONLINE_LIKE = new Set<Topic>(['scamCheck', 'supportPhone', 'supportContact', 'whoCalled']);
const ONE_RING = /ワン切り|わん切り|ワンギリ|わんぎり|one ring|rang once|rings? once/i;
/** "Is it real / a scam?" asked about a call: what turns an odd-hour question into a scam question. */
const ASKS_IF_FAKE = /本物|ほんもの|偽物|にせもの|詐欺|さぎ|本当に|ほんとに|じゃないよね|ちゃうよね|\bfake\b|\bscam|\breal\b|\blegit/i;
const WHO_QUESTION = /誰|どこの|何者|(?:配達|あまぞん|amazon)(?:員|の人|のひと|の?どらいばー|関係|系)?(?:さん)?(?:ですか|やろか|かな|\s?\?)|\bwho\b/i;
const TIME_QUESTION = /こんな時間|時間に|遅すぎ|早すぎ|遅い|早い|普通|ふつう|ありえ|ある\s?\?|あるの|late|early|normal|(?:that|this|such an?|what an?) (?:hour|time)/i;

const CALL_BACK = /折り返|かけ直|かけなお|掛け直|call (?:them |him |her |it )?back|ring (?:them )?back/i;
// In the folded text: アプリ → あぷり, マイページ → まいぺーじ.
const IN_APP_HOW =
  /(?:あぷり|注文履歴|まいぺーじ|配送状況|注文状況|注文の状態)[^?。]{0,16}(?:どこ|どう(?:やって|すれば|したら)|見方|やり方|方法|分かる|わかる)|(?:どこ|どっから)(?:を|から)?(?:見|押|さわ|開)|\b(?:how|where)\b.{0,40}\b(?:my orders?|order status|order history|tracking|in the app)\b/i;
const IN_APP_LIKE = new Set<Topic>(['linkCheck', 'shouldCallBack', 'redelivery', 'supportContact', 'scamCheck', 'whoCalled', 'callReasons', 'none']);
const ANSWER_OR_IGNORE =
  /(?:出|で)(?:ても|たほうが|た方が|るべき|ないと|なくても|んでも)|(?:無視|むし|するー|スルー|放置|ほっと|しかと)(?:して|しても|しといて|で|でも)?(?:いい|ええ|大丈夫|平気|ok|よく|問題)|(?:pick up|answer it|ignore it|ignore them)/i;
const SILENCE = /無言|切れ|ワン切り|わん切り|鳴って|silent|hung up|rang once/i;
const PICK_UP_LIKE = new Set<Topic>(['silentCall', 'unorderedParcel', 'callReasons', 'whoCalled', 'none']);
const ANY_TIME = /時|夜|朝|晩|早|遅|深夜|夜中|night|morning|evening|late|early|\b(?:am|pm)\b|[0-9](?:am|pm)/i;
const SCAM_WORDS = /詐欺|怪し|あやし|偽|にせ|本物|ほんもの|騙|だま|やばい|危な|不審|変な|おかしい|scam|fake|suspicious|fraud|legit|\breal\b|phish/i;
const HOUR_OUTRANKS = new Set<Topic>(['callReasons', 'supportPhone', 'supportContact', 'supportHours', 'none']);

// What a "why I would (not) call back" message gets mistaken for when it does not say "call back".
const CALLBACK_LIKE = new Set<Topic>(['callReasons', 'oddHours', 'unorderedParcel', 'supportPhone', 'supportContact', 'none']);

// A leading 0 or + and 6–13 digits with phone separators: dates, prices and order numbers do not start that way.
const PHONE_SHAPED = /(?<![0-9])[+]?0[0-9]?(?:[-‐ー－\s()]?[0-9]){5,12}(?![0-9])/;
const looksLikeAPhoneNumber = (text: string) => PHONE_SHAPED.test(text);

/** Anything besides numbers, links and punctuation: "0120070585?" is a bare number, "0120070585 誰" is not. */
const hasWords = (folded: string) => /[\p{L}]/u.test(folded.replace(/ＵＲＬ|＃/g, ''));

function boosted(ranked: { topic: Topic; p: number }[], flow: FlowId | null) {
  if (!flow) return ranked;
  const favoured = new Set(FLOW_TOPICS[flow]);
  const scaled = ranked.map((r) => ({ topic: r.topic, p: favoured.has(r.topic) ? r.p * CONTEXT_BOOST : r.p }));
  const sum = scaled.reduce((a, r) => a + r.p, 0);
  return scaled.map((r) => ({ topic: r.topic, p: r.p / sum })).sort((a, b) => b.p - a.p);
}

/** The reader the bot runs with: the classifier trained on data/understanding/*.jsonl at start-up. */
export function createReaderFromKnowledge(knowledge: Knowledge, directory: NumberDirectory): MessageReader {
  const model = trainTopicModel(knowledge.training.map((e) => ({ text: foldForClassifier(normalizeText(e.text)), topic: e.topic })));
  return createMessageReader(model, directory, createLinkReader(knowledge.domains));
}

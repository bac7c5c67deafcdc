/**
 * A message → its Reading: every part of it at once (numbers, links, scam signs, harm done, the question,
 * its details, the language). Facts that must be exact come from rules and parsers (numbers: libphonenumber,
 * links: linkify-it + tldts, scam signs: scamSigns.ts); the question comes from the classifier trained on
 * the project's examples, nudged by what the bot asked last.
 */
import type { Knowledge } from '../../data/schema.js';
import type { FlowId, Lang, Reading, Topic } from '../../flows/types.js';
import { foldForClassifier, withoutLinks } from './foldText.js';
import { createLinkReader, type LinkReader } from './links.js';
import { detectLanguage, normalizeText } from './normalizeText.js';
import type { NumberDirectory } from './phoneNumbers.js';
import { readAskedTime } from './askedTime.js';
import { ACKNOWLEDGEMENT, CALL_BACK, DRIVER_ASKED, has, MANY_TRIES, MENU, MISSED, NEW_YEAR, PICK_UP, RESET, SCRIPT_QUESTION, STILL_ON_CALL } from './lexicon.js';
import { noteOf, reasonOf } from './rules/noteRules.js';
import { cluesFor, settleTopic } from './rules/topicRules.js';
import { readScamSigns } from './scamSigns.js';
import { readFollowUp, readNeed, readPrepTopic, readSituation, readChannelQuestion } from './slots.js';
import { topicModelOfTraining } from './builtTopicModel.js';
import type { TopicModel } from './topicClassifier.js';

export interface MessageContext {
  /** The decision tree the user is in, if any: it makes that tree's questions likelier. */
  activeFlow: FlowId | null;
  previousLang: Lang;
  /** When the message was sent (epoch ms), for "18時ごろは?"; omitted where no time applies. */
  at?: number;
}

export interface MessageReader {
  read(text: string, ctx: MessageContext): Reading;
}

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
/**
 * A short follow-up ("じゃあいつがいい?", "切っていいの?") has few characters for the classifier to go on:
 * where the conversation stands counts for more.
 */
const SHORT_FOLLOW_UP_BOOST = 6;
const SHORT_FOLLOW_UP_CHARS = 14;
/** Below this the bot says it is unsure and offers its best guesses as buttons. */
const MIN_CONFIDENCE = 0.3;
/** "どういたしまして" to a question the bot did not get would be worse than saying it did not get it. */
const SURE_SMALL_TALK = 0.7;

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
      const message = { text: words, folded };
      const { signs, harmDone } = readScamSigns(message, {
        hasLinks: found.length > 0,
        numbers,
        answeringWhatHappened: ctx.activeFlow === 'scamCheck',
        answeringDriverCall: ctx.activeFlow === 'callerIdentification' || ctx.activeFlow === 'callbackDecision',
      });
      const situation = readSituation(words, folded);
      const need = readNeed(words, folded);
      const prepTopic = readPrepTopic(words, folded);
      const unreadNumber = numbers.length === 0 && looksLikeAPhoneNumber(words);
      // "なんて言えばいい?" about calling a driver back is the call-back script, not how to explain to support.
      const scriptAsked = has(message, SCRIPT_QUESTION) && (ctx.activeFlow === 'callbackDecision' || ctx.activeFlow === 'callerIdentification' || has(message, CALL_BACK));
      const note = noteOf(message);
      const plain = numbers.length === 0 && !unreadNumber && found.length === 0 && signs.length === 0 && !harmDone && note === null;
      const base: Omit<Reading, 'topic' | 'alternatives' | 'rule'> = {
        lang, numbers, unreadNumber, links: found, signs, harmDone, situation, need, prepTopic,
        followUp: scriptAsked ? 'willCallBack' : readFollowUp(text, plain),
        onCall: has(message, STILL_ON_CALL),
        note,
        reason: reasonOf(words),
        driverAsked: has(message, DRIVER_ASKED),
        callQuestion: has(message, MISSED) ? 'missed' : has(message, PICK_UP) ? 'pickUp' : null,
        manyTries: has(message, MANY_TRIES),
        newYear: has(message, NEW_YEAR),
        askedTime: ctx.at === undefined ? null : readAskedTime(words, ctx.at),
      };
      const whole = { text, folded };
      const decided = (topic: Topic, rule: string): Reading => ({ ...base, topic, rule, alternatives: [] });

      if (text.length === 0) return decided('none', 'empty');
      if (has(whole, RESET)) return decided('reset', 'command:reset');
      if (has(whole, MENU)) return decided('menu', 'command:menu');
      // "はい" or "ok" that the last reply offered nothing for, "hi", "thanks": nothing to act on. (A follow-up
      // the last reply did offer something for is resolved before the topic is looked at.)
      // Greetings are the 'hello' follow-up (slots.ts), so the greeting words live in one list.
      if (has(whole, ACKNOWLEDGEMENT) || base.followUp === 'hello' || (base.followUp === 'willCallBack' && ctx.activeFlow === 'callbackDecision')) {
        return decided('smallTalk', 'acknowledgement');
      }

      // Questions about the channels themselves, unless the message reports a scam or a number.
      const channelQuestion = signs.length === 0 && !harmDone && numbers.length === 0 && found.length === 0 ? readChannelQuestion(words, folded, ctx.activeFlow === 'supportChannel') : null;
      if (channelQuestion) {
        const asked = { compare: null, emailReply: 'detailed', selfService: 'simple' } as const;
        return { ...decided('supportContact', `channel:${channelQuestion}`), need: asked[channelQuestion] };
      }

      const ranked = boosted(model.rank(folded), ctx.activeFlow, words.length <= SHORT_FOLLOW_UP_CHARS && numbers.length === 0);
      const [best, ...rest] = ranked;
      const alternatives = rest.filter((r) => r.topic !== 'none' && r.topic !== 'smallTalk').slice(0, 3).map((r) => r.topic);
      const guessed = !best || best.p < MIN_CONFIDENCE || (best.topic === 'smallTalk' && best.p < SURE_SMALL_TALK) ? 'none' : best.topic;
      const { topic, rule } = settleTopic(base, cluesFor(base, { flow: ctx.activeFlow, words: hasWords(folded), guessed, runnerUp: ranked[1], message }));
      return { ...base, topic, rule, alternatives: topic === 'none' && best ? [best.topic, ...alternatives].filter((t) => t !== 'none').slice(0, 3) : alternatives };
    },
  };
}

// A leading 0 or + and 6–13 digits with phone separators: dates, prices and order numbers do not start that way.
const PHONE_SHAPED = /(?<![0-9])[+]?0[0-9]?(?:[-‐ー－\s()]?[0-9]){5,12}(?![0-9])/;
const looksLikeAPhoneNumber = (text: string) => PHONE_SHAPED.test(text);

/** Anything besides numbers, links and punctuation: "0120070585?" is a bare number, "0120070585 誰" is not. */
const hasWords = (folded: string) => /[\p{L}]/u.test(folded.replace(/ＵＲＬ|＃/g, ''));

function boosted(ranked: { topic: Topic; p: number }[], flow: FlowId | null, short: boolean) {
  if (!flow) return ranked;
  const favoured = new Set(FLOW_TOPICS[flow]);
  const boost = short ? SHORT_FOLLOW_UP_BOOST : CONTEXT_BOOST;
  const scaled = ranked.map((r) => ({ topic: r.topic, p: favoured.has(r.topic) ? r.p * boost : r.p }));
  const sum = scaled.reduce((a, r) => a + r.p, 0);
  return scaled.map((r) => ({ topic: r.topic, p: r.p / sum })).sort((a, b) => b.p - a.p);
}

/** The reader the bot runs with: the classifier trained on data/understanding/*.jsonl (at build time, for the bundle). */
export function createReaderFromKnowledge(knowledge: Knowledge, directory: NumberDirectory): MessageReader {
  return createMessageReader(topicModelOfTraining(knowledge.training), directory, createLinkReader(knowledge.domains));
}

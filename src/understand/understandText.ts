/**
 * Free text → intent, for Japanese and English. Deliberately keyword-based and predictable: a support
 * agent can read every rule here and know why the bot answered what it did.
 */
import type { Intent } from '../../flows/conversation.js';
import type { FlowId, IdentifiedNumber, PrepTopic, ScamSignId, SupportNeed } from '../../flows/types.js';

export interface TextContext {
  /** The decision tree the user is in, if any: short answers like "住所" mean something there. */
  activeFlow: FlowId | null;
  numbers: IdentifiedNumber[];
  at: number;
}

const RESET = /最初から|はじめから|初めから|リセット|やり直|^(reset|restart|start over)$/i;
const MENU = /^(メニュー|めにゅー|menu|help|ヘルプ|使い方|\?|hi|hello|こんにちは|こんばんは|おはよう)$/i;

// "asked/told/demanded": money or card words only count as a scam sign when someone asked for them.
const ASKED = /(求め|要求|言われ|聞かれ|きかれ|請求|払え|教えて|促さ|asked|told|demand|wanted|request)/i;
const HARMED = /(払ってしまった|振り込んでしまった|教えてしまった|伝えてしまった|入れてしまった|渡してしまった|already (paid|gave|told|installed)|i (paid|gave them))/i;

const SIGN_PATTERNS: { sign: ScamSignId; pattern: RegExp; needsAsked?: boolean }[] = [
  { sign: 'giftCard', pattern: /ギフトカード|ギフト券|アマギフ|プリペイド|gift ?cards?|itunes|google play/i },
  { sign: 'cardNumber', pattern: /カード番号|クレジットカード|セキュリティコード|card (number|details)|credit card/i, needsAsked: true },
  { sign: 'remoteApp', pattern: /遠隔|リモート|anydesk|teamviewer|remote/i },
  { sign: 'personalData', pattern: /個人情報|暗証|パスワード|口座番号|マイナンバー|生年月日|password|pin\b|bank account|personal (data|details|information)/i, needsAsked: true },
  { sign: 'moneyDemand', pattern: /振込|振り込|支払|払って|未払|料金|お金|送金|money|pay|transfer|fee/i, needsAsked: true },
  { sign: 'urgency', pattern: /凍結|停止され|急かさ|急げ|至急(対応|連絡|払)|今すぐ.*(しないと|払|振|連絡し)|suspend|frozen|pressured|or (else|lose)/i },
  { sign: 'smsLink', pattern: /(sms|ショートメ|メッセージ|メール|text).*(リンク|url|http)|(リンク|url|http).*(sms|ショートメ|メッセージ)|\blink\b/i },
  { sign: 'spoofedNumber', pattern: /偽装|なりすまし|成りすまし|spoof/i },
  { sign: 'fakeSupportNumber', pattern: /ネットで(見つけ|調べ)|知恵袋|掲示板|検索(で|して)|found (it )?online|googled/i },
];
const SCAM_WORDS = /詐欺|怪しい|あやしい|不審|フィッシング|scam|fraud|phishing|suspicious|fake/i;

const FAQ_PATTERNS: { topic: 'unorderedParcel' | 'oddHours' | 'silentCall' | 'saveContact'; pattern: RegExp }[] = [
  { topic: 'unorderedParcel', pattern: /注文して(い)?ない|注文した覚え|頼んで(い)?ない|心当たり|(didn'?t|did not|never) order/i },
  { topic: 'silentCall', pattern: /無言|ワン切り|すぐ切れ|silent|one ring|hung up/i },
  { topic: 'oddHours', pattern: /深夜|夜中|早朝|夜遅く|朝早く|[23]時(に|ごろ|頃)|middle of the night|late at night|early morning|[23] ?a\.?m/i },
  { topic: 'saveContact', pattern: /登録|連絡先|着信拒否|ブロック|block|save (the|this)? ?number|contact list/i },
];

const CALLBACK_SITUATIONS = [
  { situation: 'wantsToday', pattern: /今日中|今日(受け取|欲し|ほし)|当日|today/i },
  { situation: 'addressWorry', pattern: /住所|番地|部屋番号|address/i },
  { situation: 'dislikesPhone', pattern: /電話(が|は)?(苦手|怖い|こわい|嫌)|話したくない|出たくない|(hate|dislike|don'?t like|afraid of) (phone|calls|calling|talking)/i },
  { situation: 'busy', pattern: /忙しい|急いで(い)?ない|急ぎじゃない|急ぎではない|後で|あとで|仕事中|会議|busy|not urgent|later|at work/i },
] as const;
const CALLBACK_FAILED = /繋がらない|つながらない|出ない|話し中|出てくれない|no answer|not answering|can'?t (get through|reach)|didn'?t (connect|pick up)/i;
const REDELIVERY = /再配達|再配送|redeliver|redelivery|deliver again/i;
const CALL_BACK = /折り返|かけ直|call(ing)? (them )?back|callback/i;

const SUPPORT_HOURS = /何時|受付時間|営業時間|時間帯|混雑|混んで|空いて|今(電話)?(つながる|繋がる|やって)|hours|open now|crowded|quiet time|best time/i;
const FAKE_NUMBER = /偽(の|物|者)?(の)?番号|本物の番号|正しい番号|正規(の)?番号|公式(の)?番号|fake (support )?number|real number|genuine number|official number/i;
const CALLBACK_STEPS = /(折り返し|電話)(を|の)?(予約|依頼|頼|申し込|リクエスト)|電話で問い合わせ|request a call|call me back|phone support/i;
const SUPPORT_NEEDS: { need: SupportNeed; pattern: RegExp }[] = [
  { need: 'prime', pattern: /プライム|prime/i },
  { need: 'business', pattern: /ビジネス|法人|請求書|領収書|business|invoice/i },
  { need: 'device', pattern: /kindle|キンドル|fire|echo|アレクサ|alexa|端末|デバイス|device/i },
  { need: 'urgent', pattern: /急ぎ|急いで|すぐ|至急|urgent|asap|quickly/i },
  { need: 'detailed', pattern: /写真|添付|資料|詳しく|長く|photo|attach|document|detailed/i },
  { need: 'simple', pattern: /簡単|自分で|自己解決|ヘルプページ|simple|myself|self/i },
];
const SUPPORT = /カスタマー|問い合わせ|問合せ|サポート|窓口|連絡方法|チャット|メール|customer (service|support)|contact amazon|support|chat|email/i;

const PREPARE = /準備|用意|前に(何|なに)|必要なもの|持って|prepare|checklist|what (do|should) i (need|have)|before (i )?call/i;
const EXPLAIN = /説明|伝え方|話し方|どう(話|伝)|how (do|should) i (explain|say)|explain/i;
const PREP_TOPICS: { topic: PrepTopic; pattern: RegExp }[] = [
  { topic: 'returnRefund', pattern: /返品|返金|交換|return|refund/i },
  { topic: 'account', pattern: /アカウント|ログイン|パスワード|乗っ取|account|log ?in|password/i },
  { topic: 'payment', pattern: /支払|請求|決済|引き落と|payment|charge|billing/i },
  { topic: 'device', pattern: /kindle|キンドル|fire|echo|端末|デバイス|device/i },
  { topic: 'delivery', pattern: /配送|配達|届かない|届いてない|荷物|delivery|deliver|parcel|package/i },
];

const WHO = /誰|だれ|どこから|正体|何の電話|なんの電話|who|whose/i;
const WHY = /なぜ|なんで|何の用|理由|用件|why|reason/i;

export function understandText(text: string, ctx: TextContext): Intent {
  if (text.length === 0) return { type: 'unrecognized', cause: 'empty' };
  if (RESET.test(text)) return { type: 'reset' };
  if (MENU.test(text)) return { type: 'menu' };

  const scam = scamIntent(text);
  if (scam) return scam;
  if (ctx.numbers.length > 0) {
    return { type: 'flow', flow: 'callerIdentification', event: { type: 'NUMBERS_GIVEN', numbers: ctx.numbers } };
  }
  return (
    flowSpecificIntent(text, ctx) ??
    faqIntent(text) ??
    callbackIntent(text) ??
    supportIntent(text, ctx.at) ??
    prepareIntent(text) ??
    callerIntent(text) ?? { type: 'unrecognized', cause: 'text' }
  );
}

function scamIntent(text: string): Intent | null {
  if (HARMED.test(text)) return { type: 'flow', flow: 'scamCheck', event: { type: 'ALREADY_HARMED' } };
  const asked = ASKED.test(text);
  const signs = SIGN_PATTERNS.filter((p) => p.pattern.test(text) && (!p.needsAsked || asked)).map((p) => p.sign);
  if (signs.length > 0) return { type: 'flow', flow: 'scamCheck', event: { type: 'SIGNS_REPORTED', signs } };
  if (SCAM_WORDS.test(text) && !FAKE_NUMBER.test(text)) return { type: 'flow', flow: 'scamCheck' };
  return null;
}

/** Short answers that only make sense inside the tree the user is in. */
function flowSpecificIntent(text: string, ctx: TextContext): Intent | null {
  switch (ctx.activeFlow) {
    case 'prepareCall': {
      if (EXPLAIN.test(text)) return { type: 'flow', flow: 'prepareCall', event: { type: 'SHOW_EXPLAIN_TIPS' } };
      const topic = PREP_TOPICS.find((p) => p.pattern.test(text));
      return topic ? { type: 'flow', flow: 'prepareCall', event: { type: 'TOPIC_CHOSEN', topic: topic.topic } } : null;
    }
    case 'supportChannel': {
      const need = SUPPORT_NEEDS.find((p) => p.pattern.test(text));
      return need ? { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: need.need, at: ctx.at } } : null;
    }
    case 'callerIdentification':
      return WHY.test(text) ? { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS' } } : null;
    default:
      return null;
  }
}

function faqIntent(text: string): Intent | null {
  const faq = FAQ_PATTERNS.find((p) => p.pattern.test(text));
  return faq ? { type: 'faq', topic: faq.topic } : null;
}

function callbackIntent(text: string): Intent | null {
  if (CALLBACK_FAILED.test(text)) return { type: 'flow', flow: 'callbackDecision', event: { type: 'CALLBACK_FAILED' } };
  if (REDELIVERY.test(text)) return { type: 'flow', flow: 'callbackDecision', event: { type: 'SHOW_REDELIVERY' } };
  const situation = CALLBACK_SITUATIONS.find((p) => p.pattern.test(text));
  if (situation) return { type: 'flow', flow: 'callbackDecision', event: { type: 'SITUATION_CHOSEN', situation: situation.situation } };
  if (CALL_BACK.test(text) && !CALLBACK_STEPS.test(text)) return { type: 'flow', flow: 'callbackDecision' };
  return null;
}

function supportIntent(text: string, at: number): Intent | null {
  if (FAKE_NUMBER.test(text)) return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_FAKE_NUMBER' } };
  if (CALLBACK_STEPS.test(text)) return { type: 'flow', flow: 'supportChannel', event: { type: 'SHOW_CALLBACK_STEPS' } };
  if (SUPPORT_HOURS.test(text)) return { type: 'flow', flow: 'supportChannel', event: { type: 'ASK_HOURS', at } };
  if (PREPARE.test(text)) return null; // "what to prepare before contacting support" belongs to the checklist
  if (!SUPPORT.test(text)) return null;
  const need = SUPPORT_NEEDS.find((p) => p.pattern.test(text));
  return need
    ? { type: 'flow', flow: 'supportChannel', event: { type: 'NEED_CHOSEN', need: need.need, at } }
    : { type: 'flow', flow: 'supportChannel' };
}

function prepareIntent(text: string): Intent | null {
  if (EXPLAIN.test(text)) return { type: 'flow', flow: 'prepareCall', event: { type: 'SHOW_EXPLAIN_TIPS' } };
  if (!PREPARE.test(text)) return null;
  const topic = PREP_TOPICS.find((p) => p.pattern.test(text));
  return topic
    ? { type: 'flow', flow: 'prepareCall', event: { type: 'TOPIC_CHOSEN', topic: topic.topic } }
    : { type: 'flow', flow: 'prepareCall' };
}

function callerIntent(text: string): Intent | null {
  if (WHY.test(text) && /配送|配達|ドライバー|driver|delivery/i.test(text)) {
    return { type: 'flow', flow: 'callerIdentification', event: { type: 'ASK_CALL_REASONS' } };
  }
  return WHO.test(text) || /電話番号|phone number|number/i.test(text) ? { type: 'flow', flow: 'callerIdentification' } : null;
}

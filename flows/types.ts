/** Domain vocabulary shared by the machines, the text understanding and the renderer. */

export type Lang = 'ja' | 'en';

/** What kind of line a number is, read from its digits alone. */
export type NumberKind =
  | 'tollFree'
  | 'naviDial'
  | 'ipPhone'
  | 'mobile'
  | 'fixedLine'
  | 'international'
  | 'other';

/** Who a vetted number belongs to (see data/numbers.json). */
export type VettedRole = 'deliveryDriver' | 'officialSupport' | 'smsSender';

export interface IdentifiedNumber {
  /** E.164 form, e.g. +81120070585. */
  e164: string;
  /** The number as the bot may show it: the vetted spelling, or the user's own digits. */
  display: string;
  kind: NumberKind;
  /** Present only when the number is in the vetted data. */
  vettedId?: string;
  role?: VettedRole;
  /** Fixed lines: the area prefix found in data/area-codes.json (e.g. "03"). */
  areaPrefix?: string;
  /** International numbers: ISO 3166 country code (e.g. "HK"). */
  country?: string;
}

export type CallbackSituation = 'wantsToday' | 'addressWorry' | 'busy' | 'dislikesPhone';
/** The four reasons document 000 gives for a driver's call. */
export type CallReason = 'notHome' | 'address' | 'autoLock' | 'dropOff';
/** How the call-back question was asked: may I pick up, I missed it (is that OK?), or should I call back. */
export type CallQuestion = 'pickUp' | 'missed' | 'callBack';
export type CallbackAdvice = 'callBack' | 'useApp';

export type ScamSignId =
  | 'moneyDemand'
  | 'cardNumber'
  | 'giftCard'
  | 'remoteApp'
  | 'personalData'
  | 'urgency'
  | 'smsLink'
  | 'spoofedNumber'
  | 'oddHours'
  | 'fakeSupportNumber';
export type ScamSeverity = 'scam' | 'caution';

export type SupportNeed = 'urgent' | 'detailed' | 'simple' | 'chat' | 'prime' | 'business' | 'device';
export type SpecialRouteId = 'prime' | 'business' | 'device';

export type PrepTopic = 'delivery' | 'returnRefund' | 'account' | 'payment' | 'device';

export type FaqTopic = 'unorderedParcel' | 'oddHours' | 'silentCall' | 'saveContact';

export const FLOW_IDS = [
  'callerIdentification',
  'callbackDecision',
  'scamCheck',
  'supportChannel',
  'prepareCall',
] as const;
export type FlowId = (typeof FLOW_IDS)[number];

/** The questions a message can ask, as the understanding layer reads them (see test/corpus/README.md). */
export const TOPICS = [
  'whoCalled', 'callReasons', 'shouldCallBack', 'callbackFailed', 'redelivery',
  'scamCheck', 'linkCheck', 'blockNumber', 'silentCall', 'oddHours', 'unorderedParcel', 'orderCheck',
  'supportContact', 'supportPhone', 'supportHours', 'fakeSupportNumber', 'prepareCall', 'explainTips',
  'menu', 'reset', 'smallTalk', 'none',
] as const;
export type Topic = (typeof TOPICS)[number];

/** What a link's host says about it. Never "safe": even Amazon's own domain gets "open the app yourself". */
export type LinkVerdict = 'amazon' | 'imitation' | 'other';
export type ImitationReason = 'lookalike' | 'brandElsewhere' | 'punycode' | 'shortener' | 'ipAddress';

export interface LinkFinding {
  /** The host as the browser would resolve it (UTS #46: lower case, punycode). */
  host: string;
  verdict: LinkVerdict;
  reason?: ImitationReason;
}

/** Short replies whose meaning comes from what the bot just asked. */
/** Signs that someone went after money, data or control of the phone: what a victim may have handed over. */
export const HANDOVER_SIGNS: readonly ScamSignId[] = ['cardNumber', 'personalData', 'giftCard', 'remoteApp', 'moneyDemand'];

/** Questions beside the trees that have one short answer of their own. */
export const NOTE_IDS = ['cardCompany', 'carrierNumber', 'relayedNumber', 'otherCarriers', 'languages', 'noOrderInTransit', 'repeatedCalls', 'amazonTexts', 'spamMail', 'whyNoNumber', 'orderMatches', 'tollFree', 'notSales', 'nothingFound', 'driverMap', 'whileOnCall', 'orderNumber'] as const;
export type NoteId = (typeof NOTE_IDS)[number];

/** Whole short messages: answers to the bot's last question, or a bare greeting. */
export type FollowUp = 'yes' | 'no' | 'why' | 'how' | 'willCallBack' | 'hello' | 'whatNow' | 'dontUnderstand' | 'toEnglish' | 'toJapanese';

/**
 * Everything one message says, read at once: a user may send a number, a pasted SMS and a question together,
 * and each part gets answered. The conversation decides which machines step from it.
 */
export interface Reading {
  lang: Lang;
  numbers: IdentifiedNumber[];
  /** Digits typed like a phone number that no numbering plan accepts ("0120-07-585"): say so, do not guess. */
  unreadNumber: boolean;
  links: LinkFinding[];
  signs: ScamSignId[];
  harmDone: boolean;
  topic: Topic;
  situation: CallbackSituation | null;
  need: SupportNeed | null;
  prepTopic: PrepTopic | null;
  followUp: FollowUp | null;
  /** Still on the line with the caller: hanging up comes before anything else the reply says. */
  onCall: boolean;
  /** A question with one short answer of its own ("where is my card company's number?"). */
  note: NoteId | null;
  /** The reason for the driver's call that the message itself names ("オートロックだから?"). */
  reason: CallReason | null;
  /** The message reports what the caller asked or said ("建物名がわからないって電話"). */
  driverAsked: boolean;
  callQuestion: CallQuestion | null;
  /** "何回かけても繋がらない": the callback failed more than once already. */
  manyTries: boolean;
  /** The question is about the New Year holidays, whatever today's date. */
  newYear: boolean;
  /** The moment the question is about when it names one ("18時ごろは?", "土曜の朝"), epoch ms. */
  askedTime: { at: number; hourNamed: boolean } | null;
  /** When the topic is uncertain or 'none': the next most likely topics, best first ("did you mean"). */
  alternatives: Topic[];
  /** Which rule settled the topic (src/understand/rules/), or `classifier`: for logs and the report, never for replies. */
  rule: string;
}

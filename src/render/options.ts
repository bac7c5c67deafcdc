/** Button labels for every action code, in both languages, each within LINE's 20-grapheme label limit. */
import type { View } from '../../flows/conversation.js';
import type { Lang, Topic } from '../../flows/types.js';
import { encodePostback, type ActionCode } from '../buttons/actionCodes.js';

const LABELS: Record<ActionCode, { ja: string; en: string }> = {
  menu: { ja: 'メニュー', en: 'Menu' },
  reset: { ja: '最初から', en: 'Start over' },
  'caller:ask': { ja: '誰からの電話?', en: 'Who called me?' },
  'caller:reasons': { ja: '電話の理由は?', en: 'Why did they call?' },
  'callback:ask': { ja: '折り返すべき?', en: 'Should I call back?' },
  'callback:failed': { ja: '折り返しが繋がらない', en: "Call didn't connect" },
  'callback:redelivery': { ja: '再配達の頼み方', en: 'How to redeliver' },
  'callback:will': { ja: '折り返してみる', en: "I'll call back" },
  'callback:situation:wantsToday': { ja: '今日中に受け取りたい', en: 'I want it today' },
  'callback:situation:addressWorry': { ja: '住所が心配', en: 'Unsure of address' },
  'callback:situation:busy': { ja: '忙しい・急がない', en: 'Busy / not urgent' },
  'callback:situation:dislikesPhone': { ja: '電話は苦手', en: "I'd rather not call" },
  'scam:ask': { ja: '詐欺かも?', en: 'Is it a scam?' },
  'scam:nothing': { ja: '特に何も言われない', en: 'Nothing odd was said' },
  'scam:orders': { ja: 'アプリで確かめる手順', en: 'Check in the app' },
  'scam:harmed': { ja: 'もう払った・教えた', en: 'I already paid/told' },
  'scam:sign:moneyDemand': { ja: 'お金を請求された', en: 'Asked for money' },
  'scam:sign:cardNumber': { ja: 'カード番号を聞かれた', en: 'Asked for card no.' },
  'scam:sign:giftCard': { ja: 'ギフトカードで払えと', en: 'Pay by gift card' },
  'scam:sign:remoteApp': { ja: '遠隔操作アプリを入れろ', en: 'Install remote app' },
  'scam:sign:personalData': { ja: '個人情報を聞かれた', en: 'Asked personal data' },
  'scam:sign:urgency': { ja: '今すぐと急かされた', en: 'Pressured to hurry' },
  'scam:sign:smsLink': { ja: 'SMSにリンク', en: 'SMS with a link' },
  'scam:sign:spoofedNumber': { ja: '番号は本物っぽい', en: 'Number looks real' },
  'scam:sign:oddHours': { ja: '深夜・早朝の着信', en: 'Call at night' },
  'scam:sign:fakeSupportNumber': { ja: 'ネットで見た番号', en: 'Number found online' },
  'support:ask': { ja: '問い合わせ窓口', en: 'Contact support' },
  'support:hours': { ja: '今つながる?', en: 'Open now?' },
  'support:steps': { ja: '折り返し電話の頼み方', en: 'Request a callback' },
  'support:fake': { ja: '偽の番号の見分け方', en: 'Spot fake numbers' },
  'support:need:urgent': { ja: '急いでいる', en: "It's urgent" },
  'support:need:detailed': { ja: '写真・詳しい説明', en: 'Photos / long story' },
  'support:need:simple': { ja: '自分で調べたい', en: 'Sort it myself' },
  'support:need:chat': { ja: 'チャットで相談したい', en: 'Chat, please' },
  'support:need:prime': { ja: 'プライム会員', en: 'Prime member' },
  'support:need:business': { ja: 'Amazonビジネス', en: 'Amazon Business' },
  'support:need:device': { ja: 'Kindle・Fire', en: 'Kindle / Fire' },
  'prep:ask': { ja: '電話前の準備', en: 'Prepare for a call' },
  'prep:explain': { ja: '上手な伝え方', en: 'How to explain' },
  'prep:topic:delivery': { ja: '配送', en: 'Delivery' },
  'prep:topic:returnRefund': { ja: '返品・返金', en: 'Return / refund' },
  'prep:topic:account': { ja: 'アカウント', en: 'Account' },
  'prep:topic:payment': { ja: '支払い', en: 'Payment' },
  'prep:topic:device': { ja: '端末', en: 'Device' },
  'faq:unorderedParcel': { ja: '注文していないのに', en: "I didn't order" },
  'faq:oddHours': { ja: '深夜・早朝の電話', en: 'Calls at odd hours' },
  'faq:silentCall': { ja: '無言・ワン切り', en: 'Silent call' },
  'faq:saveContact': { ja: '番号を登録すべき?', en: 'Save the number?' },
};

export const labelOf = (code: ActionCode, lang: Lang) => LABELS[code][lang];

/** Buttons as LINE quick replies: postbacks carrying the session epoch (old buttons are then recognised), the label echoed as the user's line. */
export const quickReplyOf = (codes: readonly ActionCode[], lang: Lang, epoch: number) => ({
  items: codes.map((code) => ({
    type: 'action' as const,
    action: { type: 'postback' as const, label: labelOf(code, lang), data: encodePostback(code, epoch), displayText: labelOf(code, lang) },
  })),
});
export const allActionCodes = () => Object.keys(LABELS) as ActionCode[];

/** The button that opens each topic, for "did you mean" suggestions; null where no button fits. */
const TOPIC_ACTIONS: Record<Topic, ActionCode | null> = {
  whoCalled: 'caller:ask',
  callReasons: 'caller:reasons',
  shouldCallBack: 'callback:ask',
  callbackFailed: 'callback:failed',
  redelivery: 'callback:redelivery',
  scamCheck: 'scam:ask',
  linkCheck: 'scam:sign:smsLink',
  blockNumber: 'faq:saveContact',
  silentCall: 'faq:silentCall',
  oddHours: 'faq:oddHours',
  unorderedParcel: 'faq:unorderedParcel',
  orderCheck: 'scam:orders',
  supportContact: 'support:ask',
  supportPhone: 'support:steps',
  supportHours: 'support:hours',
  fakeSupportNumber: 'support:fake',
  prepareCall: 'prep:ask',
  explainTips: 'prep:explain',
  menu: 'menu',
  reset: 'reset',
  smallTalk: null,
  none: null,
};

export const actionForTopic = (topic: Topic) => TOPIC_ACTIONS[topic];

/** The button whose answer a view is: offering it beside that very answer would offer what was just said. */
const SHOWN_BY: Partial<Record<string, ActionCode>> = {
  'callerIdentification.awaitingNumber': 'caller:ask',
  'callerIdentification.callReasons': 'caller:reasons',
  'callbackDecision.askingSituation': 'callback:ask',
  'callbackDecision.callingBack': 'callback:will',
  'callbackDecision.redeliveryRoute': 'callback:redelivery',
  'scamCheck.askingWhatHappened': 'scam:ask',
  'scamCheck.verifyingInApp': 'scam:orders',
  'scamCheck.gettingHelp': 'scam:harmed',
  'supportChannel.choosingNeed': 'support:ask',
  'supportChannel.phoneHoursNow': 'support:hours',
  'supportChannel.callbackSteps': 'support:steps',
  'supportChannel.fakeNumberSigns': 'support:fake',
  'prepareCall.commonChecklist': 'prep:ask',
  'prepareCall.explainTips': 'prep:explain',
};

export function actionShowing(view: View): ActionCode | null {
  if (view.kind === 'faq') return `faq:${view.topic}`;
  if (view.kind === 'menu') return 'menu';
  if (view.kind !== 'flow') return null;
  return SHOWN_BY[`${view.flow}.${view.state}`] ?? null;
}

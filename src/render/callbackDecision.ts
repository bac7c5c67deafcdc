import type { CallbackDecisionContext } from '../../flows/callbackDecision.js';
import { outsideDeliveryHours } from '../../flows/japanTime.js';
import { bullets, draft, numbered, pick, type Draft, type RenderContext } from './draft.js';

export function renderCallbackDecision(state: string, ctx: CallbackDecisionContext, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const { delivery } = rc.knowledge;
  const why = delivery.callbackAdvice.find((row) => row.situation === ctx.situation)?.why[rc.lang] ?? '';
  const redelivery = numbered(delivery.redeliverySteps[rc.lang]);
  // Calling a driver back only helps while drivers are out; at 1 a.m. the advice is the app, in the morning.
  const { from, to } = delivery.deliveryHours;
  // An unclear address is the one situation where waiting costs the parcel: say so even at night.
  const addressNote = ctx.situation === 'addressWorry'
    ? { ja: `${why}朝いちばんに確かめてください。`, en: `${why} Check first thing in the morning. ` }
    : { ja: '', en: '' };
  if ((state === 'adviseCallBack' || state === 'callingBack' || state === 'tryAgainLater') && outsideDeliveryHours(ctx.at, delivery.deliveryHours)) {
    return draft(
      ['callback:redelivery', 'scam:orders', 'menu'],
      t(
        `🌙 いまは配達の時間外です(配達はおおむね${from}時〜${to}時)。折り返してもドライバーにはつながりません。\n\n朝になったらアプリの注文履歴で配送状況を確かめ、必要なら再配達を頼んでください。${addressNote.ja}この時間の着信そのものが気になるときは、折り返さずに様子を見てください。`,
        `🌙 Deliveries run roughly ${from}:00 to ${to}:00, so no driver will pick up now.\n\nIn the morning, check the order in the app and arrange redelivery if needed. ${addressNote.en}If the call itself came at this hour, do not call back; wait and see.`,
      ),
    );
  }
  switch (state) {
    case 'adviseCallBack':
      return draft(
        ['callback:failed', 'scam:orders', 'menu'],
        t(
          `✅ 折り返しをおすすめします。\n${why}\n\n着信から時間が経っていないほど有効です。名乗って「さきほど電話をもらった者です」と伝えれば話が早いです。`,
          `✅ Call back.\n${why}\n\nThe sooner after the missed call, the better. Say who you are and that you just missed their call.`,
        ),
      );
    case 'callingBack':
      return draft(
        ['callback:failed', 'callback:redelivery', 'menu'],
        t(
          `☎️ では折り返しましょう。早いほどドライバーが近くにいます。\n「さきほどお電話をもらった〇〇です」と名前を言えば用件が伝わります。\n\n出なくても慌てないでください。運転中や配達中のことが多いので、少しおいて一度だけかけ直し、それでもだめならアプリで再配達を頼めば大丈夫です。`,
          `☎️ Go ahead and call back: the sooner, the closer the driver still is.\nGive your name and say they just called you; that is all they need.\n\nIf nobody answers, they are probably driving or carrying parcels: try once more a little later, and if that fails, arrange redelivery in the app.`,
        ),
      );
    case 'adviseApp':
      return draft(
        ['callback:redelivery', 'scam:orders', 'support:ask', 'menu'],
        t(
          `📱 折り返さなくて大丈夫です。\n${why}\n\n出られなかった場合は不在票が入るか、アカウントに配達できなかった旨の通知が届きます。都合のよいときにアプリから手続きしてください。`,
          `📱 No need to call back.\n${why}\n\nIf you miss them, a slip goes in your mailbox or your account shows a missed delivery. Sort it out in the app when it suits you.`,
        ),
      );
    case 'tryAgainLater':
      return draft(
        ['callback:failed', 'callback:redelivery', 'menu'],
        t(
          `☎️ 繋がらないのはよくあることです。\n${delivery.notConnecting.ja}\n\n少し時間をおいてもう一度だけかけてみてください。`,
          `☎️ That happens a lot.\n${delivery.notConnecting.en}\n\nWait a little and try once more.`,
        ),
      );
    case 'switchToApp':
      return draft(
        ['callback:redelivery', 'support:ask', 'menu'],
        t(
          `何度かけても繋がらないので、電話はここまでにしましょう。\n${delivery.notConnecting.ja}\n\nアプリでの手順:\n${redelivery}`,
          `You have tried enough; stop calling.\n${delivery.notConnecting.en}\n\nIn the app:\n${redelivery}`,
        ),
      );
    case 'redeliveryRoute':
      return draft(
        ['support:ask', 'menu'],
        t(`📦 再配達はアプリ/サイトから頼めます。\n${redelivery}`, `📦 You can arrange redelivery in the app or on the website:\n${redelivery}`),
      );
    default:
      return draft(
        ['callback:situation:wantsToday', 'callback:situation:addressWorry', 'callback:situation:busy', 'callback:situation:dislikesPhone', 'callback:failed', 'menu'],
        t(
          `配送ドライバーからの着信に折り返すかどうかは、状況で決まります。いちばん近いものを選んでください。\n${bullets(['今日中に受け取りたい', '住所の入力に不安がある', '忙しい・急いでいない', '電話が苦手'])}`,
          `Whether to call a delivery driver back depends on your situation. Which fits best?\n${bullets(['I want the parcel today', 'I am unsure my address was right', 'I am busy / it is not urgent', 'I would rather not phone'])}`,
        ),
      );
  }
}

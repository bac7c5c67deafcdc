import type { CallerIdentificationContext } from '../../flows/callerIdentification.js';
import type { IdentifiedNumber, Lang, NumberKind } from '../../flows/types.js';
import { outsideDeliveryHours } from '../../flows/japanTime.js';
import { bullets, draft, pick, type Draft, type RenderContext } from './draft.js';

const VOUCHING_STATES = new Set(['deliveryDriver', 'officialSupport', 'officialSmsSender']);

export function renderCallerIdentification(state: string, ctx: CallerIdentificationContext, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const { delivery } = rc.knowledge;
  const details = ctx.numbers.map((n) => describeNumber(n, rc)).join('\n\n');
  const reasons = bullets(delivery.reasons.map((r) => r[rc.lang]));
  const { from, to } = delivery.deliveryHours;
  const afterHours = outsideDeliveryHours(ctx.at, delivery.deliveryHours);
  // A known number's reassuring answer would contradict the warning next to it; the number's identity is enough.
  if (rc.besideScamWarning && VOUCHING_STATES.has(state)) {
    return draft(['scam:orders', 'menu'], `${details}\n\n${t('ただし着信画面の番号は偽装できます。番号だけで本物と判断しないでください。', 'But the number on your screen can be faked: it proves nothing on its own.')}`);
  }
  switch (state) {
    case 'deliveryDriver':
      // The next question is nearly always "should I call back?": its four answers are one tap away.
      return {
        ...draft(
          [
            'callback:situation:wantsToday', 'callback:situation:addressWorry', 'callback:situation:busy',
            'callback:situation:dislikesPhone', 'caller:reasons', 'scam:orders', 'faq:saveContact', 'menu',
          ],
          details,
          t(
            `よくある用件はこの4つです。\n${reasons}\n\n詐欺ではないのが普通ですが、番号は偽装もできます。お金やカード番号の話が出たら切ってください。\n\n${afterHours ? `🌙 いまは配達の時間外(おおむね${from}時〜${to}時)なので、折り返してもつながりません。朝になったらアプリの注文履歴で確かめてください。` : '折り返すか迷ったら、いまの状況に近いものを選んでください。'}`,
            `They usually call for one of these:\n${reasons}\n\nIt is normally not a scam, but caller ID can be faked: if money or card numbers come up, hang up.\n\n${afterHours ? `🌙 Drivers work roughly ${from}:00–${to}:00, so calling back now reaches no one. In the morning, check the order history in the app.` : 'Not sure whether to call back? Pick what fits you now.'}`,
          ),
        ),
        followUps: { why: 'caller:reasons', yes: 'callback:ask', willCallBack: 'callback:will' },
      };
    case 'callReasons':
      return {
        ...draft(
          ['callback:ask', 'scam:orders', 'menu'],
          t(
            `0120-070-585(Amazonの委託配送ドライバー)からの電話なら、配達の現場で人の判断が要るときです。\n${reasons}\n\n荷物を持ち帰る前の最後の確認であることが多いので、急ぎの連絡です。${ctx.numbers.length === 0 ? '\n\n別の番号だった・番号が分からないときは、折り返す前にアプリの注文履歴で配達中の荷物があるか確かめてください。' : ''}`,
            `If the call came from 0120-070-585 (Amazon's contracted delivery drivers), a driver needs a decision on the spot:\n${reasons}\n\nIt is often their last try before taking the parcel back, so it is urgent.${ctx.numbers.length === 0 ? '\n\nIf it was another number, or you do not know the number, check the order history in the app for a parcel on its way before calling anyone back.' : ''}`,
          ),
        ),
        followUps: { willCallBack: 'callback:will' },
      };
    case 'officialSupport':
      return draft(['support:steps', 'support:fake', 'scam:ask', 'menu'], details);
    case 'officialSmsSender':
      return draft(['scam:orders', 'scam:sign:smsLink', 'menu'], details);
    case 'internationalNumber':
      return draft(
        ['scam:ask', 'scam:orders', 'menu'],
        details,
        t(
          '心当たりのない海外からの着信やSMSは、詐欺によく使われます。折り返さず、リンクも開かないでください。',
          'Unexpected calls or texts from abroad are a common scam tool. Do not call back and do not open links.',
        ),
      );
    case 'unknownNumber':
      return draft(
        ['scam:ask', 'scam:orders', 'faq:silentCall', 'menu'],
        details,
        t(
          'この番号は確認済みの一覧にないので、どこの会社かは断定しません。荷物を待っているなら、電話ではなくアプリの注文履歴で確かめるのが安全です。',
          'This number is not in my vetted list, so I will not guess who it is. If you are expecting a parcel, check the order history in the app rather than calling back.',
        ),
      );
    case 'numberNotRead':
      return draft(
        ['caller:reasons', 'scam:orders', 'menu'],
        t(
          '送ってもらった数字は、電話番号としては桁が合いませんでした(1桁足りない・多いなど)。着信履歴の番号を、もう一度そのまま送ってください。',
          'The digits you sent do not make a phone number (one too few or too many?). Please send the number from your call history again, exactly as shown.',
        ),
      );
    default:
      return draft(
        ['caller:reasons', 'scam:orders', 'menu'],
        t(
          '着信した電話番号を送ってください(例:0120-070-585)。ハイフンなし・全角でも大丈夫です。\n番号が分からないときは、アプリの注文履歴で配達中の荷物があるかを見れば、配達の電話だったかどうか分かります。',
          'Send me the number that called you (for example 0120-070-585). Any format works.\nIf you do not know the number, the order history in the app shows whether a parcel is on its way, which tells you whether it was a delivery call.',
        ),
      );
  }
}

function describeNumber(n: IdentifiedNumber, rc: RenderContext): string {
  const t = pick(rc.lang);
  const vetted = n.vettedId ? rc.knowledge.numbers.numbers.find((v) => v.id === n.vettedId) : undefined;
  if (vetted) {
    // "折り返したらお金かかる?" is a common worry; toll-free numbers cost the caller nothing.
    const free = n.kind === 'tollFree' ? t('フリーダイヤルなので、かけても通話料はかかりません。', 'It is toll-free: calling it costs you nothing.') : '';
    return t(`📞 ${vetted.dial} は「${vetted.owner.ja}」の番号です。\n${vetted.note.ja}${free}`, `📞 ${vetted.dial} is ${vetted.owner.en}.\n${vetted.note.en} ${free}`.trimEnd());
  }
  return `📞 ${n.display}: ${kindText(n, rc)}`;
}

function kindText(n: IdentifiedNumber, rc: RenderContext): string {
  const t = pick(rc.lang);
  const area = n.areaPrefix ? rc.knowledge.areaCodes.areas.find((a) => a.prefix === n.areaPrefix) : undefined;
  const texts: Record<NumberKind, () => string> = {
    tollFree: () =>
      t(
        'フリーダイヤル(0120・0800で始まる番号)。通話料は受ける企業側が払う番号で、企業が発信にも使います。どの会社かは番号だけでは分かりません。',
        'A toll-free number (starting 0120 or 0800): the receiving company pays, and companies also call out from them. The number alone does not tell which company.',
      ),
    naviDial: () =>
      t(
        'ナビダイヤル(0570)。かけた側に通話料がかかり、携帯のかけ放題も対象外です。折り返すと料金が発生します。',
        'A navi-dial number (0570): the caller pays, and flat-rate mobile plans do not cover it, so calling back costs you.',
      ),
    ipPhone: () =>
      t(
        'IP電話(050)。誰でも安く取得できる番号なので、相手を確かめてから対応してください。',
        'An IP phone number (050). Anyone can get one cheaply, so confirm who it is before engaging.',
      ),
    mobile: () =>
      // The prefixes are listed with separators the phone guard does not join into one dialable run.
      t('携帯電話の番号(060・070・080・090)。個人や配達員の携帯のこともあります。', 'A mobile number (060, 070, 080, 090): could be a person, or a courier on their own phone.'),
    fixedLine: () =>
      area
        ? t(`固定電話(${area.prefix}:${area.ja})。`, `A fixed line (${area.prefix}: ${area.en}).`)
        : t('固定電話の番号です。', 'A fixed-line number.'),
    international: () =>
      t(
        `海外の番号(${countryName(n.country, 'ja')})。`,
        `An international number (${countryName(n.country, 'en')}).`,
      ),
    other: () => t('特殊な番号です。心当たりがなければ折り返さないでください。', 'An unusual number; if you do not recognise it, do not call back.'),
  };
  return texts[n.kind]();
}

function countryName(code: string | undefined, lang: Lang): string {
  if (!code) return lang === 'ja' ? '国不明' : 'country unknown';
  return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
}

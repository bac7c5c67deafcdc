import { phoneStatusAt, toJapanTime, type PhoneStatus } from '../../flows/japanTime.js';
import type { SupportChannelContext } from '../../flows/supportChannel.js';
import { bullets, draft, numbered, pick, type Draft, type RenderContext } from './draft.js';

export function renderSupportChannel(state: string, ctx: SupportChannelContext, rc: RenderContext): Draft {
  const t = pick(rc.lang);
  const { support } = rc.knowledge;
  const channel = (id: string) => support.channels.find((c) => c.id === id)!;
  const describe = (id: string) => `${channel(id)[rc.lang]}: ${channel(id).summary[rc.lang]}`;
  const steps = numbered(support.callbackSteps[rc.lang]);
  const official = rc.knowledge.numbers.numbers.filter((n) => n.role === 'officialSupport').map((n) => n.dial).join(rc.lang === 'ja' ? ' と ' : ' and ');
  switch (state) {
    case 'recommendPhone':
      return draft(
        ['support:steps', 'support:hours', 'prep:ask', 'menu'],
        t(`☎️ 急ぎなら、今は電話(折り返し)がおすすめです。\n${describe('phoneCallback')}`, `☎️ For something urgent, a phone callback is best right now.\n${describe('phoneCallback')}`),
        hoursText(phoneStatusAt(ctx.at, support), ctx.at, rc),
      );
    case 'recommendChat':
      return draft(
        ['support:hours', 'prep:ask', 'menu'],
        // The machine sends an urgent need here only while the phone is closed; asking for the chat, at any hour.
        ctx.need === 'chat'
          ? t(
              `💬 チャットなら24時間、文字で相談できます。\n${describe('chat')}\n\n電話(折り返し)は毎日${support.phone.hours.from}時〜${support.phone.hours.to}時です。`,
              `💬 Chat is open 24 hours, in writing.\n${describe('chat')}\n\nPhone callbacks run daily ${support.phone.hours.from}:00–${support.phone.hours.to}:00.`,
            )
          : t(
              `💬 電話窓口は今は受付時間外です。急ぎならチャットを使いましょう。\n${describe('chat')}`,
              `💬 The phone line is closed right now. For something urgent, use chat.\n${describe('chat')}`,
            ),
      );
    case 'recommendEmail':
      return draft(['support:hours', 'prep:ask', 'menu'], t(`✉️ メールが向いています。\n${describe('email')}`, `✉️ Email suits this.\n${describe('email')}`));
    case 'recommendSelfService':
      return draft(
        ['support:ask', 'prep:ask', 'menu'],
        t(
          `📖 まずはヘルプページで。解決しなければチャット→電話の順に進みましょう。\n${describe('selfService')}`,
          `📖 Start with the help pages; if that fails, move on to chat, then phone.\n${describe('selfService')}`,
        ),
      );
    case 'specialRoute': {
      const route = support.specialRoutes.find((r) => r.id === ctx.need) ?? support.specialRoutes[0]!;
      return draft(
        route.id === 'device' ? ['prep:topic:device', 'support:steps', 'menu'] : ['support:steps', 'prep:ask', 'menu'],
        `⭐ ${route[rc.lang]}\n${route.how[rc.lang]}`,
      );
    }
    case 'phoneHoursNow':
      return draft(['support:steps', 'support:need:urgent', 'prep:ask', 'menu'], hoursText(phoneStatusAt(ctx.at, support), ctx.at, rc));
    case 'callbackSteps':
      return draft(
        ['prep:ask', 'support:hours', 'support:fake', 'menu'],
        t(
          `☎️ Amazonへの電話は、こちらからかけるのではなく、アプリ/サイトで折り返しを頼む形です。\n${steps}\n\n受付は${support.phone.hours.from}時〜${support.phone.hours.to}時です。\n\n正規の番号として知られているのは ${official} だけです。ネットで見つけた別の番号にはかけないでください。`,
          `☎️ You do not dial Amazon; you ask them to call you from the app or website:\n${steps}\n\nThe line is staffed ${support.phone.hours.from}:00–${support.phone.hours.to}:00.\n\nThe only genuine numbers known are ${official}. Do not call any other number you find online.`,
        ),
      );
    case 'fakeNumberSigns':
      return draft(
        ['support:steps', 'scam:ask', 'menu'],
        t(
          `🚫 Amazonは電話番号を大きく公開していません。こんな番号は使わないでください。\n${bullets(support.fakeNumberSigns.map((s) => s.ja))}\n\n確実なのは、アプリ/サイトから折り返しを頼むことです。`,
          `🚫 Amazon does not advertise a phone number. Avoid any number like these:\n${bullets(support.fakeNumberSigns.map((s) => s.en))}\n\nThe safe route is to request a callback from the app or website.`,
        ),
      );
    default:
      return draft(
        ['support:need:urgent', 'support:need:detailed', 'support:need:simple', 'support:need:chat', 'support:need:prime', 'support:need:business', 'support:need:device', 'support:hours', 'support:fake', 'menu'],
        t(
          `どんな相談ですか?合う窓口を選びます。\n${bullets(support.channels.map((c) => `${c.ja}: ${c.summary.ja}`))}`,
          `What kind of problem is it? I will pick the channel.\n${bullets(support.channels.map((c) => `${c.en}: ${c.summary.en}`))}`,
        ),
      );
  }
}

function hoursText(status: PhoneStatus, at: number, rc: RenderContext): string {
  const t = pick(rc.lang);
  const now = toJapanTime(at);
  const clock = `${now.hour}:${String(now.minute).padStart(2, '0')}`;
  const quietOf = (ranges: readonly { from: number; to: number }[]) => ranges.map((r) => `${r.from}–${r.to}${t('時', ':00')}`).join(', ');
  const { crowd: table } = rc.knowledge.support;
  const dayKind = status.dayType === 'weekday' ? t('平日', 'weekday') : t('土日祝', 'weekend/holiday');
  const lines: string[] = [];
  if (!status.open) {
    lines.push(
      t(
        `🕘 いま(日本時間 ${clock})は電話の受付時間外です。受付は毎日${status.hours.from}時〜${status.hours.to}時。チャットなら24時間使えます。`,
        `🕘 It is ${clock} in Japan: the phone line is closed. It is staffed daily ${status.hours.from}:00–${status.hours.to}:00; chat is open 24 hours.`,
      ),
    );
  } else {
    const crowd = {
      busy: t('混みやすい時間帯です', 'usually a busy time'),
      normal: t('ふつうの混み具合です', 'usually moderately busy'),
      quiet: t('比較的すいている時間帯です', 'usually a quiet time'),
    }[status.crowd];
    lines.push(t(`🕘 いま(日本時間 ${clock}・${dayKind})は受付中で、${crowd}。`, `🕘 It is ${clock} in Japan (${dayKind}): the line is open, ${crowd}.`));
  }
  // Both kinds of day: "日曜は?" is asked on a Tuesday.
  lines.push(
    t(
      `すいている時間:平日 ${quietOf(table.weekday.quiet)}、土日祝 ${quietOf(table.weekendOrHoliday.quiet)}`,
      `Quieter hours: weekdays ${quietOf(table.weekday.quiet)}, weekends/holidays ${quietOf(table.weekendOrHoliday.quiet)}`,
    ),
  );
  if (status.peakMorning) lines.push(rc.knowledge.support.crowd.worst[rc.lang]);
  if (status.yearEnd) lines.push(rc.knowledge.support.phone.yearEnd[rc.lang]);
  return lines.join('\n');
}

/** English copy: the answer in the first sentence, then the reason and the next step, briefly. */
import type { Messages } from './types.js';

const lines = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n');
const paras = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join('\n\n');
const bullets = (items: readonly string[]) => items.map((i) => `・${i}`).join('\n');
const numbered = (items: readonly string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');
const hours = (h: { from: number; to: number }) => `${h.from}:00–${h.to}:00`;

export const en = {
  typeToChoose: ({ labels }) => `(No buttons? Type "${labels.join('" or "')}".)`,
  list: { bullets: ({ items }) => bullets(items), numbered: ({ items }) => numbered(items) },
  caller: {
    known: ({ dial, owner, note, tollFree }) => `📞 ${dial} is ${owner}. ${note}${tollFree ? ' It is toll-free: calling it back costs you nothing.' : ''}`,
    unvetted: ({ display, kind }) => `📞 ${display}: ${kind}`,
    kinds: {
      tollFree: 'a toll-free number (0120 or 0800): the receiving company pays, and companies also call out from them. The number alone does not tell which company.',
      naviDial: 'a navi-dial number (0570): the caller pays, and flat-rate mobile plans do not cover it.',
      ipPhone: 'an IP phone number (050). Anyone can get one cheaply, so confirm who it is before engaging.',
      // The prefixes are listed with separators the phone guard does not join into one dialable run.
      mobile: 'a mobile number (060, 070, 080, 090): could be a person, or a courier on their own phone.',
      other: 'an unusual number; if you do not recognise it, do not call back.',
      fixedLine: ({ prefix, area }) => (prefix && area ? `a fixed line (${prefix}: ${area}).` : 'a fixed-line number.'),
      international: ({ country }) => `an international number (${country}).`,
    },
    besideScamWarning: ({ dial, owner }) => `📞 Even if the screen showed ${dial} (${owner}), caller ID can be faked, so the number proves nothing.`,
    deliveryWindow: {
      edge: (h) => `🕘 Drivers normally call ${hours(h)}, a little earlier or later in busy seasons, so one may still answer now.`,
      night: (h) => `🌙 Drivers work roughly ${hours(h)}, so calling back now will almost surely reach no one. In the morning, check the order history in the app.`,
    },
    states: {
      deliveryDriver: ({ dial, window, hours: h }) => ({
        headline: `📞 ${dial} is an Amazon contracted delivery driver.`,
        body: lines(
          `📞 ${dial} is an Amazon contracted delivery driver, and normally not a scam (it is not Amazon customer service).`,
          'They call when a delivery is stuck: nobody answered the door, an address to confirm, an auto-lock, or a drop-off spot that will not work; it is urgent, often their last try before taking the parcel back. It is toll-free to call back.',
          window === 'within' && 'Want it today, or unsure of your address? Call back. Not in a hurry? Just arrange redelivery in the app.',
          window === 'edge' && `Drivers normally call ${hours(h)}, with some margin, so one may still answer now.`,
          window === 'night' && `🌙 Drivers work roughly ${hours(h)}, so calling back now will almost surely reach no one. In the morning, check the order history in the app.`,
          'If money or card numbers come up, hang up (caller ID can be faked).',
        ),
      }),
      callReasons: ({ dial, reasons, numberKnown, otherCarriers }) => ({
        headline: `A call from ${dial} means a driver needs something to deliver your parcel.`,
        body: lines(
          `${numberKnown ? 'A call' : 'If the call came'} from ${dial} (Amazon's contracted delivery drivers), a driver needs a decision on the spot. The four usual reasons:`,
          bullets(reasons),
          'It is often their last try before taking the parcel back, so it is urgent.',
          otherCarriers,
          !numberKnown && 'If it was another number, or you do not know it, check the order history in the app for a parcel on its way before calling anyone back.',
        ),
      }),
      officialSupport: ({ identity }) => ({ headline: identity.split('\n')[0]!, body: identity }),
      officialSmsSender: ({ identity }) => ({
        headline: identity.split('\n')[0]!,
        body: lines(identity, 'Amazon may text you after a missed delivery, sometimes from numbers that look foreign.'),
      }),
      internationalNumber: ({ identity }) => ({
        headline: `${identity} Unexpected contact from abroad is a common scam tool.`,
        body: lines(
          `${identity} Unexpected calls or texts from abroad are a common scam tool: do not call back and do not open links.`,
          "Amazon's delivery texts can come from foreign-looking numbers too, so for a parcel, check the order history in the app.",
        ),
      }),
      unknownNumber: ({ identity }) => ({
        headline: identity,
        body: lines(identity, 'It is not in my vetted list, so I will not guess whose it is. If you are expecting a parcel, check the order history in the app before calling back.'),
      }),
      numberNotRead: () => ({
        headline: 'The digits you sent do not make a phone number.',
        body: 'The digits you sent do not make a phone number (one too few or too many?). Please send the number from your call history again, exactly as shown.',
      }),
      awaitingNumber: () => ({
        headline: 'Send me the number that called you.',
        body: 'Send me the number that called you (for example 0120-070-585); any format works. If you do not know it, the order history in the app shows whether a parcel is on its way, which tells you whether it was a delivery call.',
      }),
    },
  },
  callback: {
    night: ({ from, to, addressWhy }) =>
      lines(
        `🌙 Drivers work roughly ${from}:00–${to}:00, so calling back now will almost surely reach no one.`,
        'In the morning, check the order in the app and arrange redelivery if needed.',
        addressWhy && `${addressWhy} Check first thing in the morning.`,
      ),
    edge: ({ from, to }) =>
      `🕘 Drivers normally call ${from}:00–${to}:00, a little later in busy seasons, so one may still answer: try once, and if not, arrange redelivery in the app.`,
    states: {
      askingSituation: () => ({
        headline: 'If it is not urgent, you do not need to call back.',
        body: lines(
          'If it is not urgent, you do not need to answer or call back: a slip or an app notice follows, and you can arrange redelivery in the app when it suits you.',
          'Call back if you want the parcel today or are unsure your address was right.',
        ),
      }),
      adviseCallBack: ({ why, script }) => ({
        headline: '✅ Call back.',
        body: lines(`✅ Call back. ${why}`, `The sooner the better: the driver is still close. Say "${script}" and they will know.`),
      }),
      callingBack: ({ script }) => ({
        headline: '☎️ Call back soon.',
        body: lines(
          `☎️ Call back soon, and say "${script}".`,
          'If nobody answers they are probably driving or at a door: do not keep redialling, just arrange redelivery in the app.',
        ),
      }),
      adviseApp: ({ why }) => ({
        headline: '📱 No need to call back.',
        body: lines(`📱 No need to call back. ${why}`, 'If you miss them, a slip or a "delivery attempted" notice follows; arrange redelivery in the app when it suits you.'),
      }),
      tryAgainLater: ({ why }) => ({
        headline: '☎️ That happens a lot.',
        body: lines(`☎️ That happens a lot. ${why}`, 'Wait a little and try once more.'),
      }),
      switchToApp: ({ why }) => ({
        headline: 'You can stop calling.',
        body: lines(
          `You have tried enough: you can stop calling. ${why}`,
          'Count it as luck if it connects; otherwise check the delivery status in the app or arrange redelivery, and ask customer service if you are still stuck.',
        ),
      }),
      redeliveryRoute: ({ steps }) => ({
        headline: '📦 Arrange redelivery in the app.',
        body: lines('📦 You can arrange redelivery in the app or on the website, no call needed:', numbered(steps)),
      }),
    },
  },
  scam: {
    hangUpNow: '📵 Hang up now, and tell them nothing more.',
    remoteApp: '📵 Hang up now and do not show them your screen. Delete the app they had you install.',
    itWasAScam: '⚠️ That was a scam.',
    reported: ({ signs }) => bullets(signs),
    link: {
      amazon: ({ host }) => `・${host}: looks like an Amazon domain, but the sender of a text or e-mail can be forged. Check in the app, not through the link.`,
      other: ({ host }) => `・${host}: not one of Amazon's domains. If the message claims to be Amazon, it is fake.`,
      imitation: ({ host, reason }) =>
        `・${host}: ⚠️ this is not Amazon's site (${{
          lookalike: 'a different domain spelled to look like Amazon',
          brandElsewhere: "it puts Amazon's name inside someone else's domain",
          punycode: 'the domain uses look-alike characters',
          shortener: 'a link shortener hides where it really goes',
          ipAddress: 'a bare numeric address with no domain name',
        }[reason]}).`,
    },
    help: {
      card: "💳 Call your card company now and have the card stopped. Their number is on the back of the card, or in the card company's app or statement.",
      keepEvidence: 'Keep the transfer slip, or the gift cards and their receipts: you will need them when you report it.',
      password: '🔑 Change your Amazon password now (in the official app or site you open yourself, not through the link), then look for orders you did not make.',
      lines: ({ lines: l }) => `🆘 Get help; you are not alone in this: ${l.map((h) => `${h.name} ${h.dial}`).join(', ')}.`,
      report: ({ where }) => `Phishing can be reported to ${where}.`,
    },
    states: {
      askingWhatHappened: () => ({
        headline: 'Tell me what happened.',
        body: 'Tell me what happened: write what they said or asked for, and I will tell you what it means (for example "they asked for my card number").',
      }),
      scamConfirmed: ({ signs, giftCard }) => ({
        headline: '⚠️ That is a scam sign.',
        body: lines(
          '⚠️ That is a scam. On a call, hang up now; in a text, do not tap the link or reply.',
          bullets(signs),
          giftCard ? 'Being told to pay with gift cards is, on its own, a scam.' : 'Real drivers and Amazon never ask for money or card numbers by phone or text.',
          'If in doubt, say "I will check in the app" and hang up, then look at your order history.',
        ),
      }),
      suspicious: ({ signs }) => ({
        headline: '⚠️ Do not trust that contact on its own.',
        body: lines(
          '⚠️ Do not trust that contact on its own: caller ID and text senders can be faked.',
          bullets(signs),
          'Do not tap links in texts or call back unknown numbers; open the app yourself and check your order history.',
        ),
      }),
      verifyingInApp: ({ steps }) => ({
        headline: '🔍 Your order history in the app tells you whether it is real.',
        body: lines('🔍 The surest check is your order history in the app:', numbered(steps)),
      }),
      linkWarning: ({ lines: l }) => ({
        headline: '🔗 Do not tap the link.',
        body: lines('🔗 Do not tap the link.', ...l, 'If it is about a parcel, open the Amazon app yourself and look at your order history.'),
      }),
      gettingHelp: ({ first, lines: helpLines, passwordToo, report }) => ({
        headline: '🆘 Act now.',
        body: paras(lines(...first), lines(helpLines, passwordToo && 'Change your Amazon password too.', report)),
      }),
    },
  },
  support: {
    hours: {
      open: ({ clock, weekend, crowd }) => `It is ${clock} in Japan (${weekend ? 'weekend/holiday' : 'weekday'}): open now, ${{ busy: 'usually a busy time', normal: 'moderately busy', quiet: 'usually quiet' }[crowd]}.`,
      closed: ({ clock, weekend }) => `It is ${clock} in Japan (${weekend ? 'weekend/holiday' : 'weekday'}): the phone line is closed now. Chat is open 24 hours (and you can e-mail).`,
      quiet: ({ weekday, weekend }) => `Quietest: weekdays ${weekday}, weekends/holidays ${weekend}.`,
      nextQuiet: ({ when, from, to }) => (when === 'now' ? '' : `Next quiet time: ${when} ${from}:00–${to}:00.`),
      range: (h) => hours(h),
      everyDay: (h) => `The phone line is staffed daily ${hours(h)}, weekends included. `,
    },
    states: {
      choosingNeed: (h) => ({
        headline: 'Pick the channel by what you need.',
        body: lines(
          `Urgent: phone callback (daily ${hours(h)}). At night or where you cannot talk: chat (24 hours). Photos or a long story: e-mail (reply in 1–2 business days).`,
          'Returns, password changes and tracking you can do yourself on the help pages, fastest of all.',
        ),
      }),
      recommendPhone: ({ status }) => ({
        headline: '☎️ For something urgent, phone is best right now.',
        body: lines(`☎️ For something urgent, phone is best right now. ${status}`, 'You do not dial a number: request a callback under Customer Service in the app or on the site, and they ring within minutes.'),
      }),
      recommendChat: ({ from, to, asked }) => ({
        headline: asked ? '💬 Chat is open 24 hours.' : '💬 The phone line is closed now: use chat.',
        body: asked
          ? lines(
              '💬 Chat is open 24 hours: under Customer Service in the app or on the site, pick the topic, then choose chat.',
              `An automatic guide first, then a person if needed, and the log stays with you. Phone callbacks run daily ${from}:00–${to}:00.`,
            )
          : lines(`💬 The phone line is closed now (daily ${from}:00–${to}:00), so for something urgent use chat, open 24 hours.`, 'You can also e-mail (reply in 1–2 business days).'),
      }),
      recommendEmail: () => ({
        headline: '✉️ Expect an e-mail reply in 1–2 business days.',
        body: lines(
          '✉️ Expect an e-mail reply in 1–2 business days. E-mail suits long explanations and attaching photos or documents.',
          'Send it from the help pages after picking the topic; if it is urgent, use phone or chat as well.',
        ),
      }),
      recommendSelfService: () => ({
        headline: '📖 You can do this yourself in the app or on the help pages, no call needed.',
        body: lines(
          '📖 You can do this yourself in the app or on the help pages, no call needed (order history, returns and refunds, password changes, tracking). They are open 24 hours and the fastest way.',
          'If that does not solve it, move on to chat or a phone callback.',
        ),
      }),
      specialRoute: ({ name, how }) => ({ headline: `⭐ ${name}: ${how.split('. ')[0]}.`, body: `⭐ ${name}: ${how}` }),
      phoneHoursNow: ({ status, quiet, next, extra }) => ({ headline: `🕘 ${status}`, body: lines(`🕘 ${status}`, quiet, next, ...extra) }),
      callbackSteps: ({ from, to, steps, official }) => ({
        headline: '☎️ You do not dial Amazon: you request a callback in the app or on the site.',
        body: lines(
          `☎️ You do not dial Amazon: you request a callback in the app or on the site (staffed daily ${from}:00–${to}:00).`,
          numbered(steps),
          `If you are given a number, the only genuine ones are ${official.join(' and ')}. Do not call numbers found online.`,
        ),
      }),
      fakeNumberSigns: ({ signs }) => ({
        headline: '🚫 Do not call an "Amazon support" number you found online.',
        body: lines(
          '🚫 Do not call an "Amazon support" number you found online: fakes are spreading, and they take your personal or card data or run up high call charges.',
          bullets(signs),
          'The safe route is a callback requested in the official app or site.',
        ),
      }),
    },
  },
  prepare: {
    commonTitle: '📝 Have these ready before you call',
    topicTitle: ({ topic }) => `📝 Have these ready (${topic})`,
    states: {
      commonChecklist: () => ({ headline: '📝 Before calling, have your order number and account details at hand.', body: '' }),
      checklist: () => ({ headline: '📝 Before calling, have your order number and account details at hand.', body: '' }),
      explainTips: ({ tips }) => ({
        headline: '🗣️ Start with the order number, then say what you need in one line.',
        body: lines('🗣️ How to explain it well', numbered(tips), 'Keep notes and screenshots: they help if you have to call again.'),
      }),
    },
  },
  menu: {
    welcome: 'Thanks for adding me. I help you decide what to do about an unknown caller, or how to reach Amazon support.',
    reset: "Let's start over.",
    body: 'What I can do: tell you whose number it is (just send it), whether to call back, whether it is a scam, which support channel is open now, and what to prepare before calling.',
    hello: 'Hello!',
    thanks: 'You are welcome. If another call or message worries you, just send me the number or paste the text.',
  },
  fallback: {
    text: "Sorry, I didn't quite get that.",
    empty: 'That message looks empty.',
    sticker: 'Thanks for the sticker!',
    media: "I can't read images or audio yet.",
    staleButton: 'That button belongs to an earlier conversation.',
    badButton: "I couldn't handle that button.",
    otherLanguage: 'Please write in Japanese or English.',
    didYouMean: 'Did you mean one of these?',
    sendNumber: 'Send me the number that called you, or tell me what you want to know.',
  },
  faqHeadline: {
    unorderedParcel: 'Even without an order, it may be a gift or a Subscribe & Save delivery.',
    oddHours: 'Drivers normally call between 8:00 and 21:00.',
    silentCall: 'A silent call or single ring is usually a mis-tap or a weak signal.',
    saveContact: 'Better not to block it.',
  },
} satisfies Messages;

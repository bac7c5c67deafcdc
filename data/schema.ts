/**
 * Schemas of the knowledge files in this folder. Every fact names the document it comes from,
 * so a reviewer can trace any sentence the bot says back to its source.
 */
import { z } from 'zod';
import { TOPICS } from '../flows/types.js';

export const Source = z.enum([
  'seed:000', // shared/seeds/000_90e91f4020fdf27f.txt — calls from 0120-070-585
  'seed:001', // shared/seeds/001_25ea1163c12dbf47.txt — reaching Amazon customer service
  'shared:line-platform.md',
  'mic:numbering-plan', // Japan's public numbering plan (市外局番)
  'operator', // checked by whoever runs the bot against the owner's own pages; not in the seed documents
  'project-examples', // messages written for this project to teach the topic classifier
  'bot-advice', // the bot's own advice, beyond the documents: each such entry says why (`why`)
]);

const Bilingual = z.object({ ja: z.string().min(1), en: z.string().min(1) });
const BilingualList = z.object({ ja: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) });
const HourRange = z
  .object({ from: z.number().int().min(0).max(24), to: z.number().int().min(0).max(24) })
  .refine((r) => r.from < r.to, 'from must be before to');

/** Digits as people write them in Japan, optionally with hyphens; "#9110" style short codes for help lines. */
const DomesticDial = z.string().regex(/^0\d{1,4}(-\d{1,4}){1,3}$/, 'write the number as dialled in Japan, with hyphens');

export const NumbersFile = z.object({
  numbers: z.array(
    z.object({
      id: z.string().min(1),
      dial: DomesticDial,
      role: z.enum(['deliveryDriver', 'officialSupport', 'smsSender']),
      owner: Bilingual,
      note: Bilingual,
      source: Source,
    }),
  ),
  helpLines: z.array(
    z.object({
      id: z.enum(['consumer-hotline', 'police-consultation', 'police-emergency']),
      dial: z.string().regex(/^#?\d{3,4}$/),
      name: Bilingual,
      use: Bilingual,
      source: Source,
    }),
  ),
});

export const AreaCodesFile = z.object({
  source: Source,
  areas: z.array(z.object({ prefix: z.string().regex(/^0\d{1,4}$/), ja: z.string(), en: z.string() })),
});

const SourcedBilingual = Bilingual.extend({ source: Source });
const SourcedList = BilingualList.extend({ source: Source });

export const DeliveryFile = z.object({
  /** `detail`: the answer when the user's own words name this reason ("オートロックだから?"). */
  reasons: z.array(SourcedBilingual.extend({ id: z.enum(['notHome', 'address', 'autoLock', 'dropOff']), detail: Bilingual })).length(4),
  callbackAdvice: z
    .array(
      z.object({
        situation: z.enum(['wantsToday', 'addressWorry', 'busy', 'dislikesPhone']),
        /** The advice for this situation in one sentence, with its reason when it fits. */
        lead: Bilingual,
        advice: z.enum(['callBack', 'useApp']),
        why: Bilingual,
        source: Source,
      }),
    )
    .length(4),
  notConnecting: SourcedBilingual.extend({ retryBeforeSwitching: z.number().int().min(1).max(5) }),
  redeliverySteps: SourcedList,
  deliveryHours: z.object({ from: z.number().int(), to: z.number().int(), source: Source }),
  faq: z.array(SourcedBilingual.extend({ id: z.enum(['unorderedParcel', 'oddHours', 'silentCall', 'saveContact']) })).length(4),
});

export const ScamFile = z.object({
  signs: z.array(
    SourcedBilingual.extend({
      id: z.enum([
        'moneyDemand', 'cardNumber', 'giftCard', 'remoteApp', 'personalData',
        'urgency', 'smsLink', 'spoofedNumber', 'oddHours', 'fakeSupportNumber',
      ]),
      severity: z.enum(['scam', 'caution']),
      /** What the bot says first when this sign is reported: the verdict, in one sentence. */
      verdict: Bilingual,
    }),
  ),
  facts: z.array(SourcedBilingual.extend({ id: z.string() })),
  orderHistorySteps: SourcedList,
  cardCompanyAdvice: SourcedBilingual,
  phishingReport: SourcedBilingual,
});

export const SupportFile = z.object({
  phone: z.object({ hours: HourRange, everyDay: z.boolean(), yearEnd: SourcedBilingual, source: Source }),
  crowd: z.object({
    weekday: z.object({ busy: z.array(HourRange), quiet: z.array(HourRange) }),
    weekendOrHoliday: z.object({ busy: z.array(HourRange), quiet: z.array(HourRange) }),
    worst: SourcedBilingual,
    source: Source,
  }),
  callbackSteps: SourcedList,
  channels: z.array(
    Bilingual.extend({ id: z.enum(['phoneCallback', 'chat', 'email', 'selfService']), summary: Bilingual, source: Source }),
  ),
  specialRoutes: z.array(Bilingual.extend({ id: z.enum(['prime', 'business', 'device']), how: Bilingual, source: Source })),
  fakeNumberSigns: z.array(SourcedBilingual),
});

export const ChecklistsFile = z.object({
  common: SourcedList,
  topics: z.array(
    Bilingual.extend({
      id: z.enum(['delivery', 'returnRefund', 'account', 'payment', 'device']),
      items: BilingualList,
      source: Source,
      /** Items the documents do not name, shown after the topic's own: the bot's advice, with its reason. */
      ownAdvice: BilingualList.extend({ source: z.literal('bot-advice'), why: z.string().min(1) }).optional(),
    }),
  ),
  explainTips: SourcedList,
});

/** Facts of the two documents that no other data file holds (data/notes.json). */
export const NotesFile = z.object({ notes: z.array(SourcedBilingual.extend({ id: z.string().regex(/^D[01]-\d{2}$/) })) });

/**
 * The fact ledger (data/facts/D0.json, D1.json): each fact of shared/seed-facts.tsv, where it lives in data/
 * (a JSON pointer), the heading of the passage it comes from, and the matcher that tells whether a reply states it.
 */
export const FactsFile = z.object({
  facts: z.array(
    z.object({
      id: z.string().regex(/^D[01]-\d{2}$/),
      home: z.string().regex(/^[a-z-]+\.json#\/.*$/),
      passage: z.string().min(1).max(40),
      match: z.object({ ja: z.string().min(3), en: z.string().min(3) }),
    }),
  ),
});

const Domain = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'a lower-case registrable domain such as amazon.co.jp');

export const DomainsFile = z.object({
  official: z.array(z.object({ domain: Domain, source: Source })).min(1),
  brands: z.array(z.object({ name: z.string().regex(/^[a-z0-9]{3,}$/), source: Source })).min(1),
  shorteners: z.object({ source: Source, domains: z.array(Domain) }),
});

/** One line of data/understanding/*.jsonl; only text and topic teach the classifier. */
export const TrainingExample = z.object({
  text: z.string().min(1).max(1000),
  lang: z.enum(['ja', 'en']),
  topic: z.enum(TOPICS),
  source: Source,
});
export type TrainingExample = z.infer<typeof TrainingExample>;

export interface Knowledge {
  numbers: z.infer<typeof NumbersFile>;
  areaCodes: z.infer<typeof AreaCodesFile>;
  delivery: z.infer<typeof DeliveryFile>;
  scam: z.infer<typeof ScamFile>;
  support: z.infer<typeof SupportFile>;
  checklists: z.infer<typeof ChecklistsFile>;
  domains: z.infer<typeof DomainsFile>;
  training: TrainingExample[];
}
export type SupportHours = Knowledge['support'];

/** Every JSON file in data/ with the schema it must match; `npm run check-data` flags a file missing here. */
export const DATA_FILES: Readonly<Record<string, z.ZodType>> = {
  'numbers.json': NumbersFile,
  'area-codes.json': AreaCodesFile,
  'delivery.json': DeliveryFile,
  'scam.json': ScamFile,
  'support.json': SupportFile,
  'checklists.json': ChecklistsFile,
  'domains.json': DomainsFile,
  'notes.json': NotesFile,
  'facts/D0.json': FactsFile,
  'facts/D1.json': FactsFile,
};

/** Folders of data/ holding JSON Lines files (`*.jsonl`), with the schema each line must match. */
export const DATA_LINE_FOLDERS: Readonly<Record<string, z.ZodType>> = {
  understanding: TrainingExample,
};

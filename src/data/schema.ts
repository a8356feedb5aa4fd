/**
 * Shape of each data file. Only the build and the tests use these schemas (the extension gets the
 * already-validated dataset), so zod never reaches a bundle.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'is empty');
const httpsUrl = z.url({ protocol: /^https$/, error: 'is not an https URL' });
const isoDateTime = z.iso.datetime({ offset: true, error: 'is not an ISO 8601 date-time with offset' });

/** Both languages present; an empty `en` is a missing translation. */
const bilingual = z.object(
  {
    zh: text,
    en: z.string({ error: 'missing translation' }).trim().min(1, 'missing translation'),
  },
  { error: 'must be an object { zh, en }' },
);

export const episodeSchema = z.strictObject({
  number: z.int().min(1),
  title: bilingual,
  start: isoDateTime,
  end: isoDateTime.optional(),
  guests: z
    .array(z.strictObject({ name: bilingual, organization: bilingual, bio: bilingual }))
    .min(1, 'needs at least one guest'),
  summary: bilingual,
  outline: z.array(bilingual),
  replayUrl: httpsUrl,
  links: z.array(z.strictObject({ text: bilingual, url: httpsUrl })),
});

const qaId = z.string().regex(/^ep\d{2}-q\d{2}$/, 'is not of the form epNN-qMM');

export const qaSchema = z.strictObject({
  id: qaId,
  episode: z.int().min(1),
  number: z.int().min(1),
  question: bilingual,
  answer: bilingual,
});

/** Each answer is asked for in 8–15 ways per language (`AskList`). */
export const ASKS_PER_LANGUAGE = { min: 8, max: 15 } as const;
const askList = z
  .array(text)
  .min(ASKS_PER_LANGUAGE.min, `needs ${ASKS_PER_LANGUAGE.min}–${ASKS_PER_LANGUAGE.max} asks`)
  .max(ASKS_PER_LANGUAGE.max, `needs ${ASKS_PER_LANGUAGE.min}–${ASKS_PER_LANGUAGE.max} asks`);

export const asksSchema = z.strictObject({ id: qaId, en: askList, zh: askList });

export const glossarySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a kebab-case id'),
  name: bilingual,
  aliases: z.strictObject({
    en: z.array(text).min(1, 'needs at least one English alias'),
    zh: z.array(text),
  }),
  definition: bilingual,
  docsUrl: httpsUrl.optional(),
  related: z.array(z.string()).optional(),
  symptoms: z.strictObject({ en: z.array(text), zh: z.array(text) }).optional(),
});

export const datasetInfoSchema = z.strictObject({
  title: bilingual,
  source: z.strictObject({ url: httpsUrl, repository: httpsUrl, commit: z.string().regex(/^[0-9a-f]{40}$/), path: text }),
  licence: z.strictObject({ name: text, url: httpsUrl }),
  attribution: bilingual,
  translation: bilingual,
  links: z.array(z.strictObject({ text: bilingual, url: httpsUrl })),
});

/** `major.minor`, as releases are named in `data/currency.json` ("1.19", not "1.19.2" or "v1.19"). */
const minorVersion = z.string().regex(/^\d+\.\d{1,2}$/, 'is not a version like "1.19"');
const productVersion = z.strictObject({
  product: z.enum(['istio', 'envoy', 'kubernetes'], { error: 'is not a known product (istio, envoy, kubernetes)' }),
  version: minorVersion,
});

/**
 * One answer read against today's releases. What each status needs: a version where something
 * changed (`since`), what is true now (`now`) and where that is written (`sources`).
 */
export const currencySchema = z
  .strictObject({
    id: qaId,
    status: z.enum(['timeless', 'current', 'changed', 'superseded', 'unchecked'], {
      error: 'is not a known status (timeless, current, changed, superseded, unchecked)',
    }),
    since: productVersion.optional(),
    default: productVersion.optional(),
    now: bilingual.optional(),
    before: bilingual.optional(),
    sources: z.array(httpsUrl).min(1, 'needs at least one source').optional(),
    corrects: z.boolean().optional(),
    reviewed: z.strictObject({ istio: minorVersion, envoy: minorVersion }),
  })
  .superRefine((entry, context) => {
    const need = (field: 'since' | 'now' | 'sources', why: string) => {
      if (entry[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `is required when status is ${entry.status} (${why})` });
    };
    const refuse = (field: 'since' | 'default' | 'before' | 'now' | 'sources' | 'corrects') => {
      if (entry[field] !== undefined) context.addIssue({ code: 'custom', path: [field], message: `is not allowed when status is ${entry.status}` });
    };
    const changed = entry.status === 'changed' || entry.status === 'superseded';
    if (changed) need('since', 'the first release where the change landed');
    if (changed || entry.status === 'current') {
      need('now', 'what is true today');
      need('sources', 'where that is written');
    }
    if (!changed) {
      refuse('since');
      refuse('default');
      refuse('before');
    }
    if (entry.status === 'unchecked') {
      refuse('now');
      refuse('sources');
      refuse('corrects');
    }
    if (entry.corrects && !entry.now) context.addIssue({ code: 'custom', path: ['now'], message: 'is required to say what the correction is' });
    if (entry.default && entry.since && entry.default.product !== entry.since.product) {
      context.addIssue({ code: 'custom', path: ['default', 'product'], message: 'is not the product of since' });
    }
  });

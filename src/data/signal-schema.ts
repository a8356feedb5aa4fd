/**
 * Shape of the signal catalogue's files (`data/signals/*.json`, see `src/signals/types.ts`). Like
 * `schema.ts`, used by the build and the tests only.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'is empty');
const httpsUrl = z.url({ protocol: /^https$/, error: 'is not an https URL' });

/** Both languages, non-empty. */
const bilingual = z.strictObject(
  { en: text, zh: z.string({ error: 'missing translation' }).trim().min(1, 'missing translation') },
  { error: 'must be an object { en, zh }' },
);

/** A list in both languages, of at most four items (the same number in each). */
const bilingualList = (min: number) =>
  z
    .strictObject({ en: z.array(text).min(min, `needs at least ${min} item(s)`).max(4, 'has more than 4 items'), zh: z.array(text).max(4, 'has more than 4 items') }, { error: 'must be an object { en, zh }' })
    .refine((list) => list.en.length === list.zh.length, { message: 'en and zh have different numbers of items', path: ['zh'] });

const common = {
  meaning: bilingual,
  causes: bilingualList(0),
  check: bilingualList(1),
  docsUrl: httpsUrl,
  sources: z.array(httpsUrl).min(1, 'needs at least one source'),
  answers: z.array(z.string().regex(/^ep\d{2}-q\d{2}$/, 'is not an answer id (epNN-qMM)')),
};

export const flagSchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,6}$/, 'is not a response flag (2–6 capital letters)'),
  name: z.string().regex(/^[A-Z][A-Za-z]+$/, 'is not a PascalCase long name'),
  ...common,
});

/** Detail tokens are lower case with `_` and `.`, as Envoy writes them (`http1.codec_error`). */
const detailToken = z.string().regex(/^[a-z][a-z0-9_.]*[a-z0-9]$/, 'is not a detail token (lower case, _ and .)');

export const detailSchema = z.strictObject({
  token: detailToken,
  suffix: z.union([z.string().regex(/^(\{[^{}]+\}|\[[^[\]]+\])$/, 'is not {…} or […]'), z.null()], { error: 'must be "{…}", "[…]" or null' }),
  ...common,
});

export const resetReasonSchema = z.strictObject({ token: detailToken, ...common });

export const clusterSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_|.-]*$/, 'is not a cluster name'),
  ...common,
});

export const analyzerSchema = z.strictObject({
  code: z.string().regex(/^IST\d{4}$/, 'is not an IST code (IST and four digits)'),
  name: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, 'is not a PascalCase name'),
  level: z.enum(['Error', 'Warning', 'Info'], { error: 'must be Error, Warning or Info' }),
  /** Still in messages.yaml, but no analyzer reports it any more. */
  retired: z.boolean().optional(),
  ...common,
});

export const errorSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/, 'is not a snake_case id'),
  phrases: z.array(z.string().trim().min(6, 'is shorter than 6 characters').max(120, 'is longer than 120 characters')).min(1, 'needs at least one phrase'),
  ...common,
});

/** `{ "flags": "https://…", …, "counts": { "flags": N, … } }` */
export const sourcesSchema = z
  .object({ counts: z.record(z.string(), z.int().min(1, 'must be a positive count'), { error: 'must be an object of counts' }) })
  .catchall(httpsUrl);

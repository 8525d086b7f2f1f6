import { z } from 'zod';

/**
 * An id is an HTML `id`, a URL slug and a search anchor at once, and once published it is
 * permanent: lowercase kebab-case, starting with a letter.
 */
export const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export const Id = z
  .string()
  .regex(ID_PATTERN, {
    message: 'is not a valid id; expected lowercase kebab-case starting with a letter, e.g. "staying-close"',
  })
  .describe('Stable lowercase kebab-case identifier; part of permanent URLs.');

/** Required prose or label: a string with something other than white space in it. */
export const Text = z.string().refine((value) => value.trim().length > 0, { message: 'is empty; expected some text' });

/** A date as precise as the source gives it: "2016", "2016-07" or "2016-07-04". */
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isRealPartialDate(value: string): boolean {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

export const PartialDate = z
  .string()
  .refine(isRealPartialDate, {
    message: 'is not a real date; expected YYYY, YYYY-MM or YYYY-MM-DD (quoted), e.g. "2016-07-04"',
  })
  .describe('A date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.');

export const FullDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'expected a day, YYYY-MM-DD (quoted), e.g. "2026-12-01"' : undefined) })
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealPartialDate(value), {
    message: 'is not a real date; expected YYYY-MM-DD (quoted), e.g. "2023-02-02"',
  });

/** Only web links: a `javascript:` or `data:` URL in content would be a way in. */
export const WebUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), {
    message: 'is not a web address; expected an absolute http(s) URL',
  })
  .describe('Absolute http(s) URL.');

export const Aliases = z.array(Text).describe('Other words practitioners use for the same thing; indexed for search.');

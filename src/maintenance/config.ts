// content/watch.yml: the public feeds `npm run watch` reads, and the addresses `npm run
// check-links` leaves alone (with how it asks). Checked like the rest of the content: a wrong
// field is reported as file:line:col with what was expected.
import { z } from 'zod';
import { checkFields } from '../lib/check-fields.ts';
import { normaliseText } from '../lib/parse-digest.ts';
import type { Problem } from '../lib/problems.ts';
import { Id, Text, WebUrl } from '../lib/schema/primitives.ts';
import { parseYaml, placeOf } from '../lib/yaml.ts';

export const Feed = z.strictObject({
  id: Id.describe('A short name for the feed, used in output and for its saved copy (<id>.xml).'),
  title: Text.describe('What the feed is, in words: "GOV.UK: DfE policy papers on children\'s social care".'),
  url: WebUrl.describe('The Atom or RSS address.'),
  note: Text.optional().describe('Anything an author should know about the feed.'),
});

export const SkipRule = z.strictObject({
  prefix: WebUrl.describe('Every address that starts with this is skipped.'),
  reason: Text.describe('Why it is skipped, e.g. "answers automated requests with 403": an author checks these by hand.'),
});

export const WatchFile = z.strictObject({
  feeds: z.array(Feed).min(1, { message: 'is empty; expected at least one feed' }),
  links: z
    .strictObject({
      skip: z.array(SkipRule).default([]),
      userAgent: Text.optional().describe('Sent with every request; says who is asking and where to write.'),
      timeoutSeconds: z.number().positive().optional(),
      retries: z.number().int().min(0).max(5).optional(),
      concurrency: z.number().int().min(1).max(16).optional(),
      perHost: z.number().int().min(1).max(4).optional(),
    })
    .default({ skip: [] }),
});

export type WatchConfig = z.infer<typeof WatchFile>;
export type FeedConfig = z.infer<typeof Feed>;

export type ConfigResult = { ok: true; config: WatchConfig } | { ok: false; problems: Problem[] };

/** Reads the text of content/watch.yml (`file` as shown in problems). Pure. */
export function readWatchConfig(file: string, text: string): ConfigResult {
  const yaml = parseYaml(normaliseText(text));
  if (yaml.errors.length > 0) {
    return {
      ok: false,
      problems: yaml.errors.map((error) => ({
        file,
        ...error,
        subject: 'watch',
        field: '',
        message: `is not valid YAML (${error.message}); expected "feeds:" and "links:"`,
      })),
    };
  }
  const checked = checkFields(WatchFile, yaml.value ?? {}, { file, subject: 'watch', yaml });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const ids = new Set<string>();
  const problems: Problem[] = [];
  checked.data.feeds.forEach((feed, index) => {
    if (ids.has(feed.id)) {
      problems.push({
        file,
        ...placeOf(yaml, ['feeds', index, 'id']),
        subject: 'watch',
        field: `feeds[${index}].id`,
        message: `repeats "${feed.id}"; expected each feed id once`,
      });
    }
    ids.add(feed.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, config: checked.data as WatchConfig };
}

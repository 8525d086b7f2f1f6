// Every passage the seeds quote from a source must be on the site as an extract: a practitioner
// linking a colleague to "the exact passage" must find every quoted paragraph, not a selection.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/load.ts';
import { normaliseForComparison } from '../../src/lib/verify-extracts.ts';
import { need, referenceFolder } from '../support/needs.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const SEEDS = referenceFolder('SEEDS_DIR', '../shared/seeds');

// Bullets in the seeds are "•" followed by a private-use symbol-font bullet (U+F0B7).
/** The quoted regions of each seed, by first and last words (seeds/README.md says what each is). */
const QUOTED = [
  { seed: '000_d056f39ba3ad3b66.txt', source: 'putting-children-first-2016', from: 'Today we are delighted', to: 'is designed to achieve.' },
  { seed: '000_d056f39ba3ad3b66.txt', source: 'putting-children-first-2016', from: 'is the gateway to the kind of practice', to: 'let it pass you by.' },
  { seed: '000_d056f39ba3ad3b66.txt', source: 'keep-on-caring-2016', from: 'Firstly, it sets out', to: 'standards of the best.' },
  {
    seed: '002_410304bfe34627ea.txt',
    source: 'written-statement-hcws57-2016',
    from: 'Today the Government are publishing',
    to: 'placed in both House Libraries.',
  },
  {
    seed: '003_0ae3798836f8b445.txt',
    source: 'keeping-children-safe-helping-families-thrive-2024',
    from: 'Our government is on a mission',
    to: 'closer to that goal.',
  },
  { seed: '004_df542d1a8b945eb6.txt', source: 'stable-homes-built-on-love-2023', from: 'Children in care deserve', to: 'support and protection they need.' },
];

function paragraphsBetween(text: string, from: string, to: string): string[] {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start);
  if (start < 0 || end < 0) throw new Error(`quoted region "${from}" … "${to}" not found`);
  return text
    .slice(start, end + to.length)
    .split(/\n/)
    .map((line) => normaliseForComparison(line.replace(/^[\s•\uF0B7]+/, '').replace(/^[“"]|[”"]$/g, '')))
    .filter((line) => line.length > 0);
}

describe('every passage the seeds quote is an extract', { timeout: 30_000 }, () => {
  const present = need(SEEDS.present, {
    what: `the original documents (${SEEDS.dir})`,
    forWhat: 'the check that every passage the seeds quote is an extract',
    fix: 'point SEEDS_DIR at the folder of seeds',
  });
  // Loaded by whichever test runs first, not at collection: a content problem then fails each
  // test with its own message instead of failing the file before any test runs.
  let loaded: ReturnType<typeof loadContent> | undefined;
  const extractsOf = (source: string) => {
    loaded ??= loadContent(resolve(repo, 'content'));
    const result = loaded;
    if (!result.ok) expect.fail('content/ does not validate: run npm run validate');
    const texts = result.graph.extracts.filter((extract) => extract.source === source).map((extract) => normaliseForComparison(extract.blocks.join(' ')));
    expect(texts.length, `no extract of ${source} to hold the passage`).toBeGreaterThan(0);
    return texts;
  };

  for (const region of QUOTED) {
    it.runIf(present)(`${region.source}: every paragraph of "${region.from} …" in ${region.seed} is in an extract of that source`, () => {
      const text = readFileSync(resolve(SEEDS.dir, region.seed), 'utf8');
      const extracts = extractsOf(region.source);
      const paragraphs = paragraphsBetween(text, region.from, region.to);
      expect(paragraphs.length, 'the quoted region holds no paragraph').toBeGreaterThan(0);
      const missing = paragraphs.filter((paragraph) => !extracts.some((extract) => extract.includes(paragraph)));
      expect(missing, `paragraphs quoted in ${region.seed} with no extract in ${region.source}`).toEqual([]);
    });
  }
});

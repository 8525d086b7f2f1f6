// The seeded generator: writes a synthetic content tree of N commitments, spread over sources,
// with extracts, pillars, lineage and prose links, in the same format as content/ and with the
// words, phrases and lengths of the real digests (see corpus.ts). Never writes into content/.
//
// Vocabulary grows with the corpus as real text does (Heaps' law, V ∝ T^0.5): as more words are
// written, some are replaced by made-up names built from the real words' letter patterns, so a
// 10,000-commitment index is not just the real 3,000-word vocabulary repeated.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadContent } from '../src/lib/load.ts';
import { DEVELOPMENT_KINDS, datesNamedIn, isAfter, LINEAGE_RELATIONS, RESPONSE_STANCES, STATUSES } from '../src/lib/schema/commitment.ts';
import { RELATIONS } from '../src/lib/schema/source.ts';
import { draw, readCorpus, type Chain, type Corpus } from './corpus.ts';
import { seeded, type Random } from './random.ts';

/** A generated status summary can name a date after its asOf, which validate refuses: move asOf forward to it, as an editor would. */
const upToDate = <T extends { asOf: string; checked: string; summary: string }>(status: T): T => {
  const asOf = datesNamedIn(status.summary).reduce((asOf, date) => (isAfter(date, asOf) ? date : asOf), status.asOf);
  // Checked on or after the newest fact: the last day of asOf's year when asOf is later than the default.
  return { ...status, asOf, checked: isAfter(asOf, status.checked) ? `${asOf.slice(0, 4)}-12-31` : status.checked };
};

export interface GenerateOptions {
  commitments: number;
  seed?: number;
  /** Defaults to the corpus read from the real content/. */
  corpus?: Corpus;
}

export interface GeneratedTree {
  /** Relative path (`sources/<id>.md`, `pillars.yml`) → file text. */
  files: Map<string, string>;
  counts: { sources: number; coreSources: number; commitments: number; extracts: number; lineage: number; words: number; vocabulary: number };
  /** Every commitment's id and title, for the search query sets. */
  commitments: { id: string; title: string }[];
}

const ROOT = resolve(import.meta.dirname, '..');
let realCorpus: Corpus | undefined;

/** The corpus of the real content tree (content/), read once. */
export function realContentCorpus(dir = resolve(ROOT, 'content')): Corpus {
  if (realCorpus) return realCorpus;
  const loaded = loadContent(dir);
  if (!loaded.ok) throw new Error(`the real content in ${dir} does not validate; run npm run validate`);
  realCorpus = readCorpus(loaded.graph);
  return realCorpus;
}

const HEAPS_BETA = 0.5;
const STOP_END = /^(and|or|the|a|an|of|to|for|in|on|with|by|from|at|as|its|their|is|are|be|that|which|—|–|-)$/i;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes prose from the Markov chains, growing the vocabulary as it goes. */
class Writer {
  private written = 0;
  private invented: string[] = [];
  private known: Set<string>;
  private random: Random;
  private corpus: Corpus;
  words = 0;

  constructor(random: Random, corpus: Corpus) {
    this.random = random;
    this.corpus = corpus;
    this.known = new Set(corpus.vocabulary);
  }

  /** How many made-up words the corpus should hold by now, by Heaps' law from the real corpus. */
  private target(): number {
    const { tokens, vocabulary } = this.corpus;
    return vocabulary.size * (((tokens + this.written) / tokens) ** HEAPS_BETA - 1);
  }

  private inventWord(): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      let word = '';
      let key = '^^';
      for (let step = 0; step < 40 && word.length < 12; step++) {
        const options = this.corpus.letters.get(key);
        if (!options) break;
        const letter = this.random.pick(options);
        if (letter === '$') {
          if (word.length >= 4) break;
          continue;
        }
        word += letter;
        key = key[1] + letter;
      }
      if (word.length >= 4 && !this.known.has(word)) {
        this.known.add(word);
        return this.random.chance(0.35) ? word[0]!.toUpperCase() + word.slice(1) : word;
      }
    }
    return `${this.random.pick([...this.corpus.pools.owners])}`.split(' ')[0] ?? 'council';
  }

  private token(word: string): string {
    this.written++;
    this.words++;
    const [, lead = '', trail = ''] = /^([("'‘“]*)[\s\S]*?([.,;:)"'’”!?]*)$/.exec(word) ?? [];
    if (this.invented.length < this.target() && this.random.chance(0.5)) {
      const fresh = this.inventWord();
      this.invented.push(fresh);
      return `${lead}${fresh}${trail}`;
    }
    if (this.invented.length > 0 && this.random.chance(0.01)) {
      // Zipf-like reuse: earlier made-up names come back more often.
      const index = Math.floor(this.invented.length * this.random.next() ** 3);
      return `${lead}${this.invented[index]}${trail}`;
    }
    return word;
  }

  /** About `length` words of prose, ending at a sentence end. */
  prose(chain: Chain, length: number): string {
    const out: string[] = [];
    let word = this.random.pick(chain.starts);
    while (true) {
      out.push(this.token(word));
      const ends = /[.!?]["'’”)]*$/.test(word);
      if (out.length >= length && (ends || out.length >= length + 25)) break;
      const next = chain.next.get(word);
      word = next && !(ends && this.random.chance(0.15)) ? this.random.pick(next) : this.random.pick(chain.starts);
    }
    let text = out.join(' ');
    if (!/[.!?]["'’”)]*$/.test(text)) text = `${text.replace(/[,;:–—-]+$/, '')}.`;
    return text[0]!.toUpperCase() + text.slice(1);
  }

  /** A title of `length` words: no full stop, not ending on a joining word. */
  title(chain: Chain, length: number): string {
    const out: string[] = [];
    let word = this.random.pick(chain.starts);
    while (out.length < length) {
      out.push(this.token(word));
      const next = chain.next.get(word);
      word = next ? this.random.pick(next) : this.random.pick(chain.starts);
    }
    while (out.length > 2 && STOP_END.test(out.at(-1)!.replace(/[.,;:]+$/, ''))) out.pop();
    const text = out.join(' ').replace(/[.,;:–—-]+$/, '');
    return text[0]!.toUpperCase() + text.slice(1);
  }

  get vocabularyGrowth() {
    return this.invented.length;
  }
}

// The YAML is written as JSON values (YAML 1.2 is a superset of JSON), so every string is quoted.
const json = (value: unknown) => JSON.stringify(value);
function yamlBlock(fields: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.some((item) => typeof item === 'object')) {
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${json(item)}`);
    } else lines.push(`${key}: ${json(value)}`);
  }
  return lines.join('\n');
}

const date = (random: Random, from: number, to: number) => {
  const year = random.int(from, to);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

// The ids' own kebab-case form (ID_PATTERN), kept here: the site's heading ids come from github-slugger.
function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(slug) ? slug : `s-${slug}`;
}

function idFrom(text: string, words: number): string {
  return slugify(text).split('-').filter(Boolean).slice(0, words).join('-') || 'x';
}

interface SourcePlan {
  id: string;
  index: number;
  title: string;
  shortTitle: string;
  prefix: string;
  published: string;
  year: number;
  framework: { id: string; title: string; locator: string; pillar: string }[];
  commitments: number;
}

/** Generates a content tree in memory. Same options and corpus → same files, byte for byte. */
export function generateTree(options: GenerateOptions): GeneratedTree {
  const corpus = options.corpus ?? realContentCorpus();
  const random = seeded(options.seed ?? 1);
  const writer = new Writer(random, corpus);
  const { lengths, rates, pools } = corpus;
  const n = options.commitments;
  const pillarIds = corpus.pillars.map((pillar) => pillar.id);
  const files = new Map<string, string>();
  const usedIds = new Set<string>(pillarIds);
  const uniqueId = (base: string) => {
    let id = base;
    for (let i = 2; usedIds.has(id); i++) id = `${base}-${i}`;
    usedIds.add(id);
    return id;
  };

  // Sources: about 25 commitments each (the real core digests hold 5 to 36), sized like the real ones.
  const realSizes = [19, 14, 23, 5, 36, 23];
  const coreCount = Math.max(2, Math.round(n / 25));
  const weights = Array.from({ length: coreCount }, () => random.pick(realSizes) * (0.6 + random.next() * 0.8));
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((n * w) / total)));
  for (let i = 0; sizes.reduce((a, b) => a + b, 0) < n; i = (i + 1) % coreCount) sizes[i]!++;
  while (sizes.reduce((a, b) => a + b, 0) > n) sizes[sizes.indexOf(Math.max(...sizes))]!--;
  const companionCount = Math.ceil(coreCount / 2);

  const plans: SourcePlan[] = [];
  for (let index = 0; index < coreCount + companionCount; index++) {
    const title = writer.title(corpus.titles, random.int(6, 14));
    const shortTitle = title
      .split(' ')
      .slice(0, random.int(2, 4))
      .join(' ')
      .replace(/[,;:.–—-]+$/, '');
    const year = random.int(2010, 2025);
    const id = uniqueId(`${idFrom(shortTitle, 4)}-${year}`);
    const prefix = (shortTitle.toLowerCase().match(/\b[a-z]/g) ?? ['s']).join('').slice(0, 4) + index.toString(36);
    const core = index < coreCount;
    const framework = core
      ? random.sample(pools.frameworkTitles, draw(random, lengths.framework, 4)).map((entryTitle, i) => ({
          id: `${idFrom(entryTitle, 3)}-${i + 1}`,
          title: entryTitle,
          locator: random.chance(0.5) ? `Chapter ${i + 1}` : `Chapter ${i + 1}, p. ${random.int(5, 120)}`,
          pillar: random.pick(pillarIds),
        }))
      : [];
    plans.push({
      id,
      index,
      title,
      shortTitle,
      prefix: /^[a-z]/.test(prefix) ? prefix : `s${prefix}`,
      published: date(random, year, year),
      year,
      framework,
      commitments: core ? sizes[index]! : 0,
    });
  }
  plans.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));

  const made: { id: string; title: string; source: number }[] = [];
  let extractCount = 0;
  let lineageCount = 0;
  for (const [order, plan] of plans.entries()) {
    const blocks: string[] = [];
    const own: string[] = [];
    const earlier = made.length;
    for (let c = 0; c < plan.commitments; c++) {
      const title = writer.title(corpus.titles, draw(random, lengths.commitmentTitle, 10));
      const id = uniqueId(`${plan.prefix}-${idFrom(title, 4)}`);
      const entry = random.pick(plan.framework);
      const pillars = [...new Set([entry.pillar, ...random.sample(pillarIds, draw(random, lengths.pillars, 1) - 1)])];
      const paragraphs = draw(random, lengths.commitmentParagraphs, 1);
      const words = draw(random, lengths.commitmentText, 36);
      const body = Array.from({ length: paragraphs }, () => writer.prose(corpus.prose, Math.max(8, Math.round(words / paragraphs))));
      if (earlier > 0 && random.chance(rates.linkInText)) {
        const target = made[random.int(0, earlier - 1)]!;
        body.push(`See also [${target.title.split(' ').slice(0, 5).join(' ')}](commitment:${target.id}).`);
      }
      const lineage =
        earlier > 0 && random.chance(rates.lineage)
          ? random.sample(made.slice(0, earlier), random.chance(0.2) ? 2 : 1).map((target) => ({
              // A restatement must share its original's status; the generator's statuses are random.
              relation: random.pick(Object.keys(LINEAGE_RELATIONS).filter((relation) => relation !== 'restates')),
              commitment: target.id,
              ...(random.chance(0.4) ? { note: writer.prose(corpus.prose, random.int(10, 25)) } : {}),
            }))
          : undefined;
      lineageCount += lineage?.length ?? 0;
      const later = Math.min(2025, plan.year + random.int(0, 6));
      const fields = {
        title,
        locator: random.pick(pools.locators),
        sourcePillar: entry.id,
        pillars,
        ...(random.chance(rates.due)
          ? { due: String(Math.min(2030, plan.year + random.int(1, 4))), dueLabel: random.pick(pools.dueLabels.length ? pools.dueLabels : ['by 2020']) }
          : {}),
        funding: random.chance(rates.funding) && pools.funding.length ? [random.pick(pools.funding)] : undefined,
        owners: pools.owners.length ? random.sample(pools.owners, draw(random, lengths.owners, 1)) : undefined,
        aliases: random.sample(pools.aliases, draw(random, lengths.aliases, 3)),
        lineage,
        response: random.chance(rates.response)
          ? {
              stance: random.pick(Object.keys(RESPONSE_STANCES)),
              summary: writer.prose(corpus.prose, random.int(15, 40)),
              locator: `Government response, ${random.pick(MONTHS)} ${later}`,
            }
          : undefined,
        status:
          random.chance(rates.status) && pools.evidence.length
            ? upToDate({
                value: random.pick(Object.keys(STATUSES)),
                asOf: `${later}-${String(random.int(1, 12)).padStart(2, '0')}`,
                checked: '2026-12-01',
                summary: writer.prose(corpus.prose, random.int(20, 55)),
                evidence: random.sample(pools.evidence, random.int(1, 2)),
                // About three dated developments a commitment, as the real content has (399 for 121).
                developments: Array.from({ length: random.int(0, 6) }, () => plan.year + random.int(0, later - plan.year))
                  .sort((a, b) => a - b)
                  .map((year) => ({
                    date: String(year),
                    kind: random.pick(Object.keys(DEVELOPMENT_KINDS)),
                    summary: writer.prose(corpus.prose, random.int(10, 30)),
                    evidence: random.sample(pools.evidence, 1),
                  })),
              })
            : undefined,
        note: random.chance(rates.note) ? writer.prose(corpus.prose, random.int(15, 45)) : undefined,
      };
      blocks.push(`:::commitment{#${id}}\n\`\`\`yaml\n${yamlBlock(fields)}\n\`\`\`\n${body.join('\n\n')}\n:::`);
      made.push({ id, title, source: order });
      own.push(id);
    }
    // Extracts: verbatim passages, about one for every five commitments, as in the real digests.
    const extracts = plan.commitments === 0 ? 0 : Math.round(plan.commitments * rates.extractsPerCommitment * (0.5 + random.next()));
    for (let e = 0; e < extracts; e++) {
      const title = writer.title(corpus.titles, draw(random, lengths.extractTitle, 7));
      const id = uniqueId(`${plan.prefix}-x-${idFrom(title, 3)}`);
      const count = draw(random, lengths.extractBlocks, 1);
      const words = draw(random, lengths.extractWords, 60);
      const passage = Array.from({ length: count }, () => writer.prose(corpus.passages, Math.max(10, Math.round(words / count))));
      const fields = {
        title,
        locator: random.pick(pools.extractLocators.length ? pools.extractLocators : pools.locators),
        speaker: random.chance(rates.extractSpeaker) && pools.speakers.length ? random.pick(pools.speakers) : undefined,
        commitments: random.sample(own, random.int(0, Math.min(4, own.length))),
      };
      blocks.push(`:::extract{#${id}}\n\`\`\`yaml\n${yamlBlock(fields)}\n\`\`\`\n${passage.join('\n\n')}\n:::`);
      extractCount++;
    }

    const others = plans.filter((other) => other.id !== plan.id);
    const related = random.sample(others, random.int(1, 3)).map((other) => ({ source: other.id, relation: random.pick(Object.keys(RELATIONS)) }));
    const proseWords = draw(random, lengths.sourceProse, 300);
    const summary: string[] = [];
    for (let words = 0; words < proseWords * 0.75; ) {
      const length = random.int(50, 110);
      summary.push(writer.prose(corpus.prose, length));
      words += length;
    }
    summary.push(
      `It relates to ${related.map((r) => `[${plans.find((p) => p.id === r.source)!.shortTitle}](source:${r.source})`).join(' and ')}, and falls mostly under [${random.pick(pillarIds).replace(/-/g, ' ')}](pillar:${random.pick(pillarIds)}).`,
    );
    const structure = plan.framework.length
      ? `${plan.framework.map((entry, i) => `${i + 1}. ${entry.title}.`).join('\n')}\n\n${writer.prose(corpus.prose, Math.round(proseWords * 0.25))}`
      : writer.prose(corpus.prose, Math.round(proseWords * 0.25));
    const core = plan.commitments > 0;
    const front = yamlBlock({
      id: plan.id,
      title: plan.title,
      shortTitle: plan.shortTitle,
      role: core ? 'core' : 'companion',
      kind: random.pick(pools.kinds),
      published: plan.published,
      publishers: random.sample(pools.publishers, random.int(1, 2)),
      people: random.sample(pools.people, random.int(0, 2)),
      url: `https://www.gov.uk/government/publications/${plan.id}`,
      licence: { id: 'OGL-3.0', attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.' },
      framework: plan.framework.length ? plan.framework.map(({ id, title, locator }) => ({ id, title, locator })) : undefined,
      related,
      coverage: { complete: false, statement: writer.prose(corpus.prose, random.int(15, 40)), missing: random.sample(pools.coverageMissing, random.int(1, 3)) },
    });
    const text = `---\n${front}\n---\n\n## Summary\n\n${summary.join('\n\n')}\n\n## Structure\n\n${structure}\n${blocks.map((block) => `\n${block}\n`).join('')}`;
    files.set(`sources/${plan.id}.md`, text);
  }

  const pillarsFile = realPillars(corpus, plans);
  files.set('pillars.yml', pillarsFile);
  return {
    files,
    counts: {
      sources: plans.length,
      coreSources: coreCount,
      commitments: made.length,
      extracts: extractCount,
      lineage: lineageCount,
      words: writer.words,
      vocabulary: corpus.vocabulary.size + writer.vocabularyGrowth,
    },
    commitments: made.map(({ id, title }) => ({ id, title })),
  };
}

/** The real eight pillars (titles, descriptions, aliases), mapped onto the synthetic frameworks. */
function realPillars(corpus: Corpus, plans: SourcePlan[]): string {
  const lines = ['pillars:'];
  for (const pillar of corpus.pillars) {
    lines.push(
      `  - id: ${json(pillar.id)}`,
      `    title: ${json(pillar.title)}`,
      `    description: ${json(pillar.description)}`,
      `    aliases: ${json(pillar.aliases)}`,
      '    maps:',
    );
    const maps = plans.flatMap((plan) => {
      const entries = plan.framework.filter((entry) => entry.pillar === pillar.id).map((entry) => entry.id);
      return entries.length ? [{ source: plan.id, entries }] : [];
    });
    if (maps.length === 0) lines[lines.length - 1] = '    maps: []';
    for (const map of maps) lines.push(`      - ${json(map)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a generated tree into `dir` (emptied first). Refuses the real content folder. */
export function writeTree(tree: GeneratedTree, dir: string): void {
  const target = resolve(dir);
  if (target === resolve(ROOT, 'content') || target.startsWith(`${resolve(ROOT, 'content')}/`))
    throw new Error('refusing to write synthetic content into content/');
  rmSync(target, { recursive: true, force: true });
  for (const [path, text] of tree.files) {
    const file = join(target, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

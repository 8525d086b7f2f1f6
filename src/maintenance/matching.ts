// Which commitments a feed item may touch, and why, for `npm run watch`. Each commitment is known
// by its aliases, its title, the Act sections that carry it and its owners; an item matches on
// - an alias named in its title or summary ("Staying Close", "RCCs"): acronyms and one-word
//   names match only as written ("Ofsted", not "ofsted"); a lower-case one-word alias
//   ("housing", "trusts"), or a lower-case phrase shared by more than `maxSpread` commitments
//   ("care leavers"), is too broad to say anything alone, while a capitalised name ("Staying
//   Close") counts however many commitments share it;
// - its title's words: at least two of the title's distinctive words (not the words nearly every
//   title here shares, such as children, care, local), and three in four of them, in the item's title;
// - an Act that carries it, by title ("Children's Wellbeing and Schools Act 2026"): a
//   commencement order for the Act may bring its section into force. Sections already in force
//   are left out unless the item names them ("section 7");
// - an owner at most two commitments share ("Social Work England"), named as written.
// Pure: the graph in, a matcher out.
import type { CommitmentRecord, Graph } from '../lib/graph.ts';
import { IN_FORCE } from '../lib/schema/commitment.ts';
import { sectionLabel } from '../site/status.ts';

export type MatchKind = 'alias' | 'title' | 'act' | 'owner';

export interface MatchReason {
  kind: MatchKind;
  /** Why, in words: `names "Staying Close" (an alias) in its title`. */
  text: string;
}

export interface Match {
  commitment: CommitmentRecord;
  reasons: MatchReason[];
}

export interface ItemText {
  title: string;
  summary: string;
}

export interface MatcherOptions {
  /** A lower-case alias shared by more commitments than this is too broad to match alone (default 6). */
  maxSpread?: number;
  /** An owner named by more commitments than this is too broad to match alone (default 2). */
  maxOwnerSpread?: number;
}

/** Lower case, typographic quotes straightened, every run of other characters one space, padded: " staying close ". */
export function normalise(text: string): string {
  const plain = text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/(^| )'+|'+( |$)/g, ' ')
    .trim();
  return ` ${plain} `;
}

/** The same, keeping case: for acronyms and names that only match as written. */
const normaliseKeepingCase = (text: string): string =>
  ` ${text
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()} `;

/** "RCCs", "SIB", "NCS", "Ofsted", "Frontline": written as a name, so matched only as written. */
const isName = (term: string): boolean => !/\s/.test(term.trim()) && /^\p{Lu}/u.test(term.trim());
/** "Staying Close", "Care Leaver Covenant": several words, each capitalised (small joining words aside). */
const isProperPhrase = (term: string): boolean => {
  const words = term.trim().split(/\s+/);
  return (
    words.length > 1 && words.every((word) => /^[\p{Lu}\d]/u.test(word) || /^(?:and|of|for|the|to|in|on)$/.test(word)) && /^\p{Lu}/u.test(words.at(-1) ?? '')
  );
};
/** "housing", "trusts": one ordinary word says nothing about a commitment alone. */
const isCommonWord = (term: string): boolean => !/\s/.test(term.trim()) && !isName(term);

const STOP = new Set(
  `a an and are as at be by for from in into is it its more new of on or our the their to up with without within every each all
  over under before after than that this these those will would should could may can must not no nor so also any same
  children child childrens care young people person local authority authorities council councils social government national
  services service support system systems england english department education`
    .split(/\s+/)
    .filter(Boolean),
);

/** A title's words that could tell it apart: no stop words, no numbers, no possessive, plurals folded. */
export function distinctiveWords(title: string): string[] {
  const words = normalise(title)
    .trim()
    .split(' ')
    .map((word) => word.replace(/'s$/, '').replace(/'/g, ''))
    .filter((word) => word.length > 2 && !/^\d/.test(word) && !STOP.has(word))
    .map(fold);
  return [...new Set(words)];
}

/** Plural and possessive folded: "homes" and "home", "co-operatives" and "co-operative" compare equal. */
const fold = (word: string): string => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

const wordsOf = (text: string): Set<string> =>
  new Set(
    normalise(text)
      .trim()
      .split(' ')
      .map((word) => fold(word.replace(/'s$/, '').replace(/'/g, ''))),
  );

/** Section numbers an item names: "section 7", "sections 7 and 8", "s.16", "s 30ZE". */
export function sectionsNamed(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:sections?|ss?\.)\s*(\d+[A-Z]*)((?:\s*(?:,|and|to)\s*\d+[A-Z]*)*)/gi)) {
    found.add((match[1] ?? '').toUpperCase());
    for (const more of (match[2] ?? '').matchAll(/\d+[A-Z]*/gi)) found.add(more[0].toUpperCase());
  }
  return found;
}

interface Term {
  commitment: CommitmentRecord;
  kind: 'alias' | 'owner';
  /** As written in the content. */
  shown: string;
  /** As compared: normalised, or kept in case for names. */
  key: string;
  asName: boolean;
}

/** Builds the matcher once for a graph: the spread of every alias and owner is counted across it. */
export function makeMatcher(graph: Graph, options: MatcherOptions = {}): (item: ItemText) => Match[] {
  const maxSpread = options.maxSpread ?? 6;
  const terms: Term[] = [];
  for (const c of graph.commitments) {
    for (const alias of c.aliases) {
      if (isCommonWord(alias)) continue;
      const asName = isName(alias);
      terms.push({ commitment: c, kind: 'alias', shown: alias, key: asName ? normaliseKeepingCase(alias) : normalise(alias), asName });
    }
    for (const owner of c.owners) {
      // "Ofsted (new powers)" is Ofsted; lower-case owners ("local authorities", "police") are kinds of body, not names.
      const name = owner.replace(/\s*\(.*\)\s*$/, '').trim();
      if (!/^\p{Lu}/u.test(name)) continue;
      terms.push({ commitment: c, kind: 'owner', shown: name, key: normaliseKeepingCase(name), asName: true });
    }
  }
  const spread = new Map<string, Set<string>>();
  for (const term of terms) {
    const id = `${term.kind}:${term.asName ? term.key : term.key.toLowerCase()}`;
    spread.set(id, (spread.get(id) ?? new Set()).add(term.commitment.id));
  }
  const ownerLimit = options.maxOwnerSpread ?? 2;
  const usable = terms.filter((term) => {
    // A programme's own name ("Staying Close", "Family Help") names it wherever it appears, however many commitments share it.
    if (term.kind === 'alias' && isProperPhrase(term.shown)) return true;
    const count = spread.get(`${term.kind}:${term.asName ? term.key : term.key.toLowerCase()}`)?.size ?? 0;
    return count <= (term.kind === 'owner' ? ownerLimit : maxSpread);
  });

  const titles = graph.commitments.map((c) => ({ commitment: c, words: distinctiveWords(c.title) })).filter((t) => t.words.length >= 2);

  const acts = graph.sources
    .filter((source) => source.kind === 'act' && (graph.sectionsByAct.get(source.id)?.length ?? 0) > 0)
    .map((source) => {
      const names = new Set([source.title, source.shortTitle, source.title.replace(/\s+\d{4}$/, '')].map(normalise));
      return { source, names: [...names], sections: graph.sectionsByAct.get(source.id) ?? [] };
    });

  return (item: ItemText): Match[] => {
    const where = { title: normalise(item.title), summary: normalise(item.summary) };
    const whereAsWritten = { title: normaliseKeepingCase(item.title), summary: normaliseKeepingCase(item.summary) };
    const found = new Map<string, Match>();
    const add = (commitment: CommitmentRecord, reason: MatchReason) => {
      const match = found.get(commitment.id) ?? { commitment, reasons: [] };
      if (!match.reasons.some((r) => r.text === reason.text)) match.reasons.push(reason);
      found.set(commitment.id, match);
    };
    const placeOf = (term: Term): string | undefined => {
      const texts = term.asName ? whereAsWritten : where;
      if (texts.title.includes(term.key)) return 'in its title';
      if (texts.summary.includes(term.key)) return 'in its summary';
      return undefined;
    };

    for (const term of usable) {
      const place = placeOf(term);
      if (!place) continue;
      add(term.commitment, {
        kind: term.kind,
        text: term.kind === 'alias' ? `names "${term.shown}" (an alias) ${place}` : `names its owner, ${term.shown}, ${place}`,
      });
    }

    const itemTitleWords = wordsOf(item.title);
    for (const { commitment, words } of titles) {
      const present = words.filter((word) => itemTitleWords.has(word));
      if (present.length >= 2 && present.length * 4 >= words.length * 3) {
        add(commitment, {
          kind: 'title',
          text: `shares its title's words ${present.map((w) => `"${w}"`).join(', ')} (${present.length} of ${words.length}) in its title`,
        });
      }
    }

    const bothTexts = `${item.title} ${item.summary}`;
    const named = sectionsNamed(bothTexts);
    const commencement = /\bcommencement\b/i.test(item.title);
    for (const act of acts) {
      if (!act.names.some((name) => where.title.includes(name) || where.summary.includes(name))) continue;
      const isNamedSection = (section: { section?: string }) => section.section !== undefined && named.has(section.section.toUpperCase());
      // An item that names sections of the Act is about those (and about none here if it names none of
      // these); one that names no section may be about any of them.
      const narrowed = act.sections.some(isNamedSection);
      if (named.size > 0 && !narrowed) continue;
      for (const section of act.sections) {
        const isNamed = isNamedSection(section);
        if (narrowed && !isNamed) continue;
        for (const { commitment, law } of section.carries) {
          if (law.inForce === 'in-force' && !isNamed) continue;
          const label = sectionLabel(law);
          const carried = label ? `its ${label} (${IN_FORCE[law.inForce]})` : 'it (section not confirmed)';
          const how = commencement ? 'is a commencement order for' : 'names';
          add(commitment, {
            kind: 'act',
            text: `${how} the ${act.source.shortTitle}, which carries ${carried}${isNamed ? `, and names section ${section.section}` : ''}`,
          });
        }
      }
    }
    return [...found.values()];
  };
}

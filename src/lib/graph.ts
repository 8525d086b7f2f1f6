import type { ParsedPillars } from './cross-references.ts';
import { plainBlocks, renderNodes, type EntityKind } from './markdown.ts';
import type { ParsedDigest } from './parse-digest.ts';
import type { CommitmentFields, LineageRelation } from './schema/commitment.ts';
import type { ExtractFields } from './schema/extract.ts';
import type { GlossaryGroup } from './schema/glossary.ts';
import type { Pillar } from './schema/pillar.ts';
import type { SourceFrontMatter } from './schema/source.ts';
import type { Urls } from './urls.ts';

export type SourceRecord = SourceFrontMatter & {
  file: string;
  /** The digest's prose (summary, structure) as HTML, blocks removed. */
  html: string;
  headings: { id: string; text: string; depth: number }[];
  /** First paragraph of the summary as plain text, for descriptions and previews. */
  description: string;
  commitments: string[];
  extracts: string[];
};

export type CommitmentRecord = CommitmentFields & {
  id: string;
  source: string;
  file: string;
  line: number;
  html: string;
  text: string;
};

export type ExtractRecord = ExtractFields & {
  id: string;
  source: string;
  file: string;
  line: number;
  html: string;
  /** The passage as plain text blocks (paragraphs and list items). */
  blocks: string[];
};

export type PillarRecord = Pillar;

export interface Reference {
  kind: EntityKind;
  id: string;
  /** How the referrer points here, e.g. "mentions", "lineage: continues", "extract". */
  how: string;
}

export interface Graph {
  sources: SourceRecord[];
  commitments: CommitmentRecord[];
  extracts: ExtractRecord[];
  pillars: PillarRecord[];
  /** Groups of interchangeable practitioner terms (content/glossary.yml), for search. */
  glossary: GlossaryGroup[];
  source: Map<string, SourceRecord>;
  commitment: Map<string, CommitmentRecord>;
  extract: Map<string, ExtractRecord>;
  pillar: Map<string, PillarRecord>;
  /** Who points at an entity, keyed by entity id. */
  referencedBy: Map<string, Reference[]>;
  /** Old id → current entity, for redirects. */
  redirects: Map<string, { kind: 'commitment' | 'extract'; id: string }>;
  /** Every lineage edge, each stored once as written, from the commitment that declares it. */
  lineage: { from: string; to: string; relation: LineageRelation; note?: string }[];
}

/** Sorts partial ISO dates; "2016" sorts before "2016-07". */
export const compareDates = (a: string, b: string) => a.localeCompare(b);

/** Builds the graph from parsed, cross-checked content. Pure: no I/O. */
export function buildGraph(digests: readonly ParsedDigest[], pillarsFile: ParsedPillars, urls: Urls, glossary: GlossaryGroup[] = []): Graph {
  const resolve = (link: { kind: EntityKind; id: string }) => urls.entity(link.kind, link.id);
  const sources: SourceRecord[] = [];
  const commitments: CommitmentRecord[] = [];
  const extracts: ExtractRecord[] = [];

  for (const digest of digests) {
    if (!digest.source) continue;
    const data = digest.source.data;
    const html = renderNodes(digest.prose, { resolve });
    const headings = digest.prose.flatMap((node) =>
      node.type === 'heading' && node.depth <= 3 ? [{ depth: node.depth, text: plainBlocks([node])[0] ?? '' }] : [],
    );
    const ids = [...html.matchAll(/<h([23]) id="([^"]+)">/g)].map((match) => match[2] ?? '');
    const firstParagraph = digest.prose.find((node) => node.type === 'paragraph');
    sources.push({
      ...data,
      file: digest.file,
      html,
      headings: headings.map((heading, index) => ({ ...heading, id: ids[index] ?? '' })),
      description: firstParagraph ? (plainBlocks([firstParagraph])[0] ?? '') : '',
      commitments: digest.commitments.map((block) => block.id),
      extracts: digest.extracts.map((block) => block.id),
    });
    // What every block record shares: where it comes from and its rendered text.
    const placed = (block: { id: string; place: { line: number }; body: ParsedDigest['prose'] }) => ({
      id: block.id,
      source: data.id,
      file: digest.file,
      line: block.place.line,
      html: renderNodes(block.body, { resolve }),
    });
    for (const block of digest.commitments) {
      commitments.push({ ...block.fields, ...placed(block), text: plainBlocks(block.body).join('\n\n') });
    }
    for (const block of digest.extracts) {
      extracts.push({ ...block.fields, ...placed(block), blocks: plainBlocks(block.body) });
    }
  }

  sources.sort((a, b) => compareDates(a.published, b.published) || a.id.localeCompare(b.id));
  const source = new Map(sources.map((record) => [record.id, record]));
  const commitment = new Map(commitments.map((record) => [record.id, record]));
  const extract = new Map(extracts.map((record) => [record.id, record]));
  const pillars = pillarsFile.pillars;
  const pillar = new Map(pillars.map((record) => [record.id, record]));

  const referencedBy = new Map<string, Reference[]>();
  const refer = (target: string, reference: Reference) => {
    const list = referencedBy.get(target) ?? [];
    if (!list.some((r) => r.kind === reference.kind && r.id === reference.id && r.how === reference.how)) list.push(reference);
    referencedBy.set(target, list);
  };
  for (const digest of digests) {
    if (!digest.source) continue;
    const sourceId = digest.source.data.id;
    for (const related of digest.source.data.related) refer(related.source, { kind: 'source', id: sourceId, how: related.relation });
    for (const use of digest.links) {
      const from = /^(commitment|extract) "(.+)"$/.exec(use.subject);
      refer(use.link.id, from ? { kind: from[1] as EntityKind, id: from[2] ?? '', how: 'mentions' } : { kind: 'source', id: sourceId, how: 'mentions' });
    }
  }
  const lineage: Graph['lineage'] = [];
  for (const record of commitments) {
    for (const link of record.lineage) {
      lineage.push({ from: record.id, to: link.commitment, relation: link.relation, ...(link.note ? { note: link.note } : {}) });
      refer(link.commitment, { kind: 'commitment', id: record.id, how: `lineage: ${link.relation}` });
    }
  }
  for (const record of extracts) {
    for (const id of record.commitments) refer(id, { kind: 'extract', id: record.id, how: 'quotes' });
  }

  const redirects: Graph['redirects'] = new Map();
  for (const record of commitments) for (const old of record.previousIds) redirects.set(old, { kind: 'commitment', id: record.id });
  for (const record of extracts) for (const old of record.previousIds) redirects.set(old, { kind: 'extract', id: record.id });

  return { sources, commitments, extracts, pillars, glossary, source, commitment, extract, pillar, referencedBy, redirects, lineage };
}

import type { RootContent } from 'mdast';
import type { ParsedPillars } from './cross-references.ts';
import { plainBlocks, type EntityKind } from './markdown.ts';
import type { ParsedDigest } from './parse-digest.ts';
import type { CommitmentFields, Legislation, LineageRelation } from './schema/commitment.ts';
import type { ExtractFields } from './schema/extract.ts';
import type { GlossaryGroup } from './schema/glossary.ts';
import type { Pillar } from './schema/pillar.ts';
import type { SourceFrontMatter, SourceRelation } from './schema/source.ts';

// The graph holds content, not pages: Markdown stays mdast (entity links stay `commitment:id`
// references in it) and src/site renders it, so nothing here knows a URL, a base path or HTML.

export type SourceRecord = SourceFrontMatter & {
  file: string;
  /** The digest's prose (summary, structure) as mdast, blocks removed. */
  prose: RootContent[];
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
  /** The commitment in our words, as mdast. */
  body: RootContent[];
  text: string;
};

export type ExtractRecord = ExtractFields & {
  id: string;
  source: string;
  file: string;
  line: number;
  /** The verbatim passage, as mdast. */
  body: RootContent[];
  /** The passage as plain text blocks (paragraphs and list items). */
  blocks: string[];
};

export type PillarRecord = Pillar;

/** One record of the graph, named by kind and id. */
export interface EntityRef<K extends EntityKind = EntityKind> {
  kind: K;
  id: string;
}

/** How one record refers to another: each edge is stored once, from the record that declares it. */
export type Edge =
  | { type: 'mentions'; from: EntityRef<'source' | 'commitment' | 'extract'>; to: EntityRef }
  | { type: 'related'; from: EntityRef<'source'>; to: EntityRef<'source'>; relation: SourceRelation; note?: string }
  | { type: 'lineage'; from: EntityRef<'commitment'>; to: EntityRef<'commitment'>; relation: LineageRelation; note?: string }
  | { type: 'quotes'; from: EntityRef<'extract'>; to: EntityRef<'commitment'> }
  | { type: 'legislation'; from: EntityRef<'commitment'>; to: EntityRef<'source'>; section?: string };

/** One section of an Act (or, with no `section`, the Act where the section is not confirmed) and the commitments it carries. */
export interface ActSection {
  section?: string;
  url?: string;
  carries: { commitment: CommitmentRecord; law: Legislation }[];
}

export type LineageEdge = Extract<Edge, { type: 'lineage' }>;

export interface Graph {
  /** In publication date order. */
  sources: SourceRecord[];
  /** In source order, then document order. */
  commitments: CommitmentRecord[];
  extracts: ExtractRecord[];
  pillars: PillarRecord[];
  /** Groups of interchangeable practitioner terms (content/glossary.yml), for search. */
  glossary: GlossaryGroup[];
  source: Map<string, SourceRecord>;
  commitment: Map<string, CommitmentRecord>;
  extract: Map<string, ExtractRecord>;
  pillar: Map<string, PillarRecord>;
  /** Every edge between records. */
  edges: Edge[];
  /** Edges that point at an entity, keyed by its id (ids are unique across kinds). */
  edgesTo: Map<string, Edge[]>;
  /** Lineage both ways: edges a commitment declares, and edges declared towards it. */
  lineageFrom: Map<string, LineageEdge[]>;
  lineageTo: Map<string, LineageEdge[]>;
  /** A source's commitments in document order. */
  commitmentsBySource: Map<string, CommitmentRecord[]>;
  /** A pillar's commitments, sources in date order, document order within a source. */
  commitmentsByPillar: Map<string, CommitmentRecord[]>;
  /** A framework entry's commitments, keyed by source id then entry id, every entry present. */
  commitmentsByFramework: Map<string, Map<string, CommitmentRecord[]>>;
  /** Extracts that quote a commitment, in graph order. */
  extractsByCommitment: Map<string, ExtractRecord[]>;
  /** An Act's sections that carry commitments, keyed by the Act's source id: sections in number order, the unconfirmed last. */
  sectionsByAct: Map<string, ActSection[]>;
  /** Old id → current entity, for redirects. */
  redirects: Map<string, EntityRef<'commitment' | 'extract'>>;
}

/** Partial ISO dates in code-point order ("2016" before "2016-07"), whatever the machine's locale. */
export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Ids in code-point order, whatever the machine's locale. */
export const compareIds = compareDates;

/** "7" before "16" before "30ZE"; a section not confirmed (no number) last. */
function bySectionNumber(a: ActSection, b: ActSection): number {
  if (a.section === undefined || b.section === undefined) return (a.section === undefined ? 1 : 0) - (b.section === undefined ? 1 : 0);
  return Number.parseInt(a.section, 10) - Number.parseInt(b.section, 10) || compareIds(a.section, b.section);
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Builds the graph from parsed, cross-checked content, with every index pages look up. Pure: no I/O. */
export function buildGraph(digests: readonly ParsedDigest[], pillarsFile: ParsedPillars, glossary: GlossaryGroup[] = []): Graph {
  const sources: SourceRecord[] = [];
  const bySource = new Map<string, { commitments: CommitmentRecord[]; extracts: ExtractRecord[] }>();

  for (const digest of digests) {
    if (!digest.source) continue;
    const data = digest.source.data;
    const firstParagraph = digest.prose.find((node) => node.type === 'paragraph');
    sources.push({
      ...data,
      file: digest.file,
      prose: digest.prose,
      description: firstParagraph ? (plainBlocks([firstParagraph])[0] ?? '') : '',
      commitments: digest.commitments.map((block) => block.id),
      extracts: digest.extracts.map((block) => block.id),
    });
    // What every block record shares: where it comes from and its text.
    const placed = (block: { id: string; place: { line: number }; body: RootContent[] }) => ({
      id: block.id,
      source: data.id,
      file: digest.file,
      line: block.place.line,
      body: block.body,
    });
    bySource.set(data.id, {
      commitments: digest.commitments.map((block) => ({ ...block.fields, ...placed(block), text: plainBlocks(block.body).join('\n\n') })),
      extracts: digest.extracts.map((block) => ({ ...block.fields, ...placed(block), blocks: plainBlocks(block.body) })),
    });
  }

  sources.sort((a, b) => compareDates(a.published, b.published) || compareIds(a.id, b.id));
  const commitments = sources.flatMap((s) => bySource.get(s.id)?.commitments ?? []);
  const extracts = sources.flatMap((s) => bySource.get(s.id)?.extracts ?? []);
  const source = new Map(sources.map((record) => [record.id, record]));
  const commitment = new Map(commitments.map((record) => [record.id, record]));
  const extract = new Map(extracts.map((record) => [record.id, record]));
  const pillars = pillarsFile.pillars;
  const pillar = new Map(pillars.map((record) => [record.id, record]));

  const edges: Edge[] = [];
  for (const s of sources) {
    for (const r of s.related)
      edges.push({
        type: 'related',
        from: { kind: 'source', id: s.id },
        to: { kind: 'source', id: r.source },
        relation: r.relation,
        ...(r.note ? { note: r.note } : {}),
      });
  }
  for (const digest of digests) for (const use of digest.links) edges.push({ type: 'mentions', from: use.from, to: use.link });
  for (const c of commitments) {
    for (const link of c.lineage) {
      edges.push({
        type: 'lineage',
        from: { kind: 'commitment', id: c.id },
        to: { kind: 'commitment', id: link.commitment },
        relation: link.relation,
        ...(link.note ? { note: link.note } : {}),
      });
    }
  }
  for (const c of commitments) {
    for (const law of c.legislation) {
      edges.push({
        type: 'legislation',
        from: { kind: 'commitment', id: c.id },
        to: { kind: 'source', id: law.act },
        ...(law.section ? { section: law.section } : {}),
      });
    }
  }
  for (const e of extracts) for (const id of e.commitments) edges.push({ type: 'quotes', from: { kind: 'extract', id: e.id }, to: { kind: 'commitment', id } });

  const edgesTo = new Map<string, Edge[]>();
  const lineageFrom = new Map<string, LineageEdge[]>();
  const lineageTo = new Map<string, LineageEdge[]>();
  for (const edge of edges) {
    push(edgesTo, edge.to.id, edge);
    if (edge.type === 'lineage') {
      push(lineageFrom, edge.from.id, edge);
      push(lineageTo, edge.to.id, edge);
    }
  }

  const commitmentsBySource = new Map(sources.map((s) => [s.id, bySource.get(s.id)?.commitments ?? []]));
  const commitmentsByPillar = new Map<string, CommitmentRecord[]>(pillars.map((p) => [p.id, []]));
  for (const c of commitments) for (const p of new Set(c.pillars)) push(commitmentsByPillar, p, c);
  const commitmentsByFramework = new Map(
    sources.map((s) => {
      const entries = new Map<string, CommitmentRecord[]>(s.framework.map((entry) => [entry.id, []]));
      for (const c of commitmentsBySource.get(s.id) ?? []) push(entries, c.sourcePillar, c);
      return [s.id, entries];
    }),
  );
  const extractsByCommitment = new Map<string, ExtractRecord[]>();
  for (const e of extracts) for (const id of new Set(e.commitments)) push(extractsByCommitment, id, e);

  const sectionsByAct = new Map<string, ActSection[]>();
  for (const c of commitments) {
    for (const law of c.legislation) {
      const sections = sectionsByAct.get(law.act) ?? [];
      sectionsByAct.set(law.act, sections);
      let entry = sections.find((s) => s.section === law.section);
      if (!entry) {
        entry = { ...(law.section ? { section: law.section } : {}), ...(law.url ? { url: law.url } : {}), carries: [] };
        sections.push(entry);
      }
      entry.carries.push({ commitment: c, law });
    }
  }
  for (const sections of sectionsByAct.values()) sections.sort(bySectionNumber);

  const redirects: Graph['redirects'] = new Map();
  for (const record of commitments) for (const old of record.previousIds) redirects.set(old, { kind: 'commitment', id: record.id });
  for (const record of extracts) for (const old of record.previousIds) redirects.set(old, { kind: 'extract', id: record.id });

  return {
    sources,
    commitments,
    extracts,
    pillars,
    glossary,
    source,
    commitment,
    extract,
    pillar,
    edges,
    edgesTo,
    lineageFrom,
    lineageTo,
    commitmentsBySource,
    commitmentsByPillar,
    commitmentsByFramework,
    extractsByCommitment,
    sectionsByAct,
    redirects,
  };
}

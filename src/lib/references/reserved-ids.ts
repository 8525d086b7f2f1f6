// Ids the site's pages use for themselves. A commitment's or extract's id is also the anchor of its
// entry on its source's digest page, so an entity id among these would give that page two
// elements with one id, and a shared link to the wrong place. The list is the site's, kept here so
// the validator can refuse such an id with a location; a built-site test proves every id a digest
// page uses for itself is covered (tests/site/reserved-ids.test.ts).

/** Ids a page uses as they are. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  'main',
  'announce',
  'site-search',
  'contents-h',
  'act-sections',
  'cite-source',
  'cite-source-h',
  'cite',
  'cite-h',
]);

/** Prefixes of ids a page makes from something else (a framework entry, an Act section, a heading…). */
export const RESERVED_PREFIXES: readonly string[] = ['digest-', 'framework-', 'section-', 'development-', 'h_'];

/** Why an id cannot be an entity's, or undefined when it can. */
export function reservedBecause(id: string): string | undefined {
  if (RESERVED_IDS.has(id)) return `"${id}" is an id the site's pages use for themselves`;
  const prefix = RESERVED_PREFIXES.find((p) => id.startsWith(p));
  return prefix ? `ids starting "${prefix}" are used by the site's pages for their own anchors` : undefined;
}

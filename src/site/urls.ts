import type { EntityKind } from '../lib/markdown.ts';

const SECTIONS: Record<EntityKind, string> = {
  source: 'sources',
  commitment: 'commitments',
  extract: 'extracts',
  pillar: 'pillars',
};

/** Joins the site's base path and a path inside the site, with the trailing-slash policy applied. */
export function withBase(base: string, path: string): string {
  const cleanBase = `/${base.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const cleanPath = path.replace(/^\/+/, '');
  const joined = `${cleanBase}/${cleanPath}`;
  // Directories end in a slash; files (with an extension) and fragments keep their form.
  if (/\.[a-z0-9]+$/i.test(cleanPath) || joined.endsWith('/') || cleanPath.includes('#') || cleanPath.includes('?')) return joined;
  return `${joined}/`;
}

/** One place that turns entities into links; every internal URL on the site comes from here. */
export function makeUrls(base: string) {
  return {
    home: () => withBase(base, '/'),
    page: (path: string) => withBase(base, path),
    entity: (kind: EntityKind, id: string) => withBase(base, `/${SECTIONS[kind]}/${id}/`),
    source: (id: string) => withBase(base, `/sources/${id}/`),
    commitment: (id: string) => withBase(base, `/commitments/${id}/`),
    extract: (id: string) => withBase(base, `/extracts/${id}/`),
    pillar: (id: string) => withBase(base, `/pillars/${id}/`),
    /** The anchor of a commitment or extract on its source's digest page. */
    inSource: (sourceId: string, id: string) => `${withBase(base, `/sources/${sourceId}/`)}#${id}`,
  };
}

export type Urls = ReturnType<typeof makeUrls>;

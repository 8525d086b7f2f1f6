// Every id a source's digest page uses for itself is reserved (src/lib/references/reserved-ids.ts),
// so the validator refuses a commitment or extract that would take it: read from the built pages of
// both test sites, so a new anchor on the page cannot slip past the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { reservedBecause } from '../../src/lib/references/reserved-ids.ts';
import type { CommitmentExport, ExtractExport } from '../../src/lib/schema/export.ts';
import { readPages, type Page } from '../support/dist.ts';
import { SITES } from '../support/sites.ts';

describe.each(SITES.map((spec) => [spec.name, spec] as const))('reserved ids on the built %s site', (name) => {
  const site = inject('sites')[name];
  if (!site) throw new Error(`site "${name}" was not built by the global setup`);
  let pages: Map<string, Page>;
  let entities: Set<string>;

  beforeAll(() => {
    if (!site.ok) throw new Error(`node scripts/build.ts failed for ${site.content}:\n${site.log}`);
    pages = readPages(site.outDir, site.base);
    const data = (file: string) => JSON.parse(readFileSync(join(site.outDir, 'data', file), 'utf8'));
    entities = new Set([
      ...(data('commitments.json') as { commitments: CommitmentExport[] }).commitments.map((c) => c.id),
      ...(data('extracts.json') as { extracts: ExtractExport[] }).extracts.map((e) => e.id),
    ]);
  });

  it('reserves every id a digest page uses for itself, so no commitment or extract can take it', () => {
    const digests = [...pages.values()].filter((p) => p.url.startsWith(`${site.base}sources/`) && p.url !== `${site.base}sources/`);
    expect(digests.length).toBeGreaterThan(0);
    const unreserved = new Set(digests.flatMap((p) => [...p.ids].filter((id) => !entities.has(id) && !reservedBecause(id)).map((id) => `${p.url}#${id}`)));
    expect([...unreserved]).toEqual([]);
  });
});

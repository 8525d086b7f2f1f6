// Accept/reject tables for every zod schema. Each row is named for the rule it proves; rejected
// rows also pin the path of the first issue, so a row cannot pass for the wrong reason.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CommitmentFields, Funding, LineageLink, Response, Status } from '../../src/lib/schema/commitment.ts';
import { ExtractFields } from '../../src/lib/schema/extract.ts';
import { Pillar, PillarMapping, PillarsFile } from '../../src/lib/schema/pillar.ts';
import { FullDate, Id, PartialDate, Text, WebUrl, isRealPartialDate } from '../../src/lib/schema/primitives.ts';
import { Coverage, FrameworkEntry, Licence, Person, RelatedSource, SourceFrontMatter } from '../../src/lib/schema/source.ts';

type Row = [rule: string, value: unknown];
type RejectRow = [rule: string, value: unknown, path: (string | number)[]];

function accepts(schema: z.ZodType, rows: Row[]) {
  it.each(rows)('accepts: %s', (_rule, value) => {
    const result = schema.safeParse(value);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
}

function rejects(schema: z.ZodType, rows: RejectRow[]) {
  it.each(rows)('rejects: %s', (_rule, value, path) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.path)).toContainEqual(path);
  });
}

/** Replaces (or, with undefined, removes) one field of a valid object. */
const withField = <T extends Record<string, unknown>>(base: T, key: string, value: unknown) => {
  const copy: Record<string, unknown> = { ...base };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
};

describe('Id', () => {
  accepts(Id, [
    ['lowercase word', 'kinship'],
    ['kebab-case', 'staying-close'],
    ['digits after the first letter', 'hcws57-2016'],
    ['a single letter', 'a'],
  ]);
  rejects(Id, [
    ['starts with a digit (not a valid HTML id start)', '2016-vision', []],
    ['upper case', 'Staying-close', []],
    ['underscore', 'staying_close', []],
    ['space', 'staying close', []],
    ['leading hyphen', '-staying', []],
    ['trailing hyphen', 'staying-', []],
    ['double hyphen', 'staying--close', []],
    ['empty', '', []],
    ['non-ASCII letter', 'café', []],
    ['a number', 2016, []],
  ]);
});

describe('Text', () => {
  accepts(Text, [
    ['any words', 'Pilot staying close'],
    ['a single character', 'x'],
  ]);
  rejects(Text, [
    ['empty', '', []],
    ['only white space', ' \t\n ', []],
    ['a number', 3, []],
    ['null (an empty YAML value)', null, []],
  ]);
});

describe('PartialDate', () => {
  accepts(PartialDate, [
    ['a year', '2016'],
    ['a year and month', '2023-02'],
    ['a full date', '2016-07-04'],
    ['29 February in a leap year', '2024-02-29'],
    ['31 December', '2024-12-31'],
  ]);
  rejects(PartialDate, [
    ['30 February', '2016-02-30', []],
    ['29 February in a common year', '2023-02-29', []],
    ['31 April', '2024-04-31', []],
    ['month 13', '2023-13', []],
    ['month 00', '2023-00', []],
    ['day 00', '2023-01-00', []],
    ['day 32', '2023-01-32', []],
    ['single-digit month', '2023-2', []],
    ['a two-digit year', '16', []],
    ['a UK-style date', '04/07/2016', []],
    ['a date with a time', '2016-07-04T00:00:00Z', []],
    ['words', 'July 2016', []],
    ['a YAML number (an unquoted year read as 2016)', 2016, []],
    ['a Date object (what YAML 1.1 makes of a bare date)', new Date('2016-07-04'), []],
  ]);
  it('isRealPartialDate agrees with the calendar for every day of 2024 and 2023', () => {
    for (const year of [2023, 2024]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const real = new Date(`${iso}T00:00:00Z`).getUTCDate() === day;
          expect(isRealPartialDate(iso), iso).toBe(real);
        }
      }
    }
  });
});

describe('FullDate', () => {
  accepts(FullDate, [['a full date', '2023-02-02']]);
  rejects(FullDate, [
    ['a year alone', '2023', []],
    ['a year and month', '2023-02', []],
    ['an impossible day', '2023-02-30', []],
  ]);
});

describe('WebUrl', () => {
  accepts(WebUrl, [
    ['https', 'https://www.gov.uk/government/publications/alpha'],
    ['http', 'http://example.org/'],
    ['upper-case scheme', 'HTTPS://www.gov.uk/'],
    ['query and fragment', 'https://hansard.parliament.uk/x?y=1#z'],
  ]);
  rejects(WebUrl, [
    ['javascript:', 'javascript:alert(1)', []],
    ['javascript: with upper case', 'JavaScript:alert(1)', []],
    ['data:', 'data:text/html,<script>alert(1)</script>', []],
    ['mailto: (not a web page)', 'mailto:someone@example.org', []],
    ['protocol-relative', '//www.gov.uk/', []],
    ['relative path', '/government/publications', []],
    ['no host', 'https://', []],
    ['white space inside', 'https://www.gov.uk/a b', []],
    ['ftp', 'ftp://example.org/file', []],
    ['empty', '', []],
  ]);
});

const validSource = {
  id: 'alpha-2016',
  title: 'Alpha: a first paper',
  shortTitle: 'Alpha',
  role: 'core',
  kind: 'policy-paper',
  published: '2016-07-04',
  publishers: ['Department for Education'],
  people: [{ name: 'A Minister', role: 'Minister for Children (foreword)' }],
  url: 'https://www.gov.uk/government/publications/alpha',
  licence: { id: 'OGL-3.0', attribution: 'Contains public sector information licensed under the Open Government Licence v3.0.' },
  framework: [{ id: 'people', title: 'People and leadership', locator: 'Chapter 2, p. 14', description: 'Who does the work.' }],
  related: [{ source: 'beta-2023', relation: 'leads-to', note: 'The strategy that followed.' }],
  coverage: { complete: false, statement: 'Chapters 2 and 3.', missing: ['Chapter 4.'] },
  aliases: ['the alpha paper'],
};

describe('SourceFrontMatter', () => {
  accepts(SourceFrontMatter, [
    ['every field', validSource],
    [
      'only the required fields',
      withField(
        withField(
          withField(withField(withField(withField(validSource, 'people', undefined), 'url', undefined), 'framework', undefined), 'related', undefined),
          'aliases',
          undefined,
        ),
        'coverage',
        { complete: true, statement: 'All of it.', missing: [] },
      ),
    ],
    ['a companion source', withField(validSource, 'role', 'companion')],
    ['a published year alone', withField(validSource, 'published', '2016')],
    [
      'the Open Parliament Licence',
      withField(validSource, 'licence', { id: 'OPL-1.0', attribution: 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.' }),
    ],
    ['complete coverage with nothing missing', withField(validSource, 'coverage', { complete: true, statement: 'All of it.', missing: [] })],
  ]);
  rejects(SourceFrontMatter, [
    ['an unknown field (strict)', withField(validSource, 'subtitle', 'x'), []],
    ['an unknown field in licence (strict)', withField(validSource, 'licence', { ...validSource.licence, year: 2016 }), ['licence']],
    ['an unknown field in a framework entry (strict)', withField(validSource, 'framework', [{ id: 'people', title: 'People', page: 14 }]), ['framework', 0]],
    ['a missing id', withField(validSource, 'id', undefined), ['id']],
    ['an id that is not kebab-case', withField(validSource, 'id', 'Alpha 2016'), ['id']],
    ['a missing title', withField(validSource, 'title', undefined), ['title']],
    ['an empty shortTitle', withField(validSource, 'shortTitle', ''), ['shortTitle']],
    ['a role outside core/companion', withField(validSource, 'role', 'main'), ['role']],
    ['a kind outside SOURCE_KINDS', withField(validSource, 'kind', 'white-paper'), ['kind']],
    ['an impossible published date', withField(validSource, 'published', '2016-02-30'), ['published']],
    ['a published date as a number', withField(validSource, 'published', 2016), ['published']],
    ['publishers as text, not a list', withField(validSource, 'publishers', 'Department for Education'), ['publishers']],
    ['no publishers', withField(validSource, 'publishers', []), ['publishers']],
    ['a person without a role', withField(validSource, 'people', [{ name: 'A Minister' }]), ['people', 0, 'role']],
    ['a javascript: url', withField(validSource, 'url', 'javascript:alert(1)'), ['url']],
    ['an unknown licence', withField(validSource, 'licence', { id: 'CC-BY-4.0', attribution: 'x' }), ['licence', 'id']],
    ['a licence without attribution', withField(validSource, 'licence', { id: 'OGL-3.0' }), ['licence', 'attribution']],
    ['a framework entry with a bad id', withField(validSource, 'framework', [{ id: 'People', title: 'People' }]), ['framework', 0, 'id']],
    ['a framework entry with an empty title', withField(validSource, 'framework', [{ id: 'people', title: ' ' }]), ['framework', 0, 'title']],
    ['a related source with an unknown relation', withField(validSource, 'related', [{ source: 'beta-2023', relation: 'likes' }]), ['related', 0, 'relation']],
    ['a related source with a bad id', withField(validSource, 'related', [{ source: 'Beta', relation: 'continues' }]), ['related', 0, 'source']],
    ['no coverage', withField(validSource, 'coverage', undefined), ['coverage']],
    ['coverage.complete as text', withField(validSource, 'coverage', { complete: 'no', statement: 'x', missing: ['y'] }), ['coverage', 'complete']],
    [
      'incomplete coverage that lists nothing missing',
      withField(validSource, 'coverage', { complete: false, statement: 'Some.', missing: [] }),
      ['coverage', 'missing'],
    ],
    ['coverage without a statement', withField(validSource, 'coverage', { complete: true, missing: [] }), ['coverage', 'statement']],
    ['a list instead of a mapping', [validSource], []],
  ]);
  it('reports every wrong field at once, not only the first', () => {
    const result = SourceFrontMatter.safeParse({ ...validSource, kind: 'x', published: '2016-13', url: 'ftp://x' });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual(['kind', 'published', 'url']);
  });
});

describe('the parts of a source', () => {
  describe('Person', () => {
    accepts(Person, [['name and role', { name: 'Edward Timpson', role: 'Minister' }]]);
    rejects(Person, [
      ['an empty name', { name: '', role: 'Minister' }, ['name']],
      ['an unknown field', { name: 'x', role: 'y', party: 'z' }, []],
    ]);
  });
  describe('Licence', () => {
    accepts(Licence, [['OGL', { id: 'OGL-3.0', attribution: 'x' }]]);
    rejects(Licence, [['lower-case licence id', { id: 'ogl-3.0', attribution: 'x' }, ['id']]]);
  });
  describe('FrameworkEntry', () => {
    accepts(FrameworkEntry, [['id and title only', { id: 'people', title: 'People' }]]);
    rejects(FrameworkEntry, [
      ['no title', { id: 'people' }, ['title']],
      ['an empty description', { id: 'people', title: 'People', description: '' }, ['description']],
    ]);
  });
  describe('RelatedSource', () => {
    accepts(RelatedSource, [['every relation', { source: 'beta-2023', relation: 'announced-in' }]]);
    rejects(RelatedSource, [['no relation', { source: 'beta-2023' }, ['relation']]]);
  });
  describe('Coverage', () => {
    accepts(Coverage, [['incomplete with what is missing', { complete: false, statement: 'x', missing: ['y'] }]]);
    rejects(Coverage, [['missing given as text', { complete: false, statement: 'x', missing: 'y' }, ['missing']]]);
  });
});

const validCommitment = {
  title: 'Pilot staying close',
  locator: 'Chapter 3, p. 38',
  sourcePillar: 'leaving-care',
  pillars: ['care-leavers'],
  recommendation: 12,
  due: '2017',
  dueLabel: 'during 2017',
  funding: [{ amount: '£5m', purpose: 'pilots', period: 'over two years' }],
  owners: ['Department for Education'],
  lineage: [{ relation: 'continues', commitment: 'vision-staying-close', note: 'From pilot to roll-out.' }],
  response: { stance: 'accepted', summary: 'The government agreed.', locator: 'Government response, p. 4' },
  status: {
    value: 'in-progress',
    asOf: '2024-01',
    checked: '2026-12-01',
    summary: 'Rolled out.',
    evidence: [{ citation: 'PQ 2023', url: 'https://example.org/pq' }],
  },
  aliases: ['staying close'],
  note: 'The source does not say how many pilots.',
  previousIds: ['alpha-pilot'],
};
// A status is required on every commitment; `not-known` is the one value that needs no evidence.
const notKnown = { value: 'not-known', asOf: '2026-11', checked: '2026-12-01', summary: 'No later statement found.' };
const minimalCommitment = { title: 'x', locator: 'p. 1', sourcePillar: 'people', pillars: ['workforce'], status: notKnown };

describe('CommitmentFields', () => {
  accepts(CommitmentFields, [
    ['every field', validCommitment],
    ['only title, locator, sourcePillar, pillars and a not-known status without evidence', minimalCommitment],
    ['a due date as precise as a day', { ...minimalCommitment, due: '2020-03-31' }],
    ['funding without a period', { ...minimalCommitment, funding: [{ amount: 'up to £200 million', purpose: 'family hubs' }] }],
    [
      'evidence without a URL',
      { ...minimalCommitment, status: { value: 'not-known', asOf: '2024', checked: '2026-12-01', summary: 'x', evidence: [{ citation: 'y' }] } },
    ],
    [
      'every lineage relation',
      {
        ...minimalCommitment,
        lineage: ['continues', 'responds-to', 'supersedes', 'superseded-by', 'implements'].map((relation) => ({ relation, commitment: 'other' })),
      },
    ],
  ]);
  it('fills in empty lists for the optional lists', () => {
    expect(CommitmentFields.parse(minimalCommitment)).toEqual({
      ...minimalCommitment,
      status: { ...notKnown, evidence: [], developments: [] },
      funding: [],
      owners: [],
      lineage: [],
      legislation: [],
      aliases: [],
      previousIds: [],
    });
  });
  rejects(CommitmentFields, [
    ['an unknown field (strict)', { ...minimalCommitment, deadline: '2020' }, []],
    [
      'an unknown field in a lineage link (strict)',
      { ...minimalCommitment, lineage: [{ relation: 'continues', commitment: 'x', source: 'y' }] },
      ['lineage', 0],
    ],
    ['no title', withField(minimalCommitment, 'title', undefined), ['title']],
    ['an empty title', { ...minimalCommitment, title: '' }, ['title']],
    ['no locator (every commitment says where it stands)', withField(minimalCommitment, 'locator', undefined), ['locator']],
    ['no sourcePillar', withField(minimalCommitment, 'sourcePillar', undefined), ['sourcePillar']],
    ['no pillars', withField(minimalCommitment, 'pillars', undefined), ['pillars']],
    ['no status (every commitment says what happened to it)', withField(minimalCommitment, 'status', undefined), ['status']],
    ['an empty pillars list (at least one pillar)', { ...minimalCommitment, pillars: [] }, ['pillars']],
    ['a pillar id that is not kebab-case', { ...minimalCommitment, pillars: ['Care leavers'] }, ['pillars', 0]],
    ['pillars as text, not a list', { ...minimalCommitment, pillars: 'workforce' }, ['pillars']],
    ['a recommendation number as text', { ...minimalCommitment, recommendation: 'three' }, ['recommendation']],
    ['a recommendation number of zero', { ...minimalCommitment, recommendation: 0 }, ['recommendation']],
    ['a fractional recommendation number', { ...minimalCommitment, recommendation: 1.5 }, ['recommendation']],
    ['an impossible due date', { ...minimalCommitment, due: '2023-13' }, ['due']],
    ['a due date in words', { ...minimalCommitment, due: 'by 2020' }, ['due']],
    ['funding without an amount', { ...minimalCommitment, funding: [{ purpose: 'x' }] }, ['funding', 0, 'amount']],
    [
      'funding as a number (figures are kept exactly as written)',
      { ...minimalCommitment, funding: [{ amount: 5000000, purpose: 'x' }] },
      ['funding', 0, 'amount'],
    ],
    ['a lineage relation outside the set', { ...minimalCommitment, lineage: [{ relation: 'replaces', commitment: 'x' }] }, ['lineage', 0, 'relation']],
    ['a lineage link without a commitment', { ...minimalCommitment, lineage: [{ relation: 'continues' }] }, ['lineage', 0, 'commitment']],
    ['a response stance outside the set', { ...minimalCommitment, response: { stance: 'rejected', summary: 'x', locator: 'y' } }, ['response', 'stance']],
    ['a response without a locator', { ...minimalCommitment, response: { stance: 'accepted', summary: 'x' } }, ['response', 'locator']],
    [
      'a status without evidence',
      { ...minimalCommitment, status: { value: 'delivered', asOf: '2024', checked: '2026-12-01', summary: 'x' } },
      ['status', 'evidence'],
    ],
    [
      'a status with an empty evidence list',
      { ...minimalCommitment, status: { value: 'delivered', asOf: '2024', checked: '2026-12-01', summary: 'x', evidence: [] } },
      ['status', 'evidence'],
    ],
    [
      'a status value outside the set',
      { ...minimalCommitment, status: { value: 'done', asOf: '2024', checked: '2026-12-01', summary: 'x', evidence: [{ citation: 'y' }] } },
      ['status', 'value'],
    ],
    [
      'a status asOf that is not a real date',
      { ...minimalCommitment, status: { value: 'delivered', asOf: '2024-02-30', checked: '2026-12-01', summary: 'x', evidence: [{ citation: 'y' }] } },
      ['status', 'asOf'],
    ],
    [
      'evidence with a javascript: URL',
      {
        ...minimalCommitment,
        status: { value: 'delivered', asOf: '2024', checked: '2026-12-01', summary: 'x', evidence: [{ citation: 'y', url: 'javascript:alert(1)' }] },
      },
      ['status', 'evidence', 0, 'url'],
    ],
    ['an empty alias', { ...minimalCommitment, aliases: [''] }, ['aliases', 0]],
    ['an empty note', { ...minimalCommitment, note: ' ' }, ['note']],
    ['a previous id that is not kebab-case', { ...minimalCommitment, previousIds: ['Old_Id'] }, ['previousIds', 0]],
    ['owners as text, not a list', { ...minimalCommitment, owners: 'DfE' }, ['owners']],
    ['null (an empty yaml block)', null, []],
  ]);
});

describe('the parts of a commitment', () => {
  describe('LineageLink', () => {
    accepts(LineageLink, [['relation and commitment', { relation: 'implements', commitment: 'x' }]]);
    rejects(LineageLink, [['an empty note', { relation: 'implements', commitment: 'x', note: '' }, ['note']]]);
  });
  describe('Funding', () => {
    accepts(Funding, [['amount and purpose', { amount: '£45m', purpose: 'x' }]]);
    rejects(Funding, [['an empty purpose', { amount: '£45m', purpose: '' }, ['purpose']]]);
  });
  describe('Response', () => {
    accepts(Response, [['acted on', { stance: 'acted-on', summary: 'x', locator: 'y' }]]);
    rejects(Response, [['no summary', { stance: 'accepted', locator: 'y' }, ['summary']]]);
  });
  describe('Status', () => {
    accepts(Status, [['with evidence', { value: 'dropped', asOf: '2019-05', checked: '2026-12-01', summary: 'x', evidence: [{ citation: 'y' }] }]]);
    rejects(Status, [
      [
        'evidence without a citation',
        { value: 'dropped', asOf: '2019', checked: '2026-12-01', summary: 'x', evidence: [{ url: 'https://example.org/' }] },
        ['evidence', 0, 'citation'],
      ],
    ]);
  });
});

const validExtract = {
  title: 'The three pillars',
  locator: 'Ministerial foreword, pp. 3–4',
  speaker: 'Edward Timpson',
  commitments: ['pcf-leaders'],
  previousIds: ['old-extract'],
};

describe('ExtractFields', () => {
  accepts(ExtractFields, [
    ['every field', validExtract],
    ['only title and locator', { title: 'x', locator: 'p. 3' }],
  ]);
  it('fills in empty lists for commitments and previousIds', () => {
    expect(ExtractFields.parse({ title: 'x', locator: 'p. 3' })).toEqual({ title: 'x', locator: 'p. 3', commitments: [], previousIds: [] });
  });
  rejects(ExtractFields, [
    ['an unknown field (strict)', { ...validExtract, page: 3 }, []],
    ['no title', withField(validExtract, 'title', undefined), ['title']],
    ['no locator', withField(validExtract, 'locator', undefined), ['locator']],
    ['an empty locator', { ...validExtract, locator: '' }, ['locator']],
    ['an empty speaker', { ...validExtract, speaker: '' }, ['speaker']],
    ['a commitment id that is not kebab-case', { ...validExtract, commitments: ['PCF leaders'] }, ['commitments', 0]],
    ['commitments as text, not a list', { ...validExtract, commitments: 'pcf-leaders' }, ['commitments']],
    ['a text field (the passage belongs in the body, not the yaml)', { ...validExtract, text: 'We will…' }, []],
  ]);
});

const validPillar = {
  id: 'care-leavers',
  title: 'Care leavers',
  description: 'Support for young people leaving care.',
  aliases: ['leaving care'],
  maps: [{ source: 'alpha-2016', entries: ['leaving-care'] }],
};

describe('Pillar', () => {
  accepts(Pillar, [
    ['every field', validPillar],
    ['no aliases and no maps', { id: 'kinship', title: 'Kinship', description: 'x' }],
  ]);
  rejects(Pillar, [
    ['an unknown field (strict)', { ...validPillar, colour: 'blue' }, []],
    ['no id', withField(validPillar, 'id', undefined), ['id']],
    ['an id that is not kebab-case', { ...validPillar, id: 'Care leavers' }, ['id']],
    ['no description', withField(validPillar, 'description', undefined), ['description']],
    ['an empty title', { ...validPillar, title: '' }, ['title']],
    ['a mapping with no entries', { ...validPillar, maps: [{ source: 'alpha-2016', entries: [] }] }, ['maps', 0, 'entries']],
    ['a mapping with a bad source id', { ...validPillar, maps: [{ source: 'Alpha', entries: ['x'] }] }, ['maps', 0, 'source']],
    ['an unknown field in a mapping (strict)', { ...validPillar, maps: [{ source: 'alpha-2016', entries: ['x'], weight: 1 }] }, ['maps', 0]],
  ]);
});

describe('PillarMapping', () => {
  accepts(PillarMapping, [['a source and its entries', { source: 'beta-2023', entries: ['staff', 'leaders'] }]]);
  rejects(PillarMapping, [['entries as text', { source: 'beta-2023', entries: 'staff' }, ['entries']]]);
});

describe('PillarsFile', () => {
  accepts(PillarsFile, [['a list of pillars', { pillars: [validPillar, { id: 'workforce', title: 'Workforce', description: 'x' }] }]]);
  rejects(PillarsFile, [
    ['an empty list', { pillars: [] }, ['pillars']],
    ['no pillars key', {}, ['pillars']],
    ['an unknown top-level key (strict)', { pillars: [validPillar], version: 2 }, []],
    ['a bare list without the pillars key', [validPillar], []],
    ['a bad pillar inside the list', { pillars: [{ ...validPillar, title: '' }] }, ['pillars', 0, 'title']],
  ]);
});

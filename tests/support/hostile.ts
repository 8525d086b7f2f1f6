// Hostile content: script, event-handler, `javascript:` and `data:` payloads, and the fields of a
// content tree they can be planted in. One template tree (the good fixture's shape) carries a
// marker in every field an editor writes; `plantTree` fills the markers, either with harmless
// defaults or with payloads. tests/security/hostile-content.test.ts plants each payload in each
// field on its own (validate must refuse it at that line, or take it as plain text), then builds
// one tree holding every payload that was taken as plain text and checks the pages.
import type { ContentTree } from '../../src/lib/load.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Each payload carries a unique `alert(N)` (or `msgbox(N)`) so that a dialog, or the payload's
 * text on a page, can be traced back to it.
 */
export const PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '"><svg onload=alert(3)>',
  "'><body onload=alert(4)>",
  '<a href="javascript:alert(5)">link</a>',
  '<iframe srcdoc="<script>alert(6)</script>"></iframe>',
  '</title><script>alert(7)</script>',
  '<style>body{display:none}</style><!-- alert(8) -->',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(9)">',
  '" onmouseover="alert(10)" x="',
  "' autofocus onfocus='alert(11)' x='",
  '<!--><script>alert(12)</script>-->',
  '<!-- x --><script>alert(13)</script><!-- y -->',
  '</script><script>alert(14)</script>',
  '<details open ontoggle=alert(15)>',
  '<base href="javascript:alert(16)//">',
  '<form action="javascript:alert(17)"><button>go</button></form>',
  '<object data="data:text/html,<script>alert(18)</script>"></object>',
  '{{constructor.constructor("alert(19)")()}}',
  '&lt;script&gt;alert(20)&lt;/script&gt;',
  'javascript:alert(21)',
  'JaVaScRiPt:alert(22)',
  ' javascript:alert(23)',
  'java\tscript:alert(24)',
  'jav&#x09;ascript:alert(25)',
  'javascript&colon;alert(26)',
  `data:text/html;base64,${b64('<script>alert(27)</script>')}`,
  'data:image/svg+xml,<svg onload=alert(28)>',
  'vbscript:msgbox(29)',
  '//evil.example/alert(30).js',
  'https://example.org/?q="><script>alert(31)</script>',
  'https://example.org/"onmouseover="alert(32)',
  '\u0000<script>alert(33)</script>',
  '<svg><a xlink:href="javascript:alert(34)"><text>x</text></a></svg>',
  '<math><mi href="javascript:alert(35)">x</mi></math>',
  '<scr<script>ipt>alert(36)</script>',
  '<a href="&#106;avascript:alert(37)">x</a>',
  '<p style="background:url(javascript:alert(38))">x</p>',
];

/** The `alert(N)` / `msgbox(N)` call that identifies a payload. */
export const marker = (payload: string) => /(?:alert|msgbox)\(\d+\)/.exec(payload)?.[0] ?? payload;

type Kind =
  /** A YAML string: all payloads joined with spaces, as one double-quoted scalar. */
  | 'string'
  /** A YAML flow list of double-quoted strings. */
  | 'list'
  /** Markdown: one block per payload, from the field's `write`. */
  | 'markdown'
  /** One directive's attributes or label: one payload at a time. */
  | 'directive';

export interface Field {
  /** E.g. `front matter: title`, `commitment: note`, `prose: link title`. */
  name: string;
  file: 'alpha' | 'beta' | 'pillars';
  kind: Kind;
  /** What the marker holds when nothing is planted in it. */
  harmless: string;
  /** Markdown and directive fields: how one payload is written (index `i` for unique labels). */
  write?: (payload: string, i: number) => string;
}

const J = (text: string) => JSON.stringify(text);

export const FIELDS: readonly Field[] = [
  { name: 'front matter: id', file: 'alpha', kind: 'string', harmless: 'alpha-2016' },
  { name: 'front matter: title', file: 'alpha', kind: 'string', harmless: '"Alpha: a first paper"' },
  { name: 'front matter: shortTitle', file: 'alpha', kind: 'string', harmless: 'Alpha' },
  { name: 'front matter: publishers', file: 'alpha', kind: 'list', harmless: '[Department for Education]' },
  { name: 'front matter: people[].name', file: 'alpha', kind: 'string', harmless: 'A Minister' },
  { name: 'front matter: people[].role', file: 'alpha', kind: 'string', harmless: 'Minister for Children (foreword)' },
  { name: 'front matter: url', file: 'alpha', kind: 'string', harmless: 'https://www.gov.uk/government/publications/alpha' },
  {
    name: 'front matter: licence.attribution',
    file: 'alpha',
    kind: 'string',
    harmless: 'Contains public sector information licensed under the Open Government Licence v3.0.',
  },
  { name: 'front matter: framework[].id', file: 'alpha', kind: 'string', harmless: 'people' },
  { name: 'front matter: framework[].title', file: 'alpha', kind: 'string', harmless: 'People and leadership' },
  { name: 'front matter: framework[].locator', file: 'alpha', kind: 'string', harmless: '"Chapter 2, p. 14"' },
  { name: 'front matter: related[].source', file: 'alpha', kind: 'string', harmless: 'beta-2023' },
  { name: 'front matter: coverage.statement', file: 'alpha', kind: 'string', harmless: 'Chapters 2 and 3 are digested.' },
  { name: 'front matter: coverage.missing', file: 'alpha', kind: 'list', harmless: '[Chapter 4 is not yet digested.]' },
  { name: 'front matter: aliases', file: 'alpha', kind: 'list', harmless: '[the alpha paper]' },
  { name: 'prose: paragraph', file: 'alpha', kind: 'markdown', harmless: 'Plain prose.', write: (p) => p },
  { name: 'prose: heading', file: 'alpha', kind: 'markdown', harmless: '## A heading', write: (p) => `## ${p}` },
  { name: 'prose: list item and quote', file: 'alpha', kind: 'markdown', harmless: '- an item', write: (p) => `- ${p}\n\n> ${p}` },
  { name: 'prose: emphasis', file: 'alpha', kind: 'markdown', harmless: '*emphasis*', write: (p) => `*${p}* and **${p}**` },
  { name: 'prose: inline code', file: 'alpha', kind: 'markdown', harmless: '`code`', write: (p) => `\`\` ${p} \`\`` },
  { name: 'prose: link text', file: 'alpha', kind: 'markdown', harmless: '[a link](https://example.org/)', write: (p) => `[${p}](https://example.org/)` },
  { name: 'prose: link target', file: 'alpha', kind: 'markdown', harmless: '[a link](https://example.org/)', write: (p) => `[a link](${p})` },
  { name: 'prose: link target in <>', file: 'alpha', kind: 'markdown', harmless: '[a link](<https://example.org/>)', write: (p) => `[a link](<${p}>)` },
  {
    name: 'prose: link title',
    file: 'alpha',
    kind: 'markdown',
    harmless: '[a link](https://example.org/ "a title")',
    write: (p) => `[a link](https://example.org/ ${J(p)})`,
  },
  { name: 'prose: autolink', file: 'alpha', kind: 'markdown', harmless: '<https://example.org/>', write: (p) => `<${p}>` },
  {
    name: 'prose: reference definition',
    file: 'alpha',
    kind: 'markdown',
    harmless: '[ref]: https://example.org/\n\n[a link][ref]',
    write: (p, i) => `[r${i}]: <${p}>\n\n[a link][r${i}]`,
  },
  {
    name: 'prose: reference definition title',
    file: 'alpha',
    kind: 'markdown',
    harmless: '[t]: https://example.org/ "a title"\n\n[a link][t]',
    write: (p, i) => `[t${i}]: https://example.org/ ${J(p)}\n\n[a link][t${i}]`,
  },
  {
    name: 'prose: entity link',
    file: 'alpha',
    kind: 'markdown',
    harmless: '[staying close](commitment:alpha-staying-close)',
    write: (p) => `[x](<commitment:${p}>)`,
  },
  { name: 'directive: id', file: 'alpha', kind: 'directive', harmless: '#alpha-staying-close', write: (p) => `id=${J(p)}` },
  { name: 'directive: #id shortcut', file: 'alpha', kind: 'directive', harmless: '#alpha-accredited-leaders', write: (p) => `#${p}` },
  { name: 'directive: extra attribute', file: 'alpha', kind: 'directive', harmless: '#alpha-foreword', write: (p) => `#alpha-foreword onmouseover=${J(p)}` },
  { name: 'directive: label', file: 'beta', kind: 'directive', harmless: '', write: (p) => `[${p}]` },
  { name: 'commitment: title', file: 'alpha', kind: 'string', harmless: 'Pilot staying close' },
  { name: 'commitment: locator', file: 'alpha', kind: 'string', harmless: '"Chapter 3, p. 38"' },
  { name: 'commitment: sourcePillar', file: 'alpha', kind: 'string', harmless: 'leaving-care' },
  { name: 'commitment: pillars', file: 'alpha', kind: 'list', harmless: '[care-leavers]' },
  { name: 'commitment: dueLabel', file: 'alpha', kind: 'string', harmless: 'during 2017' },
  { name: 'commitment: funding[].amount', file: 'alpha', kind: 'string', harmless: '"£5m"' },
  { name: 'commitment: funding[].purpose', file: 'alpha', kind: 'string', harmless: 'pilots' },
  { name: 'commitment: funding[].period', file: 'alpha', kind: 'string', harmless: 'over two years' },
  { name: 'commitment: owners', file: 'alpha', kind: 'list', harmless: '[Department for Education]' },
  { name: 'commitment: aliases', file: 'alpha', kind: 'list', harmless: '[staying close]' },
  { name: 'commitment: note', file: 'alpha', kind: 'string', harmless: 'The source gives no date.' },
  { name: 'commitment: previousIds', file: 'alpha', kind: 'list', harmless: '[alpha-practice-leaders]' },
  { name: 'commitment: response.summary', file: 'alpha', kind: 'string', harmless: 'Accepted in full.' },
  { name: 'commitment: response.locator', file: 'alpha', kind: 'string', harmless: '"Government response, 2016"' },
  { name: 'commitment: status.summary', file: 'alpha', kind: 'string', harmless: 'Pilots ran in three areas.' },
  { name: 'commitment: status.evidence[].citation', file: 'alpha', kind: 'string', harmless: '"Evaluation report, 2018"' },
  { name: 'commitment: status.evidence[].url', file: 'alpha', kind: 'string', harmless: 'https://example.org/evaluation' },
  { name: 'commitment: lineage[].note', file: 'beta', kind: 'string', harmless: 'From pilot to national roll-out.' },
  { name: 'commitment: lineage[].commitment', file: 'beta', kind: 'string', harmless: 'alpha-staying-close' },
  { name: 'commitment: text', file: 'alpha', kind: 'markdown', harmless: 'Pilot a staying close offer.', write: (p) => p },
  { name: 'extract: title', file: 'alpha', kind: 'string', harmless: "The foreword's promise" },
  { name: 'extract: locator', file: 'alpha', kind: 'string', harmless: '"Ministerial foreword, p. 3"' },
  { name: 'extract: speaker', file: 'alpha', kind: 'string', harmless: 'A Minister' },
  { name: 'extract: commitments', file: 'alpha', kind: 'list', harmless: '[alpha-staying-close]' },
  { name: 'extract: previousIds', file: 'alpha', kind: 'list', harmless: '[]' },
  { name: 'extract: text', file: 'alpha', kind: 'markdown', harmless: 'We will keep caring.', write: (p) => p },
  { name: 'pillars.yml: id', file: 'pillars', kind: 'string', harmless: 'workforce' },
  { name: 'pillars.yml: title', file: 'pillars', kind: 'string', harmless: 'Care leavers' },
  { name: 'pillars.yml: description', file: 'pillars', kind: 'string', harmless: 'Support for young people leaving care.' },
  { name: 'pillars.yml: aliases', file: 'pillars', kind: 'list', harmless: '[young people leaving care]' },
  { name: 'pillars.yml: maps[].entries', file: 'pillars', kind: 'list', harmless: '[leaving-care]' },
];

const slot = (field: Field) => `@@${field.name}@@`;
const s = (name: string) => `@@${name}@@`;

const TEMPLATES: Record<Field['file'], string> = {
  alpha: `---
id: ${s('front matter: id')}
title: ${s('front matter: title')}
shortTitle: ${s('front matter: shortTitle')}
role: core
kind: policy-paper
published: "2016-07-04"
publishers: ${s('front matter: publishers')}
people:
  - { name: ${s('front matter: people[].name')}, role: ${s('front matter: people[].role')} }
url: ${s('front matter: url')}
licence:
  id: OGL-3.0
  attribution: ${s('front matter: licence.attribution')}
framework:
  - { id: ${s('front matter: framework[].id')}, title: ${s('front matter: framework[].title')}, locator: ${s('front matter: framework[].locator')} }
  - { id: leaving-care, title: Leaving care, locator: "Chapter 3" }
related:
  - { source: ${s('front matter: related[].source')}, relation: leads-to }
coverage:
  complete: false
  statement: ${s('front matter: coverage.statement')}
  missing: ${s('front matter: coverage.missing')}
aliases: ${s('front matter: aliases')}
---

## Summary

Alpha is a paper. It promised [a staying close pilot](commitment:alpha-staying-close) and
[care leavers](pillar:care-leavers) mattered. See [Beta](source:beta-2023).

${s('prose: paragraph')}

${s('prose: heading')}

${s('prose: list item and quote')}

${s('prose: emphasis')}

${s('prose: inline code')}

${s('prose: link text')}

${s('prose: link target')}

${s('prose: link target in <>')}

${s('prose: link title')}

${s('prose: autolink')}

${s('prose: reference definition')}

${s('prose: reference definition title')}

${s('prose: entity link')}

## Structure

:::commitment{${s('directive: id')}}
\`\`\`yaml
title: ${s('commitment: title')}
locator: ${s('commitment: locator')}
sourcePillar: ${s('commitment: sourcePillar')}
pillars: ${s('commitment: pillars')}
due: "2017"
dueLabel: ${s('commitment: dueLabel')}
funding:
  - { amount: ${s('commitment: funding[].amount')}, purpose: ${s('commitment: funding[].purpose')}, period: ${s('commitment: funding[].period')} }
owners: ${s('commitment: owners')}
aliases: ${s('commitment: aliases')}
note: ${s('commitment: note')}
response: { stance: accepted, summary: ${s('commitment: response.summary')}, locator: ${s('commitment: response.locator')} }
status:
  value: in-progress
  asOf: "2018"
  checked: "2026-12-01"
  summary: ${s('commitment: status.summary')}
  evidence:
    - { citation: ${s('commitment: status.evidence[].citation')}, url: ${s('commitment: status.evidence[].url')} }
\`\`\`
${s('commitment: text')}
:::

:::commitment{${s('directive: #id shortcut')}}
\`\`\`yaml
title: Accredited practice leaders
locator: "Chapter 2, p. 17"
sourcePillar: people
pillars: [workforce]
previousIds: ${s('commitment: previousIds')}
status: { value: not-known, asOf: "2024-06", checked: "2026-12-01", summary: No later statement was found. }
\`\`\`
Every council to have an accredited practice leader by 2020.
:::

:::extract{${s('directive: extra attribute')}}
\`\`\`yaml
title: ${s('extract: title')}
locator: ${s('extract: locator')}
speaker: ${s('extract: speaker')}
commitments: ${s('extract: commitments')}
previousIds: ${s('extract: previousIds')}
\`\`\`
${s('extract: text')}

- first, people
- second, practice
:::
`,
  beta: `---
id: beta-2023
title: "Beta: a strategy"
shortTitle: Beta
role: core
kind: strategy
published: "2023-02"
publishers: [Department for Education]
licence:
  id: OGL-3.0
  attribution: Contains public sector information licensed under the Open Government Licence v3.0.
framework:
  - { id: staff, title: Staff }
related:
  - { source: alpha-2016, relation: continues }
coverage:
  complete: true
  statement: Everything is digested.
  missing: []
---

## Summary

Beta continues [Alpha](source:alpha-2016).

:::commitment${s('directive: label')}{#beta-staying-close-rollout}
\`\`\`yaml
title: Roll out staying close
locator: "Chapter 5"
sourcePillar: staff
pillars: [care-leavers, workforce]
lineage:
  - { relation: continues, commitment: ${s('commitment: lineage[].commitment')}, note: ${s('commitment: lineage[].note')} }
status: { value: in-progress, asOf: "2024-01", checked: "2026-12-01", summary: Rolled out to 47 councils., evidence: [{ citation: "Parliamentary question, 2023" }] }
\`\`\`
Roll out staying close nationally.
:::
`,
  pillars: `pillars:
  - id: care-leavers
    title: ${s('pillars.yml: title')}
    description: ${s('pillars.yml: description')}
    aliases: ${s('pillars.yml: aliases')}
    maps:
      - { source: alpha-2016, entries: ${s('pillars.yml: maps[].entries')} }
  - id: ${s('pillars.yml: id')}
    title: Workforce
    description: The people who do the work.
    maps:
      - { source: alpha-2016, entries: [people] }
      - { source: beta-2023, entries: [staff] }
`,
};

export const PATHS: Record<Field['file'], string> = {
  alpha: 'hostile/sources/alpha-2016.md',
  beta: 'hostile/sources/beta-2023.md',
  pillars: 'hostile/pillars.yml',
};

/** The line a field's marker stands on in its file, with harmless values in every other field. */
export function lineOf(field: Field): number {
  let text = TEMPLATES[field.file];
  for (const other of FIELDS) if (other !== field && other.file === field.file) text = text.replace(slot(other), () => other.harmless);
  return text.split('\n').findIndex((line) => line.includes(slot(field))) + 1;
}

function fill(field: Field, payloads: readonly string[]): string {
  if (payloads.length === 0) return field.harmless;
  switch (field.kind) {
    case 'string':
      return J(payloads.join(' '));
    case 'list':
      return `[${payloads.map(J).join(', ')}]`;
    case 'markdown':
    case 'directive':
      return payloads.map((p, i) => field.write?.(p, i) ?? p).join('\n\n');
  }
}

/** The text of each file with `planted` payloads in their fields and harmless values elsewhere. */
export function plantFiles(planted: ReadonlyMap<Field, readonly string[]> = new Map()): Record<Field['file'], string> {
  const out = { ...TEMPLATES };
  for (const field of FIELDS) {
    out[field.file] = out[field.file].replace(slot(field), () => fill(field, planted.get(field) ?? []));
  }
  return out;
}

export function plantTree(planted: ReadonlyMap<Field, readonly string[]> = new Map()): ContentTree {
  const files = plantFiles(planted);
  return {
    sources: [
      { path: PATHS.alpha, text: files.alpha },
      { path: PATHS.beta, text: files.beta },
    ],
    pillars: { path: PATHS.pillars, text: files.pillars },
  };
}

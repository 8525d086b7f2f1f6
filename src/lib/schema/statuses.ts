// The one list of status values. Everything else derives from it: the schema's enum, labels in
// pages and data, the tracker's lists and counts, the overdue rule, and the badge and bar colours
// (src/integrations/status-styles.ts turns `colour` into CSS). Adding a status means adding it here,
// then using it in content; nothing else.

export interface StatusDefinition {
  /** How readers see it, in badges, tables and filters. */
  label: string;
  /** Whether the status ends a commitment's life for the "overdue" list: a delivered, superseded or dropped commitment is not overdue. */
  closes: boolean;
  /**
   * Whether a claim this strong needs two independent citations: `npm run review` lists a
   * commitment with this status that rests on one (issue 17). A claim that something was done, or
   * given up, is the one a reader acts on.
   */
  corroborate: boolean;
  /** The badge's edge and the tracker bar's colour, in the light and dark themes (each ≥ 3:1 against the page, WCAG 1.4.11). */
  colour: { light: string; dark: string };
}

export const STATUS_REGISTRY = {
  delivered: { label: 'Delivered', closes: true, corroborate: true, colour: { light: '#00703c', dark: '#6fd39a' } },
  'partly-delivered': { label: 'Partly delivered', closes: false, corroborate: false, colour: { light: '#5e7a1f', dark: '#b5c97a' } },
  'in-progress': { label: 'In progress', closes: false, corroborate: false, colour: { light: '#1d70b8', dark: '#8ab4f8' } },
  dropped: { label: 'Dropped', closes: true, corroborate: true, colour: { light: '#c2300f', dark: '#ff8a7a' } },
  superseded: { label: 'Superseded', closes: true, corroborate: false, colour: { light: '#6f3fb5', dark: '#c5a3ff' } },
  'not-known': { label: 'Not known', closes: false, corroborate: false, colour: { light: '#6f777b', dark: '#b1b4b6' } },
} as const satisfies Record<string, StatusDefinition>;

export type StatusValue = keyof typeof STATUS_REGISTRY;
export const STATUS_VALUES = Object.keys(STATUS_REGISTRY) as [StatusValue, ...StatusValue[]];

/** Value → label, for the many places that only show a status. */
export const STATUSES = Object.fromEntries(STATUS_VALUES.map((value) => [value, STATUS_REGISTRY[value].label])) as {
  [V in StatusValue]: (typeof STATUS_REGISTRY)[V]['label'];
};

/** The CSS of every status: a custom property per theme, and the badge and bar classes that use it. */
export function statusCss(): string {
  const light = STATUS_VALUES.map((value) => `  --st-${value}: ${STATUS_REGISTRY[value].colour.light};`).join('\n');
  const dark = STATUS_VALUES.map((value) => `    --st-${value}: ${STATUS_REGISTRY[value].colour.dark};`).join('\n');
  const classes = STATUS_VALUES.map((value) => `.badge-${value},\n.bar-${value} {\n  --st: var(--st-${value});\n}`).join('\n');
  return `/* Generated from src/lib/schema/statuses.ts. */\n:root {\n${light}\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n${dark}\n  }\n}\n${classes}\n`;
}

/** Every status in words, in registry order, for sentences: "delivered, partly delivered, … or not known". */
export function statusesInWords(): string {
  const words = STATUS_VALUES.map((value) => STATUS_REGISTRY[value].label.toLowerCase());
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}

// Orders that never depend on the machine's locale: the same content gives the same pages on
// every machine (two builds under different LANG are byte-identical).
export { compareDates, compareIds } from '../lib/graph.ts';

/** The one collator for titles shown to readers: British English, whatever the build machine's locale. */
const titles = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Titles in the order a British reader expects ("Kinship" with "kinship", "2" before "10"). */
export const compareTitles = (a: string, b: string): number => titles.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

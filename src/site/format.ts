const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2016-07-04" → "4 July 2016", "2023-02" → "February 2023", "2016" → "2016" (GOV.UK date style). */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

export const yearOf = (date: string): string => date.slice(0, 4);

/** The opening of a passage for previews: whole words, at most `max` characters, with an ellipsis when cut. */
export function opening(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** "1 commitment", "3 commitments". */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n} ${n === 1 ? noun : plural}`;

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The first sentence of a passage: up to the first full stop that ends a sentence (not "s.17", "p. 3"
 * or "£1.5m"), or the whole passage when it has one sentence.
 */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /(?<!\b(?:s|ss|p|pp|para|No|c|cl|e\.g|i\.e|Mr|Ms|Dr|St))\.(?=\s+[A-Z(“"‘'])/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}

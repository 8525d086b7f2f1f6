import { PROVENANCE_WORDS } from '../locator.ts';
import { Text } from './primitives.ts';

/** The locator proper of a commitment or extract: no note on our copy in it (src/lib/locator.ts). */
export const Locator = Text.refine((value) => !PROVENANCE_WORDS.test(value), {
  message: 'holds a note on our copy (how it was found, what is not confirmed); expected the place in the document only, with the note in locatorNote',
});

export const LocatorNote = Text.optional().describe(
  'What we know about the locator or our copy of the text, e.g. "Copied from a reproduction of the list; only one copy found". Shown on the page, never in a citation.',
);

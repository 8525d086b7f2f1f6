// Where a commitment or passage stands in its document. A locator is the locator proper, as a
// citation gives it ("Ministerial foreword, pp. 3–4"); what we know about our copy of it (how it was
// found, what is not confirmed) is its `locatorNote`, shown on the page and never cited. Plain
// constants, no schema library: the browser's copy script (src/site/copy-client/) imports them too.

/** The locator of a commitment or passage whose place in the document is not known: cited without one. */
export const LOCATOR_NOT_KNOWN = 'Not known';

/** A locator a citation can give: anything but "Not known". */
export const isKnownLocator = (locator: string | undefined): locator is string => !!locator && locator.trim() !== LOCATOR_NOT_KNOWN;

/**
 * Words that belong to a note on our copy, not to a locator: a locator holding them is refused, with
 * a pointer to `locatorNote`.
 */
export const PROVENANCE_WORDS =
  /\b(only one copy|cop(?:y|ied|ies)\b|quoted (?:by|word for word)|as quoted|reproduction|not confirmed|not captured|not identified|not stated|inferred|news reports?|written answer|not part of)\b/i;

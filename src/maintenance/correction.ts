// "Report a correction" on a commitment page: where reports go (SITE_CORRECTIONS, one setting: a
// mailto: address, or the https:// address of an issue form that takes `title` and `body` query
// parameters) and the pre-filled link — the commitment's id, title, permanent link, current status
// and "as of", and a prompt for what has changed and the evidence. Every part of the text is
// percent-encoded on its own, so "&", "#", quotes, line breaks and any script arrive intact. Pure.

export interface CorrectionFields {
  id: string;
  title: string;
  /** The commitment's permanent, absolute URL. */
  permalink: string;
  /** The status as readers see it: "In progress". */
  status: string;
  asOf: string;
  checked: string;
}

export type CorrectionTarget = { kind: 'mailto'; address: string } | { kind: 'form'; url: string };

export type CorrectionSetting = { ok: true; target: CorrectionTarget | undefined } | { ok: false; message: string };

/**
 * Reads SITE_CORRECTIONS: unset or blank means no link (the page says how to report instead);
 * anything else must be a mailto: address or an https:// form address.
 */
export function readCorrectionsSetting(value: string | undefined): CorrectionSetting {
  const text = value?.trim() ?? '';
  if (!text) return { ok: true, target: undefined };
  const expected = 'expected a mailto: address (mailto:corrections@example.org) or the https:// address of an issue form that takes title and body';
  if (/^mailto:/i.test(text)) {
    const address = text.slice('mailto:'.length);
    const to = decodeURIComponent(address.split('?')[0] ?? '');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to)) return { ok: false, message: `SITE_CORRECTIONS is "${text}", which names no e-mail address; ${expected}` };
    return { ok: true, target: { kind: 'mailto', address } };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `SITE_CORRECTIONS is "${text}"; ${expected}` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `SITE_CORRECTIONS is "${text}"; ${expected}` };
  return { ok: true, target: { kind: 'form', url: url.href } };
}

/** The report's title: "Correction: <commitment title> (<id>)". */
export const correctionTitle = (fields: CorrectionFields): string => `Correction: ${fields.title} (${fields.id})`;

/** The report's text, with the commitment's details and the two questions. Lines end in \n; mailto: sends them as CRLF. */
export function correctionBody(fields: CorrectionFields): string {
  return [
    `Commitment: ${fields.title}`,
    `Id: ${fields.id}`,
    `Page: ${fields.permalink}`,
    `Status on the page: ${fields.status}, as of ${fields.asOf} (last checked ${fields.checked})`,
    '',
    'What has changed?',
    '',
    '',
    'What is the evidence? (a link to the document, statement or Act, with its date)',
    '',
  ].join('\n');
}

/** encodeURIComponent, and the few characters it leaves that some mail clients and trackers mishandle ('()!*). */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const query = (pairs: [string, string][]) => pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');

/**
 * The pre-filled link. mailto: gets `subject` and `body` (line breaks as CRLF, RFC 6068), after any
 * query the address already has (?cc=…). A form gets `title` and `body`, and the issue form's own
 * fields by id (`commitment`, `page`, `status`), after any query it already has (?template=…).
 */
export function correctionLink(target: CorrectionTarget, fields: CorrectionFields): string {
  const title = correctionTitle(fields);
  const body = correctionBody(fields);
  if (target.kind === 'mailto') {
    const join = target.address.includes('?') ? '&' : '?';
    return `mailto:${target.address}${join}${query([
      ['subject', title],
      ['body', body.replaceAll('\n', '\r\n')],
    ])}`;
  }
  const url = new URL(target.url);
  const own = url.search.replace(/^\?/, '');
  const prefilled = query([
    ['title', title],
    ['body', body],
    ['commitment', `${fields.title} (${fields.id})`],
    ['page', fields.permalink],
    ['status', `${fields.status}, as of ${fields.asOf} (last checked ${fields.checked})`],
  ]);
  return `${url.origin}${url.pathname}?${own ? `${own}&` : ''}${prefilled}${url.hash}`;
}

// The copy buttons of every page that has them (extracts, commitments, source digests), as
// progressive enhancement: without JavaScript the buttons stay hidden and the link, quotation and
// citation are selectable text. Bundled by src/integrations/copy-client.ts into /copy.js.
// - Addresses are shown and copied on the host the reader is on (location.origin, with the path
//   the build wrote, which carries the base): the build's SITE_URL may not be where it is served.
// - "Copy link" (data-copy) copies a permanent link; "Copy citation" (data-copy-from) the text of an
//   element, with "(Accessed <today>)"; "Copy quotation" (data-copy-quotation) the passage around
//   it as text/html and text/plain (src/site/quotation.ts), or plain text alone where the browser
//   has no ClipboardItem; "Share" (data-share) opens the system share sheet where there is one.
// - Each copy is announced in the page's live region and shows "Copied" on its button for a moment.
import { accessed } from '../cite.ts';
import { type Quotation, type QuotationData, quotationHtml, quotationText } from '../quotation.ts';

const status = document.getElementById('announce');
const clipboard = navigator.clipboard as Clipboard | undefined;

/** A permanent link of this site on the reader's host. */
const here = (url: string): string => {
  const { pathname, hash } = new URL(url, location.href);
  return `${location.origin}${pathname}${hash}`;
};
const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const words = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

function done(button: HTMLElement, message: string, copied: boolean) {
  if (status) {
    status.textContent = '';
    setTimeout(() => {
      status.textContent = message;
    }, 50);
  }
  if (!copied) return;
  button.dataset.label ??= button.textContent ?? '';
  const label = button.dataset.label;
  button.textContent = 'Copied';
  clearTimeout(Number(button.dataset.timer));
  button.dataset.timer = String(setTimeout(() => (button.textContent = label), 2000));
}

/** The quotation around a button: its data, the passage as the page shows it, the address here and today. */
function quotation(button: HTMLElement): Quotation | undefined {
  const holder = button.closest<HTMLElement>('[data-quotation]');
  const quote = holder?.querySelector('blockquote');
  if (!holder || !quote) return undefined;
  const data = JSON.parse(holder.dataset.quotation ?? '{}') as QuotationData;
  const blocks = [...quote.children].map((child) => (/^[OU]L$/.test(child.tagName) ? [...child.children].map(words) : words(child)));
  const link = holder.querySelector<HTMLElement>('[data-copy]')?.dataset.copy ?? location.href;
  return { ...data, blocks, url: here(link), day: today() };
}

async function copyQuotation(q: Quotation) {
  const text = quotationText(q);
  if (typeof ClipboardItem === 'function' && clipboard?.write) {
    const blob = (body: string, type: string) => new Blob([body], { type });
    try {
      return await clipboard.write([new ClipboardItem({ 'text/plain': blob(text, 'text/plain'), 'text/html': blob(quotationHtml(q), 'text/html') })]);
    } catch {
      // Some browsers refuse text/html: plain text below.
    }
  }
  return clipboard?.writeText(text);
}

// The addresses the page shows, on this host.
for (const link of document.querySelectorAll<HTMLElement>('[data-permalink]')) link.textContent = here(words(link));
for (const button of document.querySelectorAll<HTMLElement>('[data-copy]')) button.dataset.copy = here(button.dataset.copy ?? '');
for (const button of document.querySelectorAll<HTMLElement>('[data-copy-from]')) {
  const cited = document.getElementById(button.dataset.copyFrom ?? '');
  if (cited) cited.textContent = words(cited).replace(/(Available at: )(\S+)$/, (_, at: string, url: string) => at + here(url));
}

// A summary's commitment entries carry no copy row of their own (page weight): each gets one here,
// copying the permanent link its title points at, before the buttons are wired below.
for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-copy-entry] > h4 > a')) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', hidden: true, textContent: 'Copy link' });
  button.dataset.copy = here(link.href);
  button.setAttribute('aria-label', `Copy link: ${words(link)}`);
  link.closest('[data-copy-entry]')?.append(button);
}

/** Shows a button, and the row of copy buttons it stands in. */
function reveal(button: HTMLElement) {
  button.hidden = false;
  const row = button.closest<HTMLElement>('.copy-row');
  if (row) row.hidden = false;
}

if (clipboard && status) {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy], button[data-copy-from], button[data-copy-quotation]')) {
    reveal(button);
    button.addEventListener('click', () => {
      const { copy, copyFrom } = button.dataset;
      const cited = copyFrom ? document.getElementById(copyFrom) : null;
      const q = copy === undefined && !cited ? quotation(button) : undefined;
      const work = q ? copyQuotation(q) : clipboard.writeText(cited ? accessed(words(cited), today()) : (copy ?? ''));
      const what = q ? 'Quotation' : cited ? 'Citation' : 'Link';
      work.then(
        () => done(button, `${what} copied`, true),
        () => done(button, 'Could not copy. Select the text and copy it instead.', false),
      );
    });
  }
}

if (typeof navigator.share === 'function') {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-share]')) {
    reveal(button);
    button.addEventListener('click', () => {
      const q = quotation(button);
      if (q) navigator.share({ title: q.title, text: quotationText(q).replace(/\nLink: .*\n$/, '\n'), url: q.url }).catch(() => undefined);
    });
  }
}

// Reading a feed for `npm run watch`: Atom or RSS, parsed by @rowanmanning/feed-parser (lenient
// with real-world feeds, strict enough to refuse what is not a feed), each item reduced to what
// matching needs. Pure: the XML text in, items or a reason out.
import { parseFeed } from '@rowanmanning/feed-parser';

export interface FeedItem {
  /** The feed's id in content/watch.yml. */
  feed: string;
  title: string;
  link?: string;
  /** The day it was published (or, failing that, last updated), in UK time: YYYY-MM-DD. */
  date?: string;
  /** The item's summary or content as plain text, for matching. */
  summary: string;
}

export type FeedRead = { ok: true; title: string; items: FeedItem[] } | { ok: false; message: string };

const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in the UK of an instant: 23:30 GMT on 30 November is still 30 November; 23:30 UTC in July is the next day. */
export const ukDay = (date: Date): string => UK_DAY.format(date);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Markup out, entities decoded, white space collapsed: text for matching only (never shown as HTML). */
export function plainText(html: string | null | undefined): string {
  return (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one feed's text. A document that is not Atom or RSS (an error page, a cut-off download) is refused with the parser's reason. */
export function readFeed(feedId: string, xml: string): FeedRead {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const items: FeedItem[] = [];
  for (const item of feed.items) {
    const title = plainText(item.title);
    if (!title) continue;
    const when = item.published ?? item.updated;
    items.push({
      feed: feedId,
      title,
      ...(item.url ? { link: item.url } : {}),
      ...(when && !Number.isNaN(when.getTime()) ? { date: ukDay(when) } : {}),
      summary: plainText(item.description ?? item.content),
    });
  }
  return { ok: true, title: plainText(feed.title) || feedId, items };
}

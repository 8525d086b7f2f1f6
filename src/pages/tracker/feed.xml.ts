// /tracker/feed.xml: status updates as an Atom feed, newest first; dated by the content, never the clock.
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../../site/cite.ts';
import { absolute, graph, urls } from '../../site/graph.ts';
import { atomXml, feedEntries, feedUpdated } from '../../site/tracker.ts';

export const GET: APIRoute = () => {
  const xml = atomXml({
    id: absolute(urls.page('tracker/feed.xml')),
    title: `Status updates – ${SITE_NAME}`,
    subtitle: "What happened to each commitment of the children's social care reforms, 2016–2024: one entry per status, dated by the date it describes.",
    author: SITE_NAME,
    self: absolute(urls.page('tracker/feed.xml')),
    alternate: absolute(urls.page('tracker/')),
    updated: feedUpdated(graph),
    entries: feedEntries(graph, (id) => absolute(urls.commitment(id))),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

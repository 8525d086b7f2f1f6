// /tracker/feed.xml: one entry per development, newest first; dated by the content, never the clock.
import type { APIRoute } from 'astro';
import { SITE_NAME } from '../../site/cite.ts';
import { absolute, graph, urls } from '../../site/graph.ts';
import { atomXml, feedEntries, feedUpdated } from '../../site/tracker.ts';

export const GET: APIRoute = () => {
  const xml = atomXml({
    id: absolute(urls.page('tracker/feed.xml')),
    title: `What happened to the commitments – ${SITE_NAME}`,
    subtitle:
      "Each dated development of the children's social care reform commitments, 2016–2024 (announced, funded, piloted, became law, evaluated, dropped), newest first.",
    author: SITE_NAME,
    self: absolute(urls.page('tracker/feed.xml')),
    alternate: absolute(urls.page('tracker/changes/')),
    updated: feedUpdated(graph),
    entries: feedEntries(graph, (id) => absolute(urls.commitment(id))),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};

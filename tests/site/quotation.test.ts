// Citations as a librarian writes them, and the quotation "Copy quotation" writes
// (src/site/cite.ts, src/site/quotation.ts): pure functions, the same the browser's script runs.
import { describe, expect, it } from 'vitest';
import { citation } from '../../src/site/cite.ts';
import { escapeHtml, type Quotation, quotationFields, quotationHtml, quotationText } from '../../src/site/quotation.ts';

const narey = {
  title: "Residential Care in England: Report of Sir Martin Narey's independent review of children's residential care",
  publishers: ['Department for Education'],
  authors: ['Narey, M.'],
  published: '2016-07-04',
};
const dfe = {
  title: 'Putting children first: delivering our vision for excellent children’s social care',
  publishers: ['Department for Education'],
  published: '2016-07-04',
};
const permalink = 'https://reforms.example/extracts/x/';

describe('citations', () => {
  it('names the author as the document does, then its publisher', () => {
    expect(
      citation({
        source: narey,
        locator: 'List of Recommendations, Chapter One, Recommendations 1–4',
        entry: { title: 'Recommendations 1–4', kind: 'extract' },
        permalink,
      }),
    ).toBe(
      "Narey, M. (2016) Residential Care in England: Report of Sir Martin Narey's independent review of children's residential care. Department for Education. " +
        "List of Recommendations, Chapter One, Recommendations 1–4. Quoted in: Children's social care reforms, 2016–2024, ‘Recommendations 1–4’. Available at: https://reforms.example/extracts/x/",
    );
  });

  it('names the publisher as author where the document has no author of its own', () => {
    expect(citation({ source: dfe, locator: 'Chapter 2, p. 17', entry: { title: 'Practice leaders', kind: 'commitment' }, permalink })).toBe(
      "Department for Education (2016) Putting children first: delivering our vision for excellent children’s social care. Chapter 2, p. 17. Summarised in: Children's social care reforms, 2016–2024, ‘Practice leaders’. Available at: https://reforms.example/extracts/x/",
    );
  });

  it('leaves out a locator that is not known', () => {
    expect(citation({ source: dfe, locator: 'Not known', entry: { title: 'T', kind: 'extract' }, permalink })).toBe(
      "Department for Education (2016) Putting children first: delivering our vision for excellent children’s social care. Quoted in: Children's social care reforms, 2016–2024, ‘T’. Available at: https://reforms.example/extracts/x/",
    );
  });
});

const quotation: Quotation = {
  title: 'The three pillars',
  speaker: 'Edward Timpson, Minister for Children and Families',
  locator: 'Ministerial foreword, pp. 3–4',
  source: { ...dfe, date: '4 July 2016' },
  blocks: ['Today we are delighted to be publishing the government’s strategy.', ['first, people and leadership', 'second, practice and systems']],
  url: 'http://127.0.0.1:4321/extracts/pcf-foreword/',
  day: '1 December 2026',
};

describe('the quotation as copied', () => {
  it('as plain text: the quotation in “ ”, a list as bullets, then the labelled fields', () => {
    expect(quotationText(quotation)).toBe(
      [
        '“Today we are delighted to be publishing the government’s strategy.',
        '',
        '• first, people and leadership',
        '• second, practice and systems”',
        '',
        'Speaker or author: Edward Timpson, Minister for Children and Families',
        'Source: Putting children first: delivering our vision for excellent children’s social care (Department for Education, 4 July 2016)',
        'Where in the document: Ministerial foreword, pp. 3–4',
        "Cite as: Department for Education (2016) Putting children first: delivering our vision for excellent children’s social care. Ministerial foreword, pp. 3–4. Quoted in: Children's social care reforms, 2016–2024, ‘The three pillars’. Available at: http://127.0.0.1:4321/extracts/pcf-foreword/ (Accessed 1 December 2026)",
        'Link: http://127.0.0.1:4321/extracts/pcf-foreword/',
        '',
      ].join('\n'),
    );
  });

  it('as HTML: a block quotation, the source in <cite>, the citation and the link linked', () => {
    expect(quotationHtml(quotation)).toBe(
      '<blockquote><p>Today we are delighted to be publishing the government’s strategy.</p><ul><li>first, people and leadership</li><li>second, practice and systems</li></ul></blockquote>' +
        '<p>Speaker or author: Edward Timpson, Minister for Children and Families<br>' +
        'Source: <cite>Putting children first: delivering our vision for excellent children’s social care</cite> (Department for Education, 4 July 2016)<br>' +
        'Where in the document: Ministerial foreword, pp. 3–4<br>' +
        'Cite as: Department for Education (2016) Putting children first: delivering our vision for excellent children’s social care. Ministerial foreword, pp. 3–4. Quoted in: Children&#39;s social care reforms, 2016–2024, ‘The three pillars’. Available at: ' +
        '<a href="http://127.0.0.1:4321/extracts/pcf-foreword/">http://127.0.0.1:4321/extracts/pcf-foreword/</a> (Accessed 1 December 2026)<br>' +
        'Link: <a href="http://127.0.0.1:4321/extracts/pcf-foreword/">http://127.0.0.1:4321/extracts/pcf-foreword/</a></p>',
    );
  });

  it('leaves out the lines it has nothing for: no speaker, a place not known', () => {
    const { speaker: _speaker, ...rest } = quotation;
    expect(quotationFields({ ...rest, locator: 'Not known' }).map(([label]) => label)).toEqual(['Source', 'Cite as', 'Link']);
  });

  it('passes no markup through: every value is text', () => {
    const hostile = '<img src=x onerror=alert(1)>"\'&<script>alert(2)</script>';
    const html = quotationHtml({
      ...quotation,
      title: hostile,
      speaker: hostile,
      locator: hostile,
      source: { ...quotation.source, title: hostile, publishers: [hostile] },
      blocks: [hostile, [hostile]],
      url: 'javascript:alert(3)',
    });
    expect(html).not.toMatch(/<(?!\/?(blockquote|p|ul|li|br|cite)>)[a-z]/i);
    expect(html).not.toContain('href');
    expect(html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPage, extractPageWithMap } from '../../lib/page/extract.ts';
import { mappedText, offsetFor, positionsFor, rangeFor } from '../../lib/page/anchor.ts';
import { dateAsWritten, stripSiteSuffix } from '../../lib/page/meta.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const seedHtml = fixture('seed-article.html');
const seedParagraphs = fixture('seed-article.txt').trim().split('\n\n');

const windows: Window[] = [];
afterAll(async () => {
  for (const w of windows) await w.happyDOM.close();
});

/** The same HTML as a linkedom Document and as a happy-dom Document (with CSS and checkVisibility). */
const parsers: [string, (html: string) => Document][] = [
  ['linkedom', (html) => parseHTML(html).document as unknown as Document],
  [
    'happy-dom',
    (html) => {
      const w = new Window({
        url: 'https://news.example/a',
        settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
      });
      windows.push(w);
      w.document.write(html);
      return w.document as unknown as Document;
    },
  ],
];

const page = (body: string, head = '<title>T</title>') =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

const LONG = 'The British Medical Association said the strike would go ahead as planned next week.';

describe.each(parsers)('extractPage on %s', (_name, parse) => {
  describe('seed article', () => {
    const doc = parse(seedHtml);
    const result = extractPageWithMap(doc, { url: 'https://news.example/a' })!;
    const { page: p, map } = result;

    it('reads the date from JSON-LD as written, and the title', () => {
      expect(p.published).toBe('2023-08-24');
      expect(p.publishedFrom).toBe('json-ld');
      expect(p.title).toBe('Ministers have not met striking consultants for months, Labour says');
      expect(p.url).toBe('https://news.example/a');
    });

    it('is the headline followed by every paragraph and the caption, nothing else', () => {
      for (const para of seedParagraphs) expect(p.text).toContain(para);
      expect(p.text).toContain('Health Secretary Steve Barclay. (Picture: Kim Mogg/Getty/Adobe)');
      expect(p.text).toBe([p.title, ...seedParagraphs].join('\n\n'));
    });

    it('leaves out the sidebar, nav, comments, footer, byline and scripts', () => {
      for (const bad of [
        'Barclays to close',
        'quince',
        'Most read',
        'Advertisement',
        'Politics',
        'Reader comment',
        'Privacy',
        'Staff reporter',
        '__pageScriptRan',
      ]) {
        expect(p.text).not.toContain(bad);
      }
    });

    it('has blocks that slice to the headline and paragraphs', () => {
      const slices = p.blocks.map(([s, e]) => p.text.slice(s, e));
      expect(slices).toEqual([p.title, ...seedParagraphs]);
    });

    it('maps every block back to its DOM text', () => {
      for (const [s, e] of p.blocks) expect(mappedText(map, p.text, s, e)).toBe(p.text.slice(s, e));
    });

    it('turns offsets into DOM positions and back', () => {
      const start = p.text.indexOf('Steve Barclay is standing');
      const pos = positionsFor(map, start, start + 'Steve Barclay'.length)!;
      expect(pos.start.node).toBe(pos.end.node);
      expect(pos.start.node.data.slice(pos.start.offset, pos.end.offset)).toBe('Steve Barclay');
      expect(offsetFor(map, pos.start.node, pos.start.offset)).toBe(start);
      expect(positionsFor(map, 5, 5)).toBeNull();
      // A span over a block separator starts and ends on real characters.
      const [, end0] = p.blocks[0]!;
      const [start1] = p.blocks[1]!;
      const across = positionsFor(map, end0, start1 + 3)!;
      expect(across.start.node.data.slice(across.start.offset, across.end.offset)).toBe('Con');
    });
  });

  it('skips hidden, aria-hidden, inline-hidden and contenteditable elements', () => {
    const p = extractPage(
      parse(
        page(`<article><h1>Strike news today</h1><p>${LONG}</p>
      <p hidden>HIDDEN-ATTR</p><div aria-hidden="true">ARIA</div>
      <p style="display: none">INLINE-NONE</p><p style="color:red; visibility:hidden">INLINE-VIS</p>
      <div contenteditable="true">EDITABLE</div><div contenteditable>EDITABLE2</div>
      <p contenteditable="false">Kept text here.</p>
      <form><label>FORM-LABEL</label><textarea>TEXTAREA</textarea></form><button>BUTTON</button>
      <template>TEMPLATE</template><noscript>NOSCRIPT</noscript><style>.x{}</style></article>`),
      ),
    )!;
    for (const bad of [
      'HIDDEN',
      'ARIA',
      'INLINE',
      'EDITABLE',
      'FORM',
      'TEXTAREA',
      'BUTTON',
      'TEMPLATE',
      'NOSCRIPT',
      '.x{',
    ]) {
      expect(p.text).not.toContain(bad);
    }
    expect(p.text).toBe(`Strike news today\n\n${LONG}\n\nKept text here.`);
  });

  it('reads a page with only <main>, keeping its header with the headline', () => {
    const p = extractPage(
      parse(
        page(`<header><nav><a>Home</a></nav><div>Site banner</div></header>
      <main><header><h1>Nurses vote to strike</h1><p class="standfirst">A ballot result.</p></header>
      <p>${LONG}</p><ul><li>First point</li><li>Second point</li></ul><blockquote>Quoted words</blockquote>
      <h2>Background</h2><p>More text.</p></main><footer>Footer text</footer>`),
      ),
    )!;
    expect(p.text.split('\n\n')).toEqual([
      'Nurses vote to strike',
      'A ballot result.',
      LONG,
      'First point',
      'Second point',
      'Quoted words',
      'Background',
      'More text.',
    ]);
  });

  it('reads tables a row per block, cells separated by a space', () => {
    const p = extractPage(
      parse(
        page(`<article><p>${LONG}</p><table><tr><th>Date</th><th>Group</th></tr>
        <tr><td>20 July 2023</td><td>Consultants</td></tr></table></article>`),
      ),
    )!;
    expect(p.text).toBe(`${LONG}\n\nDate Group\n\n20 July 2023 Consultants`);
  });

  it('falls back to the densest block of paragraphs', () => {
    const p = extractPage(
      parse(
        page(`<div class="menu"><a>Home</a></div><div id="c"><p>${LONG}</p><p>${LONG}</p></div>
      <div><p>Short</p></div>`),
      ),
    )!;
    expect(p.text).toBe(`${LONG}\n\n${LONG}`);
  });

  it('adds a headline that sits outside the article body', () => {
    const p = extractPage(
      parse(
        page(`<div class="top"><h1>Junior doctors announce strike</h1></div>
      <div itemprop="articleBody"><p>${LONG}</p></div>`),
      ),
    )!;
    expect(p.text).toBe(`Junior doctors announce strike\n\n${LONG}`);
  });

  it('returns null for a page with no article', () => {
    const doc = parse(
      page(`<header><nav><a>Home</a><a>News</a></nav></header>
      <form><input name="q"><button>Search</button></form><footer><p>${LONG}</p></footer>`),
    );
    expect(extractPage(doc)).toBeNull();
    expect(extractPage(parse(page('<div>Short</div>')))).toBeNull();
  });

  it('reads the date from meta tags, and the title from document.title without the site', () => {
    const p = extractPage(
      parse(
        page(
          `<article><h1>Headline here</h1><p>${LONG}</p></article>`,
          `<title>Headline here | Example News</title>
       <meta property="article:published_time" content="2023-08-24T23:30:00+01:00">`,
        ),
      ),
    )!;
    expect(p).toMatchObject({ published: '2023-08-24', publishedFrom: 'meta', title: 'Headline here' });
  });

  it('reads microdata datePublished as meta', () => {
    const p = extractPage(
      parse(
        page(
          `<article><time itemprop="datePublished" datetime="2022-12-15T08:00:00Z">15 Dec</time><p>${LONG}</p></article>`,
        ),
      ),
    )!;
    expect(p).toMatchObject({ published: '2022-12-15', publishedFrom: 'meta' });
  });

  it('reads the date from <time> in the header, not from a date in the text', () => {
    const p = extractPage(
      parse(
        page(`<article><header><h1>Headline</h1>
      <span>Published <time datetime="2024-01-03T07:00:00Z">3 Jan</time></span></header>
      <p>The meeting on <time datetime="2023-03-27">27 March</time> was the last. ${LONG}</p></article>`),
      ),
    )!;
    expect(p).toMatchObject({ published: '2024-01-03', publishedFrom: 'time' });
    const inText = extractPage(
      parse(page(`<article><p>On <time datetime="2023-03-27">27 March</time>. ${LONG}</p></article>`)),
    )!;
    expect(inText.publishedFrom).toBe('none');
    expect(inText.published).toBeUndefined();
  });

  it('reads JSON-LD @graph arrays and prefers JSON-LD over meta', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebPage', datePublished: '2020-01-01' },
        { '@type': ['ReportageNewsArticle'], datePublished: '2023-12-20T06:00:00-05:00', headline: 'LD headline' },
      ],
    });
    const p = extractPage(
      parse(
        page(
          `<article><p>${LONG}</p></article>`,
          `<script type="application/ld+json">${ld}</script><meta name="date" content="2023-01-01">`,
        ),
      ),
    )!;
    expect(p).toMatchObject({ published: '2023-12-20', publishedFrom: 'json-ld', title: 'LD headline' });
  });

  it('keeps text split across inline elements in one block, and maps it back', () => {
    const doc = parse(
      page(`<article><p>Health   Secretary\n Steve <b>Barclay</b><i>,</i> said<br>today
      that talks&nbsp;would resume.</p><p>Second <a href="#">paragraph</a>.</p></article>`),
    );
    const { page: p, map } = extractPageWithMap(doc)!;
    expect(p.text).toBe('Health Secretary Steve Barclay, said today that talks would resume.\n\nSecond paragraph.');
    expect(p.blocks).toEqual([
      [0, 67],
      [69, 86],
    ]);
    for (const [s, e] of p.blocks) expect(mappedText(map, p.text, s, e)).toBe(p.text.slice(s, e));
    const at = p.text.indexOf('Steve Barclay');
    const pos = positionsFor(map, at, at + 13)!;
    expect(pos.start.node.data.slice(pos.start.offset)).toBe('Steve ');
    expect(pos.end).toMatchObject({ offset: 7 });
    expect(pos.end.node.data).toBe('Barclay');
    const talks = p.text.indexOf('talks would');
    expect(offsetFor(map, pos.end.node, 3)).toBe(at + 9);
    expect(mappedText(map, p.text, talks, talks + 11)).toBe('talks would');
  });
});

describe('happy-dom: real Ranges and stylesheet visibility', () => {
  it('builds a Range whose text is the span', () => {
    const doc = parsers[1]![1](seedHtml);
    const { page: p, map } = extractPageWithMap(doc)!;
    for (const [s, e] of p.blocks) {
      expect(rangeFor(map, s, e, doc)!.toString().replace(/\s+/g, ' ')).toBe(p.text.slice(s, e));
    }
    const at = p.text.indexOf('Health Secretary Steve Barclay.');
    expect(rangeFor(map, at, at + 30, doc)!.toString()).toBe('Health Secretary Steve Barclay');
  });

  it('skips elements hidden by a class rule', () => {
    const doc = parsers[1]![1](
      page(`<article><p>${LONG}</p><p class="sr">HIDDEN-BY-CSS</p></article>`, '<style>.sr { display: none }</style>'),
    );
    expect(extractPage(doc)!.text).toBe(LONG);
  });
});

describe('open shadow roots (happy-dom)', () => {
  const parse = parsers[1]![1];
  /** Fill a shadow root from markup (parsed by DOMParser, never assigned as innerHTML). */
  const fill = (root: ShadowRoot, html: string) => {
    const doc = root.ownerDocument;
    const parsed = new doc.defaultView!.DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
    root.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => doc.importNode(node, true)));
  };
  const OTHER = 'Health Secretary Wes Streeting said the strike was unnecessary and urged talks.';
  const QUOTE = 'The union said its members had been left with no choice but to walk out again.';

  it('reads through open roots, nested roots and slots, in rendered order; never into closed roots', () => {
    const doc = parse(
      page(
        '<main><news-article><span slot="lead">SLOTTED lead text here.</span><p>UNSLOTTED</p></news-article></main>',
      ),
    );
    const host = doc.querySelector('news-article')!;
    const open = host.attachShadow({ mode: 'open' });
    fill(
      open,
      `<article><h1>Doctors strike again</h1><p><slot name="lead">fallback</slot></p><p>${LONG}</p><pull-quote></pull-quote><secret-box></secret-box><p><slot name="none">FALLBACK text of an empty slot.</slot></p></article>`,
    );
    const nested = open.querySelector('pull-quote')!.attachShadow({ mode: 'open' });
    fill(nested, `<blockquote><p>${QUOTE}</p></blockquote>`);
    fill(open.querySelector('secret-box')!.attachShadow({ mode: 'closed' }), '<p>CLOSED ROOT TEXT</p>');
    const { page: p, map } = extractPageWithMap(doc)!;
    expect(p.text).toBe(
      ['Doctors strike again', 'SLOTTED lead text here.', LONG, QUOTE, 'FALLBACK text of an empty slot.'].join('\n\n'),
    );
    expect(map.roots).toEqual([open, nested]);
    const at = p.text.indexOf('members');
    const range = rangeFor(map, at, at + 'members'.length, doc)!;
    expect(range.toString()).toBe('members');
    expect(range.startContainer.getRootNode()).toBe(nested);
  });

  it('finds an article that lives only inside a shadow root', () => {
    const doc = parse(page('<div class="app"><news-app></news-app></div>'));
    const root = doc.querySelector('news-app')!.attachShadow({ mode: 'open' });
    fill(
      root,
      `<nav><p>Menu menu menu menu menu menu menu menu menu menu menu menu menu.</p></nav><article><p>${LONG}</p><p>${OTHER}</p></article>`,
    );
    const { page: p, map } = extractPageWithMap(doc)!;
    expect(p.text).toBe(`${LONG}\n\n${OTHER}`);
    expect(map.roots).toEqual([root]);
  });

  it('gives no range for a span that would cross from a shadow root into slotted text', () => {
    const doc = parse(
      page('<main><x-line><b slot="s">Barclay said so, and then he said a lot more again.</b></x-line></main>'),
    );
    fill(
      doc.querySelector('x-line')!.attachShadow({ mode: 'open' }),
      `<p>Health Secretary Steve <slot name="s"></slot></p><p>${LONG}</p>`,
    );
    const { page: p, map } = extractPageWithMap(doc)!;
    const at = p.text.indexOf('Steve Barclay');
    expect(at).toBeGreaterThan(0);
    expect(rangeFor(map, at, at + 'Steve Barclay'.length, doc)).toBeNull();
    expect(rangeFor(map, at, at + 'Steve'.length, doc)!.toString()).toBe('Steve');
  });
});

describe('date and title helpers', () => {
  it('takes the calendar date as written, never converting to UTC', () => {
    expect(dateAsWritten('2023-08-24T23:30:00+01:00')).toBe('2023-08-24');
    expect(dateAsWritten('2023-08-24T00:30:00+01:00')).toBe('2023-08-24');
    expect(dateAsWritten('Thu, 24 Aug 2023 09:30:00 +0100')).toBe('2023-08-24');
    expect(dateAsWritten('2023-02-30')).toBeNull();
    expect(dateAsWritten('yesterday')).toBeNull();
  });

  it('strips a short site suffix only', () => {
    expect(stripSiteSuffix('Doctors strike | Example News')).toBe('Doctors strike');
    expect(stripSiteSuffix('Doctors strike – The Paper')).toBe('Doctors strike');
    expect(stripSiteSuffix('Pay offer - what it means for nurses, doctors and other staff in England')).toBe(
      'Pay offer - what it means for nurses, doctors and other staff in England',
    );
  });
});

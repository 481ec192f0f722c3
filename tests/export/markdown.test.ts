import { describe, expect, it } from 'vitest';
import { markdownHref as safeHref, mdLink, mdText } from '../../lib/export/markdown-text.ts';
import { buildMarkdown, wikiTitle } from '../../lib/export/markdown.ts';
import { CLAIM, input } from './fixture.ts';

const md = buildMarkdown(input());

/** Every `](destination)` in the report: the links a renderer would make. */
const destinations = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)\)/g)].map((m) => m[1]!);

describe('Markdown report', () => {
  it('heads with the article title, URL and date, escaped', () => {
    expect(
      md.startsWith(
        '# Context report: Ministers \\[have not\\](http\\://evil.example) met \\<b>consultants\\</b> — «نص»\n',
      ),
    ).toBe(true);
    expect(md).toContain(
      '- Article: [https\\://www\\.example.co.uk/news/nhs-strikes?x=1\\&y=2](https://www.example.co.uk/news/nhs-strikes?x=1&y=2)',
    );
    expect(md).toContain("- Published: 24 August 2023 (the page's JSON-LD)");
    expect(md).toContain('NHS Context 0.1.0, fact pack nhs-industrial-action\\@1.0.0');
  });

  it('lists the claims with verdict, explanation, alternatives, sources and a link into the article', () => {
    expect(md).toContain('## Claims checked');
    expect(md).toContain('### 1. Differs from the record');
    expect(md).toContain(`> ${CLAIM.exact}`);
    expect(md).toContain('The last meeting the fact base knows of was 27 March 2023, 150 days before this article.');
    expect(md).toContain(
      '- May 2023 (would be: Differs from the record) — Pulse dated the last formal talks to May. — [Pulse (press), 2023-10](https://pulsetoday.co.uk/?p=137484)',
    );
    expect(md).toMatch(
      /\[Show in the article\]\(https:\/\/www\.example\.co\.uk\/news\/nhs-strikes\?x=1&y=2#:~:text=[^)]+\)/,
    );
    expect(md).toContain('### 2. No data to check against');
  });

  it('tabulates every mention with its role on the date', () => {
    expect(md).toContain('| Text | Kind | Entity or value | Role on 24 August 2023 / verdict | Link |');
    expect(md).toMatch(
      /\| Health Secretary \| entity \| Steve Barclay \| \\-2\+3 Secretary of State for Health and Social Care \| \[open\]\(/,
    );
    expect(md).toContain('| الإضراب مستمر | entity | الإضراب مستمر | — |');
    expect(md).toContain('| 🩺🏥 | figure | 🩺🏥 | — |');
  });

  it('gives every source as a link', () => {
    for (const url of [
      'https://www.bma.org.uk/news/1',
      'https://www.bbc.co.uk/news/health-1',
      'https://pulsetoday.co.uk/?p=137484',
    ]) {
      expect(destinations).toContain(url);
    }
    expect(md).toContain('## Sources');
    expect(md).toContain('Wikipedia: [Steve Barclay](https://en.wikipedia.org/wiki/Steve_Barclay)');
  });

  it('never lets page or pack text make a link or HTML', () => {
    for (const d of destinations) expect(d).toMatch(/^https:\/\//);
    expect(md).not.toMatch(/(?<!\\)<(?:img|b)\b/);
    expect(md).toContain('\\[a link\\](javascript:alert(1))');
    expect(md).toContain('\\<img src=x onerror=alert(1)>');
    expect(md).toContain('\\=HYPERLINK("http\\://evil.example","click")');
    // A javascript: source URL stays text.
    expect(md).toContain('\\[Evil\\](http\\://evil.example) \\<b> (weak source) (javascript:alert(1))');
  });

  it('is deterministic', () => {
    expect(buildMarkdown(input())).toBe(md);
  });
});

describe('Markdown escaping', () => {
  it.each([
    ['[x](http://e.test)', '\\[x\\](http\\://e.test)'],
    ['<script>', '\\<script>'],
    ['*bold* _it_ `code`', '\\*bold\\* \\_it\\_ \\`code\\`'],
    ['a | b', 'a \\| b'],
    ['www.evil.test', 'www\\.evil.test'],
    ['me@evil.test', 'me\\@evil.test'],
    ['&amp;', '\\&amp;'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['- not a list', '\\- not a list'],
    ['1. not a list', '1\\. not a list'],
    ['line\n\n# two', 'line # two'],
    ['back\\slash', 'back\\\\slash'],
    ['الإضراب 🩺', 'الإضراب 🩺'],
  ])('mdText(%j) = %j', (text, expected) => {
    expect(mdText(text)).toBe(expected);
  });

  it('links only http(s) URLs, with destination-ending characters encoded', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('https://en.wikipedia.org/wiki/Labour_Party_(UK)')).toBe(
      'https://en.wikipedia.org/wiki/Labour_Party_%28UK%29',
    );
    expect(mdLink('a [b]', 'https://x.test/a b')).toBe('[a \\[b\\]](https://x.test/a%20b)');
    expect(mdLink('x', 'javascript:alert(1)')).toBe('x (javascript:alert(1))');
  });

  it('titles Wikipedia links by their page', () => {
    expect(wikiTitle('https://en.wikipedia.org/wiki/Labour_Party_(UK)')).toBe('Labour Party (UK)');
    expect(wikiTitle('https://example.org/x')).toBe('https://example.org/x');
  });
});

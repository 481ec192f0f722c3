// @vitest-environment happy-dom
/**
 * Anchoring round-trips exactly on unusual text (fast-check, happy-dom): right-to-left scripts,
 * bidi controls, combining marks, emoji (surrogate pairs, ZWJ sequences, flags), NFC and NFD forms,
 * soft hyphens, no-break spaces and text split across nodes and inline elements. For every
 * character of the extracted text, the offset map points at that very character in the DOM and
 * back; every range built from offsets reads the same characters as the text (whitespace aside,
 * which extraction collapses by design).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { offsetFor, rangeFor, startPosition } from '../../lib/page/anchor.ts';
import { extractPageWithMap } from '../../lib/page/extract.ts';

const RUNS = { seed: 20_250_725, numRuns: Number(process.env.FUZZ_RUNS ?? 120) } as const;

/** Words that break naive offset arithmetic. */
const WORDS = [
  'Steve',
  'Barclay',
  'BMA',
  'مرحبا',
  'الأطباء',
  'שלום',
  'רופאים',
  'e\u0301',
  'Zoe\u0308',
  'Caf\u00e9',
  'Cafe\u0301',
  'Å',
  'A\u030a',
  '👩🏽‍⚕️',
  '🇬🇧',
  '😀',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Bar\u00adclay',
  'health\u00adcare',
  '\u200fRTL\u200e',
  '\u202eevil\u202c',
  'a\u200db',
  '中文',
  'x',
] as const;
const SPACES = [' ', '  ', '\n', '\t ', '\u00a0', ' \u00a0 '] as const;

/** One inline piece of a paragraph: text, text split into adjacent nodes, or an inline element. */
type Piece = { kind: 'text' | 'split' | 'inline'; parts: string[]; tag?: string };

const word = fc.constantFrom(...WORDS);
const space = fc.constantFrom(...SPACES);
const phrase = fc
  .array(fc.tuple(word, space), { minLength: 1, maxLength: 4 })
  .map((pairs) => pairs.map(([w, s]) => w + s).join(''));
const piece: fc.Arbitrary<Piece> = fc.oneof(
  phrase.map((t) => ({ kind: 'text' as const, parts: [t] })),
  // A word split across adjacent text nodes, possibly inside a surrogate pair or before a mark.
  fc.tuple(phrase, fc.nat()).map(([t, at]) => {
    const cut = at % (t.length + 1);
    return { kind: 'split' as const, parts: [t.slice(0, cut), t.slice(cut)] };
  }),
  fc.tuple(phrase, fc.constantFrom('b', 'span', 'a', 'em', 'strong', 'bdi', 'q')).map(([t, tag]) => ({
    kind: 'inline' as const,
    parts: [t],
    tag,
  })),
);
const paragraph = fc.array(piece, { minLength: 1, maxLength: 5 });
const article = fc.array(paragraph, { minLength: 1, maxLength: 4 });

/** Build `<article><p>…</p>…</article>` from pieces with DOM calls (never markup). */
function build(paragraphs: Piece[][]): HTMLElement {
  document.body.replaceChildren();
  const root = document.createElement('article');
  for (const pieces of paragraphs) {
    const p = document.createElement('p');
    for (const pc of pieces) {
      if (pc.kind === 'inline') {
        const el = document.createElement(pc.tag!);
        el.append(document.createTextNode(pc.parts[0]!));
        p.append(el);
      } else {
        for (const part of pc.parts) p.append(document.createTextNode(part));
      }
    }
    root.append(p);
  }
  document.body.append(root);
  return root;
}

const visible = (s: string) => s.replace(/[ \t\n\r\f\u00a0]/g, '');
const isSpace = (c: string) => /^[ \t\n\r\f\u00a0]$/.test(c);

afterEach(() => document.body.replaceChildren());

describe('anchoring round-trips exactly on unusual text', () => {
  it('maps every character of the text to that character in the DOM, and back', () => {
    fc.assert(
      fc.property(article, (paragraphs) => {
        const root = build(paragraphs);
        const found = extractPageWithMap(document);
        const domText = visible(root.textContent ?? '');
        if (domText === '') return; // nothing to extract (only whitespace)
        expect(found).not.toBeNull();
        const { page, map } = found!;
        // Nothing lost, nothing changed, nothing normalised: same characters in the same order.
        expect(visible(page.text)).toBe(domText);
        for (let t = 0; t < page.text.length; t++) {
          if (isSpace(page.text[t]!)) continue;
          const pos = startPosition(map, t);
          expect(pos, `offset ${t}`).not.toBeNull();
          expect(pos!.node.data[pos!.offset], `offset ${t}`).toBe(page.text[t]);
          expect(offsetFor(map, pos!.node, pos!.offset)).toBe(t);
        }
      }),
      RUNS,
    );
  });

  it('builds ranges that read exactly the text between two offsets', () => {
    fc.assert(
      fc.property(article, fc.nat(), fc.nat(), (paragraphs, a, b) => {
        build(paragraphs);
        const found = extractPageWithMap(document);
        if (!found) return;
        const { page, map } = found;
        const [block] = page.blocks.slice(a % page.blocks.length);
        const [from, to] = block!;
        const s = from + (a % (to - from));
        const e = s + 1 + (b % (to - s));
        const range = rangeFor(map, s, e, document);
        const expected = visible(page.text.slice(s, e));
        if (expected === '') return; // a span of only whitespace may map to nothing
        expect(range).not.toBeNull();
        expect(visible(range!.toString())).toBe(expected);
      }),
      RUNS,
    );
  });

  it('keeps NFC and NFD spellings apart (no normalisation shifts offsets)', () => {
    build([[{ kind: 'text', parts: ['Caf\u00e9 and Cafe\u0301 and Å and A\u030a, then Steve Barclay.'] }]]);
    const { page, map } = extractPageWithMap(document)!;
    const at = page.text.indexOf('Steve Barclay');
    expect(at).toBe('Caf\u00e9 and Cafe\u0301 and Å and A\u030a, then '.length);
    expect(rangeFor(map, at, at + 'Steve Barclay'.length, document)!.toString()).toBe('Steve Barclay');
  });

  it('reads a name split across nodes and elements as one range', () => {
    build([
      [
        { kind: 'text', parts: ['👩🏽‍⚕️ مرحبا Ste'] },
        { kind: 'inline', tag: 'b', parts: ['ve Bar'] },
        { kind: 'split', parts: ['cl', 'ay said \u00adhealth\u00adcare.'] },
      ],
    ]);
    const { page, map } = extractPageWithMap(document)!;
    const at = page.text.indexOf('Steve Barclay');
    expect(at).toBeGreaterThan(0);
    expect(rangeFor(map, at, at + 13, document)!.toString()).toBe('Steve Barclay');
  });
});

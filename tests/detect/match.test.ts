import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, scan } from '../../lib/detect/match.ts';
import { atWordBoundaries, fold, foldString, SKIP, surface } from '../../lib/detect/text.ts';

const found = (patterns: string[], text: string) => {
  const a = compile(patterns);
  return scan(a, text).map((h) => [a.patterns[h.pattern], text.slice(h.start, h.end)]);
};

describe('gazetteer automaton', () => {
  it.each([
    [
      'case and accents fold',
      ['steve barclay', 'therese coffey'],
      'STEVE Barclay met Thérèse Coffey',
      [
        ['steve barclay', 'STEVE Barclay'],
        ['therese coffey', 'Thérèse Coffey'],
      ],
    ],
    ['NFD combining marks are skipped', ['therese'], 'The\u0301re\u0300se', [['therese', 'The\u0301re\u0300se']]],
    [
      'soft hyphen and zero-width space inside a word',
      ['barclay'],
      'Bar\u00ADclay and Bar\u200Bclay',
      [
        ['barclay', 'Bar\u00ADclay'],
        ['barclay', 'Bar\u200Bclay'],
      ],
    ],
    [
      'curly apostrophe folds to straight',
      ["doctors' union"],
      'the doctors’ union',
      [["doctors' union", 'doctors’ union']],
    ],
    ['en dash folds to hyphen', ['walk-out'], 'a walk–out', [['walk-out', 'walk–out']]],
    [
      'line breaks and double spaces match one space',
      ['junior doctors'],
      'junior\n  doctors',
      [['junior doctors', 'junior\n  doctors']],
    ],
    [
      'overlapping patterns all reported',
      ['he', 'she', 'hers'],
      'ushers',
      [
        ['she', 'she'],
        ['he', 'he'],
        ['hers', 'hers'],
      ],
    ],
    ['nothing in unrelated text', ['bma'], 'The quince tart', []],
    ['astral characters do not break offsets', ['nhs'], '😀 NHS 😀', [['nhs', 'NHS']]],
  ])('%s', (_name, patterns, text, expected) => {
    expect(found(patterns as string[], text as string)).toEqual(expected);
  });

  it('finds exactly what a plain search of the folded text finds, at the same offsets', () => {
    // The reference: fold the text unit by unit (skipped units dropped, a run of white space kept
    // once), remember where each folded unit came from, and look every pattern up with indexOf.
    const reference = (patterns: string[], text: string) => {
      const table = fold();
      let folded = '';
      const origin: number[] = [];
      let lastSpace = true;
      for (let i = 0; i < text.length; i++) {
        const f = table[text.charCodeAt(i)]!;
        if (f === SKIP) continue;
        if (f === 0x20) {
          if (lastSpace) continue;
          lastSpace = true;
        } else lastSpace = false;
        folded += String.fromCharCode(f);
        origin.push(i);
      }
      const out: string[] = [];
      patterns.map(foldString).forEach((p, id) => {
        if (!p) return;
        for (let at = folded.indexOf(p); at >= 0; at = folded.indexOf(p, at + 1))
          out.push(`${id}@${origin[at]}-${origin[at + p.length - 1]! + 1}`);
      });
      return out.sort();
    };
    const unit = fc.constantFrom(
      'a',
      'B',
      'c',
      ' ',
      '  ',
      '\n',
      '\u00AD',
      '\u200B',
      'é',
      'e\u0301',
      '’',
      "'",
      '-',
      '–',
      '.',
    );
    const word = fc.array(unit, { minLength: 1, maxLength: 6 }).map((u) => u.join(''));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 5 }),
        fc.array(unit, { maxLength: 60 }),
        (patterns, text) => {
          const t = text.join('');
          const a = compile(patterns);
          const got = scan(a, t)
            .map((h) => `${h.pattern}@${h.start}-${h.end}`)
            .sort();
          // A hit's start is the first unit of the match (a skipped unit before it belongs outside).
          expect(got).toEqual(reference(patterns, t));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reports offsets into the original text', () => {
    const a = compile(['bma']);
    const text = 'x\u00AD\u00AD BMA';
    const [hit] = scan(a, text);
    expect(text.slice(hit!.start, hit!.end)).toBe('BMA');
  });
});

describe('normalisation helpers', () => {
  it.each([
    ['Barclays', 0, 7, false],
    ['Barclay.', 0, 7, true],
    ['Barclay’s', 0, 7, true],
    ['x-BMA-led', 2, 5, true],
    ['aBMA', 1, 4, false],
  ])('word boundaries of %s [%i,%i) → %s', (text, s, e, ok) => {
    expect(atWordBoundaries(text as string, s as number, e as number)).toBe(ok);
  });

  it('folds a pattern: case, accents, punctuation and spaces', () => {
    expect(foldString('  Thérèse  “Coffey’s”  ')).toBe('therese "coffey\'s"');
  });

  it('keeps case in the surface form but drops skipped characters', () => {
    expect(surface('Bar\u00ADclay’s', 0, 10)).toBe("Barclay's");
  });
});

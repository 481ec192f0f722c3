import { describe, expect, it } from 'vitest';
import { encodeTextTerm, textDirective, textFragmentLink } from '../../lib/export/fragment.ts';

describe('text-fragment links', () => {
  it('encodes the directive syntax characters - & , as well as the usual ones', () => {
    expect(encodeTextTerm('a-b & c, d')).toBe('a%2Db%20%26%20c%2C%20d');
    expect(encodeTextTerm('68,000 patients')).toBe('68%2C000%20patients');
    expect(encodeTextTerm('نص 🩺')).toBe('%D9%86%D8%B5%20%F0%9F%A9%BA');
  });

  it('does not throw on a lone surrogate', () => {
    expect(encodeTextTerm('a\ud83d')).toBe('a%EF%BF%BD');
  });

  it('uses the quote alone when it is unique', () => {
    const text = 'Health Secretary Steve Barclay said.';
    expect(textFragmentLink('https://x.test/a', text, 17, 30)).toBe('https://x.test/a#:~:text=Steve%20Barclay');
  });

  it('adds prefix and suffix words from the same line when the quote repeats', () => {
    const text = 'The BMA said no.\n\nThen the BMA-led strike began.';
    const start = text.lastIndexOf('BMA');
    expect(textDirective(text, start, start + 3)).toBe('text=Then%20the-,BMA,-%2Dled%20strike%20began.');
    expect(textDirective(text, 4, 7)).toBe('text=The-,BMA,-said%20no.');
  });

  it('links a long quote as a start,end range', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    expect(textDirective(text, 0, text.length)).toBe('text=one%20two%20three%20four,nine%20ten%20eleven%20twelve');
  });

  it('keeps an existing fragment and replaces an existing directive', () => {
    expect(textFragmentLink('https://x.test/a#top', 'word', 0, 4)).toBe('https://x.test/a#top:~:text=word');
    expect(textFragmentLink('https://x.test/a#:~:text=old', 'word', 0, 4)).toBe('https://x.test/a#:~:text=word');
  });

  it('gives no link without a URL or an empty span', () => {
    expect(textFragmentLink('', 'word', 0, 4)).toBe('');
    expect(textFragmentLink('https://x.test/', 'word', 2, 2)).toBe('');
  });
});

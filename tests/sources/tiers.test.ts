import { describe, expect, it } from 'vitest';
import { knownTier, tierOfUrl } from '../../lib/sources/hosts.ts';
import { byTier, copyLabel, support, tierLabel, weaklySourcedNote } from '../../lib/sources/tiers.ts';

const src = (url: string, publisher: string, tier: 'primary' | 'press' | 'copy' | 'weak') => ({ url, publisher, tier });

describe('source tiers', () => {
  it('orders sources best first, keeping the given order within a tier', () => {
    const list = [
      src('https://rawderm.com/a', 'rawderm.com', 'weak'),
      src('https://upday.com/a', 'upday (PA)', 'copy'),
      src('https://www.bbc.co.uk/a', 'BBC News', 'press'),
      src('https://www.gov.uk/a', 'DHSC', 'primary'),
      src('https://www.theguardian.com/a', 'The Guardian', 'press'),
    ];
    expect(byTier(list).map((s) => s.publisher)).toEqual([
      'DHSC',
      'BBC News',
      'The Guardian',
      'upday (PA)',
      'rawderm.com',
    ]);
  });

  it.each([
    ['upday (PA)', 'copy of a PA story'],
    ['Dunya Plus (copy of AP)', 'copy of an AP story'],
    ['The Manila Times (AFP)', 'copy of an AFP story'],
    ['NHS England via WiredGov', 'copy (original: NHS England)'],
    ['inkl (The Independent)', 'copy (original: The Independent)'],
    ['news.warptechlab.com (copy of The Independent)', 'copy (original: The Independent)'],
    ['longform.social (headline and summary copy of The Independent)', 'copy (original: The Independent)'],
    ['Morning Star (mirror)', 'copy (original: Morning Star)'],
    ['Anadolu Agency (via A News)', 'copy (original: Anadolu Agency)'],
    ['Londonwide LMCs', 'copy of a story published elsewhere'],
  ])('labels a copy from its publisher: %s → %s', (publisher, label) => {
    expect(copyLabel(publisher)).toBe(label);
    expect(tierLabel({ publisher, tier: 'copy' })).toBe(label);
  });

  it('reads "weakly sourced" only when weak hosts are all there is, naming them', () => {
    const weak = [
      src('https://rawderm.com/a', 'rawderm.com', 'weak'),
      src('https://test.daily8.com/b', 'Daily8', 'weak'),
    ];
    expect(support(weak)).toMatchObject({ weak: true });
    expect(weaklySourcedNote(weak)).toBe(
      'Weakly sourced: only cited by rawderm.com and test.daily8.com, weak sources (an aggregator, scraper, blog, proxy or unknown site).',
    );
    // a weak host beside a press one is listed after it, and the record is not weakly sourced
    const mixed = [weak[0]!, src('https://www.bbc.co.uk/a', 'BBC News', 'press')];
    expect(support(mixed)).toMatchObject({ weak: false, sources: [mixed[1], mixed[0]] });
    expect(weaklySourcedNote(mixed)).toBeUndefined();
    // a labelled copy is support (it is the original story), not a weak source
    expect(support([src('https://upday.com/a', 'upday (PA)', 'copy')]).weak).toBe(false);
    expect(support([]).weak).toBe(false);
  });
});

describe('the host table (data/factbase/source-tiers.json)', () => {
  it('gives known hosts their tier, ignoring "www."', () => {
    expect(tierOfUrl('https://www.bma.org.uk/news/x')).toBe('primary');
    expect(tierOfUrl('https://www.bbc.co.uk/news/x')).toBe('press');
    expect(tierOfUrl('https://en.wikipedia.org/wiki/X')).toBe('weak');
    expect(tierOfUrl('https://www.reuters.com/x')).toBe('press'); // added by the research's upgrades
    expect(tierOfUrl('https://nhsproviders.org/x')).toBe('primary'); // added with the 2026 records
  });

  it('treats an unknown host, or a staging copy of a good one, as weak', () => {
    expect(knownTier('https://never-heard-of.example/x')).toBeUndefined();
    expect(tierOfUrl('https://never-heard-of.example/x')).toBe('weak');
    expect(tierOfUrl('https://test.daily8.com/x')).toBe('weak');
    expect(tierOfUrl('not a url')).toBe('weak');
  });
});

import { describe, expect, it } from 'vitest';
import { optionsHash, parseOptionsHash } from '../lib/options-links.ts';

describe('options page addresses', () => {
  it('round-trips a search for selected text, trimmed and capped', () => {
    const hash = optionsHash({ view: 'search', query: '  the Health\nSecretary  ' });
    expect(hash).toBe('#search=the%20Health%20Secretary');
    expect(parseOptionsHash(hash)).toEqual({ view: 'search', query: 'the Health Secretary' });
    expect(optionsHash({ view: 'search', query: 'x'.repeat(1000) }).length).toBe('#search='.length + 300);
  });

  it('knows the first-run view, and treats anything else as the main view', () => {
    expect(parseOptionsHash(optionsHash({ view: 'welcome' }))).toEqual({ view: 'welcome' });
    expect(parseOptionsHash('')).toEqual({ view: 'main' });
    expect(parseOptionsHash('#search=%E0%A4%A')).toEqual({ view: 'main' });
    expect(parseOptionsHash('#whatever')).toEqual({ view: 'main' });
  });
});

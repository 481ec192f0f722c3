import { describe, expect, it } from 'vitest';
import { gazetteerFor, type Entry } from '../../lib/detect/gazetteer.ts';
import { foldString } from '../../lib/detect/text.ts';
import { bundledIndex } from '../helpers/pack.ts';

/** Every entry whose folded pattern is `pattern`'s. */
function entriesFor(pattern: string): Entry[] {
  const g = gazetteerFor(bundledIndex());
  const key = foldString(pattern);
  return g.entries.flat().filter((e) => foldString(e.text) === key);
}

describe('the gazetteer of the bundled pack', () => {
  it('is built once per index', () => {
    expect(gazetteerFor(bundledIndex())).toBe(gazetteerFor(bundledIndex()));
  });

  it('holds a full name from the pack, needing no context', () => {
    const full = entriesFor('Steve Barclay').find((e) => e.origin === 'pack');
    expect(full).toMatchObject({ entityId: 'steve-barclay', context: 'none' });
  });

  it('lets a bare surname count only after a fuller mention, and only as written (not "barclay")', () => {
    expect(entriesFor('Barclay').find((e) => e.entityId === 'steve-barclay')).toMatchObject({
      match: 'exact',
      context: 'coreference',
    });
  });

  it('lets an honorific and surname count only in a text about the disputes', () => {
    expect(entriesFor('Mr Barclay').find((e) => e.entityId === 'steve-barclay')).toMatchObject({ context: 'domain' });
  });

  it('holds the event nouns, linked to no entity', () => {
    const strike = entriesFor('strike').find((e) => e.origin === 'event');
    expect(strike).toMatchObject({ entityId: '' });
  });
});

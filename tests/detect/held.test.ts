/**
 * An open-ended role read past the fact base's coverage is the last known holder, not a certainty:
 * "the BMA chair" still resolves, and the mention, the card and the role-on-date all say it may
 * have changed. Inside the coverage nothing changes.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { buildCard, lookupCard } from '../../lib/detect/card-data.ts';
import { FactIndex } from '../../lib/facts/index.ts';
import type { Pack } from '../../lib/facts/schema.ts';
import { richPack } from '../facts/fixtures.ts';
import { textPage } from '../helpers/pack.ts';

/** richPack with Jo Bloggs's chair open-ended (`to: null`); coverage to December 2025. */
function pack(): Pack {
  const base = richPack();
  return {
    ...base,
    entities: base.entities.map((e) =>
      e.id === 'jo-bloggs' ? { ...e, roles: e.roles!.map((r, i) => (i === 0 ? { ...r, to: null } : r)) } : e,
    ),
  };
}

const index = FactIndex.fromPacks([pack()]);
const text = 'The BMA chair told the BMA junior doctors to reject the offer.';
const chair = (date: string) =>
  annotate(textPage(text, date), index, { claims: false }).annotations.find((a) => a.exact === 'BMA chair');

describe('an open-ended role past the coverage', () => {
  it('inside the coverage, the holder is stated plainly', () => {
    expect(chair('2025-06-01')).toMatchObject({ entity: { id: 'jo-bloggs' }, role: { title: 'Chair of BMA Council' } });
    expect(buildCard(index, 'jo-bloggs', '2025-06-01', '2025-06-01')?.roleOnDate).toBe('Chair of BMA Council');
  });

  it('past the coverage, the role description still resolves but says the holder may have changed', () => {
    const a = chair('2028-03-01');
    expect(a?.entity?.id).toBe('jo-bloggs');
    expect(a?.role?.title).toBe('Chair of BMA Council (held as of December 2025; may have changed)');
  });

  it("past the coverage, the card's role on the article's date is not a certainty, and the card says why", () => {
    const card = buildCard(index, 'jo-bloggs', '2028-03-01', '2028-03-01')!;
    expect(card.roleOnDate).toBe('Chair of BMA Council (held as of December 2025; may have changed)');
    expect(card.roleNow).toBeNull();
    expect(card.coverageNotice).toMatch(/outside the fact base's coverage/);
  });

  it('an article inside the coverage read today, past it: the role then is plain, the role now is hedged', () => {
    const card = buildCard(index, 'jo-bloggs', '2025-06-01', '2028-03-01')!;
    expect(card.roleOnDate).toBe('Chair of BMA Council');
    expect(card.roleNow).toBe('Chair of BMA Council (held as of December 2025; may have changed)');
  });

  it('looking the role up by its description gives the same hedged card', () => {
    expect(lookupCard(index, 'BMA chair', '2028-03-01', '2028-03-01')?.roleOnDate).toMatch(/may have changed/);
  });

  it('a role that ended is never hedged: past its end it is simply not held', () => {
    const ended = FactIndex.fromPacks([richPack()]);
    expect(buildCard(ended, 'jo-bloggs', '2028-03-01', '2028-03-01')?.roleOnDate).toBeNull();
  });
});

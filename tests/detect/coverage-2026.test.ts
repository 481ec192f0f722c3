/**
 * Detection on 2026 coverage with the bundled pack (to June 2026), on sentences written for these
 * tests: the holder of an office on the article's date, strikes linked by the dates the sentence
 * gives, and what the tool says about a date past the coverage.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { buildCard } from '../../lib/detect/card-data.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
const STRIKE_CALL =
  'The BMA has called a strike for five days from 15 June, and the Health Secretary urged resident doctors to think again.';

function run(text: string, date: string) {
  const result = annotate(textPage(text, date), index, { claims: false, today: date });
  const at = (exact: string) => result.annotations.find((a) => a.exact === exact);
  return { result, at };
}

describe('a 12 June 2026 article', () => {
  const { result, at } = run(STRIKE_CALL, '2026-06-12');

  it('"the Health Secretary" is James Murray, stated plainly', () => {
    expect(at('Health Secretary')).toMatchObject({
      entity: { id: 'james-murray' },
      role: { title: 'Secretary of State for Health and Social Care' },
    });
    expect(result.cards.find((c) => c.id === 'james-murray')?.roleOnDate).toBe(
      'Secretary of State for Health and Social Care',
    );
  });

  it('"a strike for five days from 15 June" is the June 2026 resident doctors\' strike', () => {
    expect(at('strike')?.entity?.id).toBe('rd-strike-2026-06');
  });

  it('Wes Streeting, who resigned on 14 May 2026, is no longer the Health Secretary', () => {
    const card = buildCard(index, 'wes-streeting', '2026-06-12', '2026-06-12')!;
    expect(card.roleOnDate).toBeNull();
  });
});

describe('a 2028 article', () => {
  const { result, at } = run(STRIKE_CALL, '2028-06-12');

  it('the Health Secretary still resolves, but the mention and the card say the holder may have changed since June 2026', () => {
    expect(at('Health Secretary')).toMatchObject({
      entity: { id: 'james-murray' },
      role: { title: 'Secretary of State for Health and Social Care (held as of June 2026; may have changed)' },
    });
    const card = result.cards.find((c) => c.id === 'james-murray')!;
    expect(card.roleOnDate).toBe(
      'Secretary of State for Health and Social Care (held as of June 2026; may have changed)',
    );
    expect(card.coverageNotice).toMatch(/outside the fact base's coverage \(October 2022 to June 2026\)/);
  });

  it('a strike "from 15 June" stays unlinked: that June is not in the fact base', () => {
    const strike = at('strike')!;
    expect(strike.kind).toBe('event');
    expect(strike.entity).toBeUndefined();
  });
});

describe('2026 strikes linked by the dates a sentence gives', () => {
  it.each([
    [
      "last month's strike, in May",
      'Dr Jack Fletcher of the BMA said last month’s strike by resident doctors had shown resolve.',
      '2026-05-10',
      'rd-strike-2026-04',
    ],
    [
      "next week's walkout",
      "Resident doctors in England will stage next week's walkout, the BMA said.",
      '2026-06-10',
      'rd-strike-2026-06',
    ],
    [
      'a strike in January in a Scottish story',
      'Resident doctors in Scotland called off their strike in January, BMA Scotland said.',
      '2026-02-10',
      'scotland-rd-strike-2026-01',
    ],
  ])('%s', (_n, text, date, id) => {
    const events = run(text, date).result.annotations.filter((a) => a.kind === 'event');
    expect(events.map((a) => a.entity?.id)).toEqual([id]);
  });

  it('a strike said to start next month, in July 2026, is not in the fact base', () => {
    const events = run(
      'The BMA said resident doctors would begin a new strike next month.',
      '2026-06-25',
    ).result.annotations.filter((a) => a.kind === 'event');
    expect(events.map((a) => a.entity?.id ?? 'unlinked')).toEqual(['unlinked']);
  });
});

describe('the new people and bodies of 2026 resolve', () => {
  it.each([
    [
      'Unison’s general secretary Andrea Egan said NHS staff deserved better.',
      '2026-03-02',
      'Andrea Egan',
      'andrea-egan',
    ],
    ['Helga Pile, Unison’s head of health, said NHS staff deserved better.', '2026-03-02', 'Helga Pile', 'helga-pile'],
    ['Dr Shanu Datta of the BMA consultants committee warned the NHS.', '2026-03-02', 'Dr Shanu Datta', 'shanu-datta'],
    ['Daniel Elkeles of NHS Providers said trusts were ready.', '2026-06-12', 'Daniel Elkeles', 'daniel-elkeles'],
  ])('%s', (text, date, exact, id) => {
    expect(run(text, date).at(exact)?.entity?.id).toBe(id);
  });

  it("Wales's Cabinet Secretary beside his name is his office, not England's", () => {
    const { at } = run('Welsh health secretary Jeremy Miles said NHS Wales staff would get the award.', '2026-02-13');
    expect(at('health secretary')).toMatchObject({
      entity: { id: 'jeremy-miles' },
      role: { title: 'Cabinet Secretary for Health and Social Care' },
    });
  });
});

/**
 * Cards lead with what the article is about: the last meeting with each group the article names,
 * then the event it discusses, then the rest; a story set in Scotland leads with Scottish events.
 * The articles are short texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { buildCard } from '../../lib/detect/card-data.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
function cardsOf(text: string, date: string) {
  const result = annotate(textPage(text, date), index, { today: '2026-11-24', claims: false });
  return (id: string) => {
    const card = result.cards.find((c) => c.id === id);
    if (!card) throw new Error(`no card for ${id}; cards: ${result.cards.map((c) => c.id).join(', ')}`);
    return card.facts.map((f) => f.statement);
  };
}

describe('the seed article (consultants, 24 August 2023)', () => {
  const card = cardsOf(fixture('seed-article.txt'), '2023-08-24');
  it("puts Barclay's 27 March 2023 meeting with the consultants among his first two facts", () => {
    expect(card('steve-barclay').slice(0, 2)).toContain('Last met the BMA consultants committee: 27 March 2023');
  });
  it("leads Quince's card with his 4 July 2023 radiographers meeting", () => {
    expect(card('will-quince')[0]).toBe('Last met the Society of Radiographers: 4 July 2023');
  });
  it("leads the radiographers' card with their last meeting with a minister", () => {
    expect(card('society-of-radiographers')[0]).toBe('Last met Will Quince: 4 July 2023');
  });
  it("gives the consultants' card the meeting, then the strike the article is about", () => {
    const facts = card('consultants');
    expect(facts[0]).toBe('Last met Steve Barclay: 27 March 2023');
    expect(facts[1]).toMatch(/^Consultants' 48-hour strike, August 2023/);
  });
  it('writes no bookkeeping words such as "(derived)"', () => {
    for (const id of ['steve-barclay', 'bma', 'consultants'])
      for (const s of card(id)) expect(s).not.toMatch(/\(derived\)/);
  });
});

describe.each([
  {
    case: 'about nurses (1 March 2023)',
    date: '2023-03-01',
    text: 'Nurses in the Royal College of Nursing have paused their strikes. Health Secretary Steve Barclay held talks with the RCN, and the NHS hopes for a deal with nurses.',
    id: 'steve-barclay',
    lead: 'Last met the Royal College of Nursing: 22 February 2023',
  },
  {
    case: 'about junior doctors (1 June 2023)',
    date: '2023-06-01',
    text: 'Junior doctors in the BMA will strike again in June. Health Secretary Steve Barclay said the junior doctors walked away from talks; the NHS braces for another strike by junior doctors.',
    id: 'steve-barclay',
    lead: 'Last met the BMA resident doctors committee (England): 2 May 2023 to 22 May 2023',
  },
])('an article $case', ({ text, date, id, lead }) => {
  it(`leads ${id}'s card with the last meeting with that group`, () => {
    expect(cardsOf(text, date)(id)[0]).toBe(lead);
  });
});

describe('an article set in Scotland (10 July 2023)', () => {
  const text =
    'Junior doctors in Scotland have called off their strike after the Scottish Government made a new pay offer. BMA Scotland said junior doctors would vote on the deal from NHS Scotland, and Michael Matheson welcomed it.';
  it('leads the junior doctors card with Scottish events, not English strikes', () => {
    const facts = cardsOf(text, '2023-07-10')('resident-doctors');
    expect(facts[0]).toMatch(/^Scottish/);
    expect(facts[1]).toMatch(/^Scottish/);
  });
  it('without the article, the same card ranks by date alone', () => {
    const plain = buildCard(index, 'resident-doctors', '2023-07-10', '2026-11-24')!;
    expect(plain.facts.length).toBeGreaterThan(0);
  });
});

describe('an event card', () => {
  it('does not repeat its heading as its first fact', () => {
    const card = buildCard(index, 'consultants-strike-2023-07', '2023-08-24', '2026-11-24')!;
    expect(card.facts[0]?.statement ?? '').not.toContain(card.name);
  });
});

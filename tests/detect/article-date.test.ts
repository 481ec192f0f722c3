/** The date of an undated article, inferred from its own text; sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { inferArticleDate } from '../../lib/detect/article-date.ts';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

const index = bundledIndex();
const undated = (text: string) => ({
  ...textPage(text, '2000-01-01'),
  published: undefined,
  publishedFrom: 'none' as const,
});

describe('inferring an undated article’s date', () => {
  it('pins the day from "today (Thursday 24 August)" and the office holders it names', () => {
    const d = inferArticleDate(
      'Consultants of the BMA walk out today (Thursday 24 August). Health Secretary Steve Barclay urged talks.',
      index,
    );
    expect(d).toMatchObject({ date: '2023-08-24', exact: true });
    expect(d!.why).toMatch(/today \(Thursday 24 August\)/);
  });

  it('bounds the window by the dated events it describes and the terms of the offices it names', () => {
    const d = inferArticleDate(
      'Junior doctors walked out on 13 March 2023. Health Secretary Steve Barclay called it a shame.',
      index,
    );
    expect(d).toMatchObject({ from: '2023-03-13', to: '2023-11-12', exact: false });
    expect(d!.why).toMatch(/13 March 2023.*Steve Barclay/);
  });

  it('finds no window in a text with nothing that dates it', () => {
    expect(inferArticleDate('Junior doctors are on strike again, the BMA said.', index)).toBeNull();
  });

  it('never judges an undated article as of today: without a window every claim is no-data, with the reason', () => {
    const r = annotate(undated('NHS consultants of the BMA stage a 48-hour walkout, the union said.'), index, {
      today: '2023-08-24',
    });
    expect(r.page.publishedFrom).toBe('none');
    expect(r.page.dateNote).toMatch(/no date/);
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) {
      expect(c.check!.verdict).toBe('no-data');
      expect(c.check!.explanation).toMatch(/does not date it/);
    }
  });

  it('says in every claim that the date was inferred and from what; relative dates on an inferred window are not judged', () => {
    const r = annotate(
      undated(
        'Junior doctors in the BMA walked out on 13 March 2023 in a 72-hour strike. More strikes came last month.',
      ),
      index,
      { today: '2026-12-04' },
    );
    expect(r.page).toMatchObject({ publishedFrom: 'inferred', published: '2023-03-13' });
    const byText = Object.fromEntries(r.claims.map((c) => [c.exact, c.check!]));
    expect(byText['72-hour strike']).toMatchObject({ verdict: 'consistent' });
    expect(byText['72-hour strike']!.explanation).toMatch(
      /inferred between 13 March 2023 and .* from the latest dated event/,
    );
    expect(byText['last month']).toMatchObject({ verdict: 'no-data' });
    expect(byText['last month']!.explanation).toMatch(/circular/);
  });
});

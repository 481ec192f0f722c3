/**
 * Golden test on the seed article (24 August 2023): the mentions the foundation issue names,
 * nothing for the picture credit, and the whole annotation list pinned in a golden file
 * (regenerate with `npx tsx scripts/update-golden.ts` after a deliberate change, and review the diff).
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';
import { goldenRows } from '../../scripts/golden.ts';

const text = fixture('seed-article.txt');
const result = annotate(textPage(text, '2023-08-24'), bundledIndex(), { today: '2026-11-24' });
const byExact = (exact: string) => result.annotations.filter((a) => a.exact === exact);

describe('seed article, 24 August 2023', () => {
  it.each([
    ['Wes Streeting', 'wes-streeting'],
    ['Steve Barclay', 'steve-barclay'],
    ['Rishi Sunak', 'rishi-sunak'],
    ['Will Quince', 'will-quince'],
    ['British Medical Association', 'bma'],
    ['BMA', 'bma'],
    ['Society of Radiographers', 'society-of-radiographers'],
    ['Department of Health and Social Care', 'dhsc'],
    ['Labour Party', 'labour-party'],
    ['Tories', 'conservative-party'],
    ['Conservatives', 'conservative-party'],
    ['junior doctors', 'resident-doctors'],
    ['consultants', 'consultants'],
    ['NHS', 'nhs-in-england'],
  ])('finds %s → %s', (exact, id) => {
    expect(byExact(exact).length).toBeGreaterThan(0);
    expect(byExact(exact).every((a) => a.entity?.id === id)).toBe(true);
  });

  it('resolves the roles as of the article date', () => {
    expect(byExact('shadow health secretary')[0]).toMatchObject({
      entity: { id: 'wes-streeting' },
      role: { title: 'Shadow Secretary of State for Health and Social Care' },
    });
    expect(byExact('health minister')[0]).toMatchObject({ entity: { id: 'will-quince' } });
    const hs = byExact('Health Secretary');
    expect(hs.length).toBe(3);
    for (const a of hs)
      expect(a).toMatchObject({
        entity: { id: 'steve-barclay' },
        role: { title: 'Secretary of State for Health and Social Care' },
      });
  });

  it('finds the NHS strikes as events', () => {
    const events = result.annotations.filter((a) => a.kind === 'event');
    expect(events.map((e) => e.exact)).toEqual(expect.arrayContaining(['strikes', 'industrial action']));
    expect(events.find((e) => e.exact === 'strikes')?.entity?.id).toBe('consultants-strike-2023-08');
  });

  it('annotates nothing in the picture credit', () => {
    const credit = text.indexOf('Kim Mogg');
    expect(result.annotations.filter((a) => a.start >= credit && a.start < credit + 25)).toEqual([]);
  });

  it('gives every linked mention a card', () => {
    const ids = new Set(result.cards.map((c) => c.id));
    for (const a of result.annotations) if (a.entity) expect(ids.has(a.entity.id)).toBe(true);
  });

  it('matches the golden annotations', () => {
    expect(goldenRows(result)).toEqual(JSON.parse(fixture('seed-article.golden.json')));
  });
});

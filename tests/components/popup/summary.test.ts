import { describe, expect, it } from 'vitest';
import { annotate } from '../../../lib/detect/annotate.ts';
import { timelineFor } from '../../../lib/facts/timeline.ts';
import { dateSource, summarise } from '../../../components/popup/summary.ts';
import { bundledIndex, fixture, textPage } from '../../helpers/pack.ts';

const result = annotate(textPage(fixture('seed-article.txt'), '2023-08-24'), bundledIndex(), { today: '2026-11-24' });
const summary = summarise(result);

describe('popup summary of the seed article', () => {
  it('groups mentions by kind with the role on the article date', () => {
    const people = summary.groups.find((g) => g.group === 'person')!.items;
    expect(people.find((p) => p.id === 'steve-barclay')).toMatchObject({
      name: 'Steve Barclay',
      role: 'Secretary of State for Health and Social Care',
    });
    expect(people.find((p) => p.id === 'wes-streeting')?.role).toBe(
      'Shadow Secretary of State for Health and Social Care',
    );
    expect(summary.groups.map((g) => g.group)).toEqual(
      expect.arrayContaining(['person', 'organisation', 'staff-group', 'event']),
    );
  });

  it('counts mentions and claims, and points each item at its first mention', () => {
    // "Health Secretary Steve Barclay" is checked twice on the page: one row, counted twice.
    expect(result.claims.filter((c) => c.exact === 'Health Secretary Steve Barclay')).toHaveLength(2);
    const barclay = summary.claims.filter((c) => c.exact === 'Health Secretary Steve Barclay');
    expect(barclay).toHaveLength(1);
    expect(barclay[0]!.count).toBe(2);
    expect(summary.counts.claims).toBe(result.claims.length - 1);
    expect(summary.counts.differs).toBeGreaterThanOrEqual(2);
    const ids = new Set(result.annotations.map((a) => a.id));
    for (const g of summary.groups) for (const i of g.items) expect(ids.has(i.firstAnnotationId)).toBe(true);
  });

  it("shows each claim row's best source with its tier", () => {
    const withSources = summary.claims.filter((c) => c.source);
    expect(withSources.length).toBeGreaterThan(0);
    for (const c of withSources) expect(['primary', 'press', 'copy', 'weak']).toContain(c.source!.tier);
    const meeting = summary.claims.find((c) => /five months/.test(c.exact));
    expect(meeting?.source?.tier).toMatch(/primary|press/);
  });

  it('says where the date came from', () => {
    expect(summary.published).toBe('2023-08-24');
    expect(dateSource('none')).toMatch(/not judged/);
    expect(dateSource('inferred')).toMatch(/inferred/);
  });
});

describe('strike timeline', () => {
  it('lists the strikes of the groups the page mentions around the article date', () => {
    const items = timelineFor(bundledIndex(), summary.staffGroups, '2023-08-24');
    const ids = items.map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'consultants-strike-2023-07',
        'consultants-strike-2023-08',
        'joint-doctors-strike-2023-09',
      ]),
    );
    expect(items.every((i) => i.start <= i.end)).toBe(true);
    expect(ids).not.toContain('rd-strike-2025-07');
  });

  it('gives each event its best source with a tier, never a weak one ahead of a primary or press one', () => {
    const items = timelineFor(bundledIndex(), summary.timelineGroups, '2023-08-24');
    const events = bundledIndex().events;
    for (const item of items) {
      expect(item.source, item.id).not.toBeNull();
      const tiers = events.get(item.id)!.sources.map((s) => s.tier);
      if (tiers.some((t) => t === 'primary' || t === 'press'))
        expect(['primary', 'press'], item.id).toContain(item.source!.tier);
    }
  });

  it('adds the meetings, offers and awards of the unions the page names, each event once', () => {
    const items = timelineFor(bundledIndex(), summary.timelineGroups, '2023-08-24');
    const kinds = new Set(items.map((i) => i.kind));
    for (const k of ['strike', 'meeting', 'pay-award'] as const) expect(kinds).toContain(k);
    expect(items.find((i) => i.id === 'consultants-last-sos-meeting-2023-03-27')?.title).not.toMatch(/derived/);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // Parties and NHS bodies never strike or meet as a workforce: no rows of theirs.
    expect(items.some((i) => i.group === 'labour-party' || i.group === 'nhs-in-england')).toBe(false);
  });
});

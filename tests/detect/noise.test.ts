/**
 * Noise control: generic bodies (the NHS, parties, a department) are marked quiet, people, unions
 * and staff groups are not — the page highlights the quiet ones with a thin underline only.
 */
import { describe, expect, it } from 'vitest';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';

const result = annotate(textPage(fixture('seed-article.txt'), '2023-08-24'), bundledIndex(), {
  today: '2026-11-24',
  claims: false,
});
const quietOf = (id: string) => [
  ...new Set(result.annotations.filter((a) => a.entity?.id === id).map((a) => !!a.quiet)),
];

describe('quiet generic bodies on the seed article', () => {
  it.each(['nhs-in-england', 'labour-party', 'conservative-party', 'dhsc'])('%s is quiet', (id) => {
    expect(quietOf(id)).toEqual([true]);
  });
  it.each(['steve-barclay', 'bma', 'society-of-radiographers', 'consultants'])('%s is not', (id) => {
    expect(quietOf(id)).toEqual([false]);
  });
  it('keeps a role description ("the Health Secretary") at full strength', () => {
    const roles = result.annotations.filter((a) => a.role);
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((a) => !a.quiet)).toBe(true);
  });
});

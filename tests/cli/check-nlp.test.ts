import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSelective } from '../../cli/eval.ts';
import { annotate } from '../../lib/detect/annotate.ts';
import { bundledIndex, fixture, textPage } from '../helpers/pack.ts';

const dir = mkdtempSync(join(tmpdir(), 'nhs-context-check-nlp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compromise only where needed = compromise over everything', () => {
  it('gives the seed article the same annotations, claims included', () => {
    const page = textPage(fixture('seed-article.txt'), '2023-08-24');
    const selective = annotate(page, bundledIndex(), { today: '2026-11-24' });
    const all = annotate(page, bundledIndex(), { today: '2026-11-24', nlp: 'all' });
    expect(selective.claims.length).toBeGreaterThan(5);
    expect(selective.annotations).toEqual(all.annotations);
  });

  it('eval --check-nlp reports the comparison over a gold file', () => {
    const gold = join(dir, 'gold.jsonl');
    const line = (id: string, text: string) => JSON.stringify({ id, text, published: '2023-08-24', gold: [] });
    writeFileSync(
      gold,
      [
        line('seed', fixture('seed-article.txt')),
        line('plain', 'Nothing about the NHS disputes here, only 3 pages.'),
      ].join('\n'),
    );
    const check = checkSelective(gold, bundledIndex(), '2026-11-24');
    expect(check).toEqual({
      same: true,
      text: expect.stringMatching(/the same annotations \(\d+ claims\) in all 2 texts/),
    });
  });
});

/** Claim checks of a text on a date, as "verdict kind: claim" rows (the bundled pack unless given). */
import { annotate } from '../../lib/detect/annotate.ts';
import type { FactIndex } from '../../lib/facts/index.ts';
import { bundledIndex, textPage } from '../helpers/pack.ts';

export function claims(text: string, date: string, kind?: string, index: FactIndex = bundledIndex()) {
  return annotate(textPage(text, date), index, { today: '2026-11-24' })
    .claims.filter((c) => !kind || c.check!.kind === kind)
    .map((c) => ({ exact: c.exact, verdict: c.check!.verdict, check: c.check! }));
}

export function verdicts(text: string, date: string, kinds: string[]) {
  return claims(text, date)
    .filter((c) => kinds.includes(c.check.kind))
    .map((c) => c.verdict);
}

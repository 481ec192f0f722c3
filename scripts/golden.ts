/** The compact form of an annotation result that golden files pin (one row per annotation). */
import type { AnnotateResult } from '../lib/protocol/annotations.ts';

export function goldenRows(result: AnnotateResult): string[] {
  return result.annotations.map(
    (a) =>
      `${a.start}-${a.end} ${a.kind} ${JSON.stringify(a.exact)}${a.entity ? ` → ${a.entity.id}` : ''}${a.role ? ` [${a.role.title}]` : ''}${a.value !== undefined ? ` = ${a.value}${a.unit ? ` ${a.unit}` : ''}` : ''}${a.check ? ` {${a.check.kind}: ${a.check.verdict}}` : ''}`,
  );
}

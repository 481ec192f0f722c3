/**
 * THE mapping from a pack source to the SourceRef that crosses contexts (cards, claims, search,
 * exports): every caller uses this one, so a source looks the same wherever it is shown.
 */
import type { SourceRef } from '../protocol/annotations.ts';
import type { Source } from '../facts/schema.ts';
import { byTier } from './tiers.ts';

/** A pack source as a SourceRef: where, who, when and its tier. */
export function sourceRef(s: Source): SourceRef {
  return { url: s.url, publisher: s.publisher, published: s.published, tier: s.tier };
}

/** Several sources as SourceRefs, best first, each URL once. */
export function sourceRefs(sources: readonly Source[]): SourceRef[] {
  const seen = new Set<string>();
  const out: SourceRef[] = [];
  for (const s of byTier(sources)) {
    if (seen.has(s.url)) continue;
    seen.add(s.url);
    out.push(sourceRef(s));
  }
  return out;
}

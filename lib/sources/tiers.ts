/**
 * Source tiers, shown the same way everywhere a source is (card, popup, exports, search): the
 * order (primary and press first), the labels ("press", "copy of a PA story"), and when a record
 * reads "weakly sourced". Pure and small, with no zod and no data tables, so the content script,
 * components, the background and the CLI can all use it. The host → tier table is in hosts.ts.
 */

/** Best first: the body itself, established press, a copy of a story published elsewhere, a weak host. */
export const SOURCE_TIERS = ['primary', 'press', 'copy', 'weak'] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number];

/** What each tier means, in a reader's words (options, tooltips, the README). */
export const TIER_MEANING: Readonly<Record<SourceTier, string>> = {
  primary: 'the body itself: government, parliament, NHS bodies, unions, royal colleges, regulators',
  press: 'an established news organisation or trade publication',
  copy: 'a syndicated or mirrored copy of a story published elsewhere',
  weak: 'an aggregator, scraper, blog, staging or proxy site, or an unknown site',
};

/** The least a source needs for its tier: where it is and who published it. */
export interface TieredSource {
  url: string;
  publisher: string;
  tier: SourceTier;
}

const RANK: Readonly<Record<SourceTier, number>> = { primary: 0, press: 1, copy: 2, weak: 3 };

/** Sorts sources best first (primary, press, copy, weak), keeping the given order within a tier. */
export function byTier<T extends { tier: SourceTier }>(sources: readonly T[]): T[] {
  return sources
    .map((s, i) => ({ s, i }))
    .sort((a, b) => RANK[a.s.tier] - RANK[b.s.tier] || a.i - b.i)
    .map(({ s }) => s);
}

/** True when the tier counts as a record's support on its own (primary, press, or a labelled copy). */
export function supports(tier: SourceTier): boolean {
  return tier !== 'weak';
}

/** News agencies whose stories papers and feed sites republish. */
const WIRES = new Set(['PA', 'AP', 'AFP', 'Reuters', 'Press Association']);

/** "a PA story", "an AFP story". */
function wireStory(wire: string): string {
  return `${/^[AEFHILMNORSX]/.test(wire) && wire.length <= 3 ? 'an' : 'a'} ${wire} story`;
}

/**
 * Where a copy came from, read from its publisher field as the research writes it: "upday (PA)",
 * "NHS England via WiredGov", "inkl (The Independent)", "x.com (copy of GB News)",
 * "Morning Star (mirror)". Undefined when the publisher does not name the original.
 */
export function copyOriginal(publisher: string): string | undefined {
  const copyOf = /\bcopy of (?:an? )?(.+?)\)?$/i.exec(publisher);
  if (copyOf) return copyOf[1]!.trim();
  const viaAfter = /^(.+?) \(via [^()]+\)$/.exec(publisher);
  if (viaAfter) return viaAfter[1]!.trim();
  const via = /^(.+?) via (.+)$/.exec(publisher);
  if (via) return via[1]!.trim();
  const bracket = /^(.+?) \(([^()]+)\)$/.exec(publisher);
  if (bracket) return /^mirror\b/i.test(bracket[2]!) ? bracket[1]!.trim() : bracket[2]!.trim();
  return undefined;
}

/** "copy of a PA story", "copy (original: The Independent)", or "copy of a story published elsewhere". */
export function copyLabel(publisher: string): string {
  const original = copyOriginal(publisher);
  if (!original) return 'copy of a story published elsewhere';
  if (WIRES.has(original)) return `copy of ${wireStory(original)}`;
  return `copy (original: ${original})`;
}

/** The short label shown beside a source: "primary", "press", "copy of a PA story", "weak source". */
export function tierLabel(source: Pick<TieredSource, 'publisher' | 'tier'>): string {
  switch (source.tier) {
    case 'primary':
      return 'primary';
    case 'press':
      return 'press';
    case 'copy':
      return copyLabel(source.publisher);
    case 'weak':
      return 'weak source';
  }
}

/** "BBC News (press)", "upday (PA) (copy of a PA story)": a source as one line of plain text. */
export function sourceWithTier(source: Pick<TieredSource, 'publisher' | 'tier'>): string {
  return `${source.publisher} (${tierLabel(source)})`;
}

/** The host a reader would recognise ("bbc.co.uk"), or the URL itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/** How a record's sources read together. */
export interface Support<T extends TieredSource> {
  /** Every source, best first (weak ones last, never dropped). */
  sources: T[];
  /** No primary, press or copy source: only weak hosts cite the record. */
  weak: boolean;
  /** Why it reads "weakly sourced", naming the hosts; undefined when it does not. */
  reason?: string;
}

/**
 * Orders a record's sources best first and says whether the record is weakly sourced: when only
 * weak hosts cite it, it must never be shown as if they were its support.
 */
export function support<T extends TieredSource>(sources: readonly T[]): Support<T> {
  const ordered = byTier(sources);
  const weak = ordered.length > 0 && !ordered.some((s) => supports(s.tier));
  if (!weak) return { sources: ordered, weak };
  return { sources: ordered, weak, reason: weakReason(ordered) };
}

/** "only cited by rawderm.com and headtopics.com, weak sources (aggregators, scrapers, blogs or proxies)". */
function weakReason(sources: readonly TieredSource[]): string {
  const hosts = [...new Set(sources.map((s) => hostOf(s.url)))];
  const list = hosts.length <= 2 ? hosts.join(' and ') : `${hosts.slice(0, 2).join(', ')} and ${hosts.length - 2} more`;
  return `only cited by ${list}, ${hosts.length === 1 ? 'a weak source' : 'weak sources'} (an aggregator, scraper, blog, proxy or unknown site)`;
}

/** "Weakly sourced: only cited by …" — the words shown before such a record's sources. */
export function weaklySourcedNote(sources: readonly TieredSource[]): string | undefined {
  const s = support(sources);
  return s.weak ? `Weakly sourced: ${s.reason}.` : undefined;
}

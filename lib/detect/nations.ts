/**
 * Which UK nation a text (or a sentence) is about, so that "the Health Secretary" and "the NHS"
 * resolve to Scotland's, Wales's or Northern Ireland's when the text places them there.
 */
export type Nation = 'England' | 'Scotland' | 'Wales' | 'Northern Ireland';

const CUES: [Nation, RegExp][] = [
  ['Scotland', /\b(Scotland|Scottish|Holyrood|NHSScotland)\b/g],
  ['Wales', /\b(Wales|Welsh|Cymru|Senedd)\b/g],
  ['Northern Ireland', /\b(Northern Ireland|Stormont|Belfast)\b/g],
  ['England', /\b(England|English|Westminster|DHSC|Department of Health and Social Care)\b/g],
];

/** Counts nation cues in `text`. */
export function nationCues(text: string): Map<Nation, number> {
  const counts = new Map<Nation, number>();
  for (const [nation, re] of CUES) counts.set(nation, text.match(re)?.length ?? 0);
  return counts;
}

/** The nation a whole text is about: a devolved nation when its cues clearly dominate, else England. */
export function documentNation(text: string): Nation {
  const counts = nationCues(text);
  let best: Nation = 'England';
  let bestCount = counts.get('England')!;
  for (const n of ['Scotland', 'Wales', 'Northern Ireland'] as const) {
    const c = counts.get(n)!;
    // A story that also names England (a strike "in England and Wales") keeps England's roles.
    if (c >= 2 && c > bestCount * 3) {
      best = n;
      bestCount = c;
    }
  }
  return best;
}

/** The nation a sentence names explicitly, if exactly one. */
export function sentenceNation(sentence: string): Nation | null {
  const found = [...nationCues(sentence)].filter(([, c]) => c > 0).map(([n]) => n);
  return found.length === 1 ? found[0]! : null;
}

/** Whether an entity or role whose `nation` is as given applies to `nation`. */
export function appliesTo(entityNation: string | null | undefined, nation: Nation): boolean {
  if (!entityNation) return true;
  if (/United Kingdom|UK/.test(entityNation)) return true;
  return entityNation.includes(nation);
}

/** National counterparts: "the NHS" in a Welsh story is NHS Wales. */
export const NATIONAL_VARIANTS: Record<string, Partial<Record<Nation, string>>> = {
  'nhs-in-england': { Scotland: 'nhs-scotland', Wales: 'nhs-wales', 'Northern Ireland': 'hsc-northern-ireland' },
};

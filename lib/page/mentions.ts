/**
 * Which annotations become highlighted mentions, in which order the keyboard visits them, and
 * which one lies under a text offset. Pure: text offsets in, mentions out; no DOM.
 */
import type { AnnotateResult, Annotation } from '../protocol/annotations.ts';
import type { ContentSettings } from '../settings.ts';

/** The three kinds of highlight: people and organisations, events, disputed claims. */
export type MentionKind = 'entity' | 'event' | 'claim';

/** A highlighted stretch of the article text. */
export interface Mention {
  /** The annotation's id. */
  id: string;
  kind: MentionKind;
  start: number;
  end: number;
  /** The entity or event the card is about; for a claim, the annotation id. */
  targetId: string;
  /** What the card and the live region call it. */
  name: string;
  annotation: Annotation;
}

/** A claim is highlighted only when the fact base disagrees with it. */
export function isDisputed(a: Annotation): boolean {
  return a.kind === 'claim' && !!a.check && a.check.verdict === 'differs';
}

function toMention(a: Annotation): Mention | null {
  if ((a.kind === 'entity' || a.kind === 'event') && a.entity) {
    return {
      id: a.id,
      kind: a.kind,
      start: a.start,
      end: a.end,
      targetId: a.entity.id,
      name: a.entity.name,
      annotation: a,
    };
  }
  if (isDisputed(a)) {
    return { id: a.id, kind: 'claim', start: a.start, end: a.end, targetId: a.id, name: a.exact, annotation: a };
  }
  return null;
}

/** Index of the block containing `offset`, or -1 (an article has tens of blocks: a scan is fine). */
export function blockIndexOf(blocks: readonly (readonly [number, number])[], offset: number): number {
  return blocks.findIndex(([start, end]) => start <= offset && offset < end);
}

/** Document order; at the same start the longer first (a claim before the name inside it). */
export function compareMentions(a: Mention, b: Mention): number {
  return a.start - b.start || b.end - a.end || a.id.localeCompare(b.id);
}

/** What "the same entity" means for first-mention marking: a role reference counts on its own. */
function sameKey(m: Mention): string {
  const role = m.annotation.role?.id;
  return `${m.kind}:${role ? `role:${role}` : m.targetId}`;
}

/**
 * The mentions to highlight: entities and events with a known target and disputed claims, minus
 * switched-off kinds and ids hidden on this site; by default only the first mention of each
 * entity in the article (`markAll` keeps every one). Sorted in document order. (`_blocks`, the
 * page's paragraphs, is no longer needed: marking used to restart in each paragraph.)
 */
export function selectMentions(
  result: Pick<AnnotateResult, 'annotations' | 'claims'>,
  _blocks: readonly (readonly [number, number])[],
  settings: Pick<ContentSettings, 'markAll' | 'kinds' | 'hiddenIds'>,
): Mention[] {
  const hidden = new Set(settings.hiddenIds);
  const byId = new Map<string, Annotation>();
  for (const a of [...result.annotations, ...result.claims]) if (!byId.has(a.id)) byId.set(a.id, a);
  const candidates = [...byId.values()]
    .map(toMention)
    .filter((m): m is Mention => m !== null && m.end > m.start && settings.kinds[m.kind] && !hidden.has(m.targetId))
    .sort(compareMentions);
  if (settings.markAll) return candidates;
  const seen = new Set<string>();
  return candidates.filter((m) => {
    const key = sameKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The mention under text offset `t`: the shortest one containing it. A caret position can fall
 * just after the character under the pointer, so `t - 1` is tried as well when nothing contains `t`.
 */
export function mentionsAt(mentions: readonly Mention[], t: number): Mention[] {
  const containing = (x: number) => mentions.filter((m) => m.start <= x && x < m.end);
  const found = containing(t);
  const list = found.length > 0 ? found : containing(t - 1);
  return list.sort((a, b) => a.end - a.start - (b.end - b.start));
}

/**
 * The index the keyboard moves to from `current` (-1: none yet) by `step` (+1 next, -1 previous),
 * or -1 when it would run off either end.
 */
export function stepIndex(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  const next = current + step;
  return next >= 0 && next < count ? next : -1;
}

/** The live region's words for a mention: "Mention 3 of 12: Steve Barclay". */
export function announcement(position: number, count: number, name: string): string {
  return `Mention ${position + 1} of ${count}: ${name}`;
}

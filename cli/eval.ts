/**
 * `nhs-context eval GOLD.jsonl [--predictions OUT.jsonl]`: scores annotations against gold in the
 * corpus format (overlapping span and same entity) and prints precision, recall and F1 by type.
 * Without --predictions it runs the pipeline itself, exactly as `annotate --jsonl` would.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { Annotation } from '../lib/protocol/annotations.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { annotate } from '../lib/detect/annotate.ts';
import { blocksOf } from './text-page.ts';
import { MONTHS } from '../lib/util/dates.ts';
import { type ClaimEval, formatClaims, readGoldClaims, readJsonl, scoreClaims } from './claims-eval.ts';

const Gold = z.object({
  id: z.string(),
  text: z.string(),
  published: z.string().nullable().optional(),
  negative: z.boolean().optional(),
  gold: z.array(
    z.object({ start: z.number(), end: z.number(), surface: z.string(), type: z.string(), canonical: z.string() }),
  ),
});
type GoldRecord = z.infer<typeof Gold>;
type GoldItem = GoldRecord['gold'][number];

export const TYPES = ['person', 'organisation', 'role', 'staff-group', 'event', 'date', 'figure'] as const;
type GoldType = (typeof TYPES)[number];

export interface Score {
  type: string;
  gold: number;
  predicted: number;
  /** Overlapping span, same type. */
  spanTp: number;
  /** Overlapping span, same type and same entity/value. */
  linkTp: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalResult {
  scores: Score[];
  negatives: { id: string; annotations: number }[];
  misses: { id: string; type: string; surface: string; canonical: string }[];
  extras: { id: string; type: string; exact: string; entity?: string }[];
}

/** Staff-group labels of the corpus → our staff-group ids. */
const STAFF: Record<string, string[]> = {
  'resident-doctors': ['resident doctors (junior doctors)', 'junior doctors'],
  consultants: ['consultants'],
  nurses: ['nurses'],
  midwives: ['midwives'],
  'ambulance-workers': ['ambulance workers', 'paramedics', 'ambulance call handlers', 'emergency care assistants'],
  radiographers: ['radiographers', 'therapeutic radiographers', 'sonographers', 'mammographers'],
  physiotherapists: ['physiotherapists'],
  'sas-doctors': ['sas doctors'],
  'agenda-for-change-staff': ['agenda for change staff'],
};

/** The corpus type of one of our annotations. */
export function typeOf(a: Annotation, index: FactIndex): GoldType | null {
  if (a.kind === 'event') return 'event';
  if (a.kind === 'date' || a.kind === 'figure') return a.kind;
  if (a.kind !== 'entity' || !a.entity) return null;
  if (a.role) return 'role';
  const kind = index.entity(a.entity.id)?.kind;
  if (kind === 'person') return 'person';
  if (kind === 'organisation') return 'organisation';
  if (kind === 'staff-group') return 'staff-group';
  if (kind === 'role') return 'role';
  return null;
}

function wikiTitle(url: string): string {
  return decodeURIComponent(url.replace(/^https?:\/\/en\.wikipedia\.org\/wiki\//, '')).replace(/_/g, ' ');
}

/** Whether our annotation names the same thing as the gold item. */
export function sameThing(a: Annotation, g: GoldItem, index: FactIndex): boolean {
  const canon = g.canonical;
  if (g.type === 'date') return String(a.value) === canon;
  if (g.type === 'figure') return figureValue(a) === canon;
  if (g.type === 'event') return eventMatches(a, canon, index);
  const id = a.entity?.id;
  if (!id) return false;
  if (g.type === 'staff-group') return canon.split(';').some((c) => (STAFF[id] ?? []).includes(c.trim().toLowerCase()));
  const plain = canon.replace(/\s*\(.*\)$/, '');
  const holder = canon.match(/\(([^()]*)\)$/)?.[1];
  const names = (eid: string): string[] => {
    const e = index.entity(eid);
    if (!e) return [];
    return [e.name, ...e.sameAs.map(wikiTitle), ...e.aliases.filter((x) => x.context === 'none').map((x) => x.text)];
  };
  if (g.type === 'role') return !!holder && holder.split(/,\s*/).some((h) => names(id).includes(h));
  const candidates = [id, index.entity(id)?.parent].filter((x): x is string => !!x);
  return candidates.some((c) => names(c).some((n) => n === canon || n === plain));
}

function figureValue(a: Annotation): string {
  const v = Number(a.value);
  if (a.unit === 'percent') return `${v}%`;
  if (a.unit === 'GBP') return `GBP ${v}`;
  return String(v);
}

/** Event keys carry dates ("…, 13–15 March 2023"): same event when the dates agree; generic keys match any. */
function eventMatches(a: Annotation, canon: string, index: FactIndex): boolean {
  const ev = a.entity ? index.event(a.entity.id) : undefined;
  if (/generic/.test(canon)) return true;
  if (!ev) return false;
  const years: string[] = canon.match(/\b20\d\d\b/g) ?? [];
  const evYear = ev.startDate?.slice(0, 4) ?? '';
  if (!years.includes(evYear)) return false;
  const evMonth = ev.startDate && ev.startDate.length >= 7 ? MONTHS[Number(ev.startDate.slice(5, 7)) - 1]! : '';
  const named = MONTHS.filter((m) => canon.includes(m));
  return named.length === 0 || named.includes(evMonth) || /\d{4}[–-]\d{4}/.test(canon);
}

/** Scores predictions for each gold record. */
export function score(records: GoldRecord[], predictions: Map<string, Annotation[]>, index: FactIndex): EvalResult {
  const rows = new Map<string, Score>();
  const row = (t: string) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { type: t, gold: 0, predicted: 0, spanTp: 0, linkTp: 0, precision: 0, recall: 0, f1: 0 }));
    return r;
  };
  const result: EvalResult = { scores: [], negatives: [], misses: [], extras: [] };
  for (const rec of records) {
    const preds = (predictions.get(rec.id) ?? []).map((a) => ({ a, type: typeOf(a, index) })).filter((p) => p.type);
    if (rec.negative) result.negatives.push({ id: rec.id, annotations: preds.length });
    const used = new Set<number>();
    for (const g of rec.gold) {
      row(g.type).gold++;
      const i = preds.findIndex((p, k) => !used.has(k) && p.type === g.type && p.a.start < g.end && g.start < p.a.end);
      if (i < 0) {
        result.misses.push({ id: rec.id, type: g.type, surface: g.surface, canonical: g.canonical });
        continue;
      }
      used.add(i);
      row(g.type).spanTp++;
      if (sameThing(preds[i]!.a, g, index)) row(g.type).linkTp++;
      else
        result.misses.push({
          id: rec.id,
          type: g.type,
          surface: g.surface,
          canonical: `${g.canonical} ≠ ${preds[i]!.a.entity?.id ?? preds[i]!.a.value}`,
        });
    }
    preds.forEach((p, k) => {
      row(p.type!).predicted++;
      if (!used.has(k))
        result.extras.push({
          id: rec.id,
          type: p.type!,
          exact: p.a.exact,
          ...(p.a.entity ? { entity: p.a.entity.id } : {}),
        });
    });
  }
  const all = TYPES.map((t) => row(t));
  const combined = (name: string, types: string[]) => {
    const r = { type: name, gold: 0, predicted: 0, spanTp: 0, linkTp: 0, precision: 0, recall: 0, f1: 0 };
    for (const t of types) {
      const x = row(t);
      r.gold += x.gold;
      r.predicted += x.predicted;
      r.spanTp += x.spanTp;
      r.linkTp += x.linkTp;
    }
    return r;
  };
  result.scores = [
    ...all,
    combined('person+organisation', ['person', 'organisation']),
    combined('all', [...TYPES]),
  ].map(finish);
  return result;
}

function finish(r: Score): Score {
  const precision = r.predicted ? r.linkTp / r.predicted : 0;
  const recall = r.gold ? r.linkTp / r.gold : 0;
  return { ...r, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Reads a gold file (every line checked; a bad line is an error naming the line). */
export function readGold(path: string): GoldRecord[] {
  return readJsonl(path, Gold);
}

/** Runs the pipeline on every gold text (the same inputs `annotate --jsonl` takes). */
export function predict(
  records: GoldRecord[],
  index: FactIndex,
  today: string,
  nlp: 'selective' | 'all' = 'selective',
): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const r of records) {
    const page = {
      url: '',
      title: '',
      text: r.text,
      blocks: blocksOf(r.text),
      ...(r.published
        ? { published: r.published, publishedFrom: 'given' as const }
        : { publishedFrom: 'none' as const }),
    };
    out.set(r.id, annotate(page, index, { today, nlp }).annotations);
  }
  return out;
}

/**
 * `eval --check-nlp`: runs the pipeline with compromise only where needed and with compromise over
 * every sentence, and lists every text whose annotations differ (there should be none).
 */
export function checkSelective(goldPath: string, index: FactIndex, today: string): { text: string; same: boolean } {
  const records = readGold(goldPath);
  const selective = predict(records, index, today, 'selective');
  const all = predict(records, index, today, 'all');
  const differing = records.filter((r) => JSON.stringify(selective.get(r.id)) !== JSON.stringify(all.get(r.id)));
  const claims = [...selective.values()].flat().filter((a) => a.kind === 'claim').length;
  const text = differing.length
    ? `compromise only where needed differs from compromise over everything in ${differing.length} of ${records.length} texts: ${differing.map((r) => r.id).join(', ')}`
    : `compromise only where needed = compromise over everything: the same annotations (${claims} claims) in all ${records.length} texts`;
  return { text, same: differing.length === 0 };
}

/** Reads `annotate --jsonl` output lines ({id, annotations}). */
export function readPredictions(path: string): Map<string, Annotation[]> {
  const out = new Map<string, Annotation[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; annotations?: Annotation[] };
    out.set(String(row.id), row.annotations ?? []);
  }
  return out;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

/** The table `eval` prints. */
export function formatTable(result: EvalResult): string {
  const head = `${'type'.padEnd(20)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'span'.padStart(5)} ${'linked'.padStart(6)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}`;
  const lines = result.scores.map(
    (s) =>
      `${s.type.padEnd(20)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)} ${String(s.spanTp).padStart(5)} ${String(s.linkTp).padStart(6)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`,
  );
  const neg = result.negatives.map((n) => `  ${n.id}: ${n.annotations} annotation(s)`);
  return [
    head,
    ...lines,
    '',
    'P/R/F1 count a hit when spans overlap, types agree and the entity (or value) is the same.',
    'negative texts:',
    ...neg,
  ].join('\n');
}

export interface EvalOptions {
  index: FactIndex;
  predictions?: string;
  today: string;
  verbose?: boolean;
  /** A gold claims file (dev-claims format): also score the claim checks. */
  claims?: string;
}

/** The `eval` command: returns the text to print. */
export function runEval(goldPath: string, opts: EvalOptions): { text: string; result: EvalResult; claims?: ClaimEval } {
  const records = readGold(goldPath);
  const goldClaims = opts.claims ? readGoldClaims(opts.claims) : undefined;
  const preds = opts.predictions ? readPredictions(opts.predictions) : predict(records, opts.index, opts.today);
  const result = score(records, preds, opts.index);
  if (goldClaims) {
    const known = new Set(records.map((r) => r.id));
    const stray = goldClaims.find((c) => !known.has(c.articleId));
    if (stray) throw new Error(`${opts.claims}: claim on '${stray.articleId}', which is not in ${goldPath}`);
    const claims = scoreClaims(goldClaims, preds, [...known]);
    return { text: formatClaims(claims, opts.verbose), result, claims };
  }
  let text = formatTable(result);
  if (opts.verbose) {
    text +=
      '\n\nmissed or mislinked:\n' +
      result.misses.map((m) => `  ${m.id} [${m.type}] ${m.surface} → ${m.canonical}`).join('\n');
    text +=
      '\n\nextra:\n' +
      result.extras.map((m) => `  ${m.id} [${m.type}] ${m.exact}${m.entity ? ` → ${m.entity}` : ''}`).join('\n');
  }
  return { text, result };
}

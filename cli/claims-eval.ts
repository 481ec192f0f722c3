/**
 * `nhs-context eval GOLD.jsonl --claims CLAIMS.jsonl`: scores the claim checks against gold claims
 * (the corpus's dev-claims format). A gold claim is found when a claim annotation overlaps its span;
 * on found claims the verdicts are compared. Prints recall, verdict accuracy and false `differs`, by
 * kind and by verdict; `--verbose` lists misses, wrong verdicts and extra claims.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { Annotation } from '../lib/protocol/annotations.ts';

const GoldClaim = z.object({
  articleId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  kind: z.enum(['duration', 'figure', 'date', 'role', 'count']),
  verdict: z.enum(['consistent', 'differs', 'no-data']),
  expected: z.string().nullable().optional(),
  note: z.string().optional(),
});
export type GoldClaim = z.infer<typeof GoldClaim>;

export interface ClaimRow {
  name: string;
  gold: number;
  found: number;
  /** Found with the gold verdict. */
  right: number;
  /** Found and called `differs` where the gold verdict is not. */
  falseDiffers: number;
}

export interface ClaimEval {
  byKind: ClaimRow[];
  byVerdict: ClaimRow[];
  total: ClaimRow;
  /** Claim annotations overlapping no gold claim (texts with gold claims or negatives). */
  extras: { id: string; exact: string; kind: string; verdict: string }[];
  /** Of the extras, those called `differs`. */
  extraDiffers: number;
  misses: { id: string; kind: string; verdict: string; quote: string }[];
  wrong: { id: string; kind: string; quote: string; gold: string; predicted: string; why: string }[];
}

/** Reads a JSON-lines file, each line checked against `schema`; a bad line is an error naming the file and line. */
export function readJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new Error(`${path}:${n}: not JSON`);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new Error(
          `${path}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      return parsed.data;
    });
}

/** Reads a gold claims file (dev-claims format). */
export function readGoldClaims(path: string): GoldClaim[] {
  return readJsonl(path, GoldClaim);
}

const KINDS = ['duration', 'figure', 'date', 'role', 'count'] as const;
const VERDICTS = ['consistent', 'differs', 'no-data'] as const;

/**
 * Scores the claim annotations of each text (`predictions`: id → annotations) against gold claims.
 * Texts listed in `ids` but without gold claims count every claim found in them as an extra.
 */
export function scoreClaims(gold: GoldClaim[], predictions: Map<string, Annotation[]>, ids: string[]): ClaimEval {
  const rows = new Map<string, ClaimRow>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) rows.set(name, (r = { name, gold: 0, found: 0, right: 0, falseDiffers: 0 }));
    return r;
  };
  const out: ClaimEval = {
    byKind: [],
    byVerdict: [],
    total: row('total'),
    extras: [],
    extraDiffers: 0,
    misses: [],
    wrong: [],
  };
  for (const id of ids) {
    const preds = (predictions.get(id) ?? []).filter((a) => a.kind === 'claim' && a.check);
    const used = new Set<number>();
    for (const g of gold.filter((c) => c.articleId === id)) {
      const rs = [row(g.kind), row(`v:${g.verdict}`), out.total];
      for (const r of rs) r.gold++;
      // Prefer an unused overlapping claim; a long claim may cover two gold spans.
      const overlapping = preds.map((a, k) => ({ a, k })).filter(({ a }) => a.start < g.end && g.start < a.end);
      const hit = overlapping.find(({ k }) => !used.has(k)) ?? overlapping[0];
      if (!hit) {
        out.misses.push({ id, kind: g.kind, verdict: g.verdict, quote: g.quote });
        continue;
      }
      used.add(hit.k);
      const v = hit.a.check!.verdict;
      for (const r of rs) {
        r.found++;
        if (v === g.verdict) r.right++;
        if (v === 'differs' && g.verdict !== 'differs') r.falseDiffers++;
      }
      if (v !== g.verdict)
        out.wrong.push({
          id,
          kind: g.kind,
          quote: g.quote,
          gold: g.verdict,
          predicted: v,
          why: hit.a.check!.explanation,
        });
    }
    preds.forEach((a, k) => {
      if (used.has(k)) return;
      out.extras.push({ id, exact: a.exact, kind: a.check!.kind, verdict: a.check!.verdict });
      if (a.check!.verdict === 'differs') out.extraDiffers++;
    });
  }
  out.byKind = KINDS.map((k) => row(k));
  out.byVerdict = VERDICTS.map((v) => ({ ...row(`v:${v}`), name: v }));
  return out;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '—').padStart(7);

/** The claims table `eval --claims` prints. */
export function formatClaims(e: ClaimEval, verbose = false): string {
  const head = `${'claims'.padEnd(12)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'right'.padStart(6)} ${'acc'.padStart(7)} ${'false differs'.padStart(14)}`;
  const line = (r: ClaimRow) =>
    `${r.name.padEnd(12)} ${String(r.gold).padStart(5)} ${String(r.found).padStart(6)} ${pct(r.found, r.gold)} ${String(r.right).padStart(6)} ${pct(r.right, r.found)} ${String(r.falseDiffers).padStart(14)}`;
  const lines = [
    head,
    ...e.byKind.map(line),
    ...e.byVerdict.map(line),
    line(e.total),
    '',
    `extra claims (overlapping no gold claim): ${e.extras.length}, of which \`differs\`: ${e.extraDiffers}`,
    'found = a claim annotation overlaps the gold span; acc = gold verdict among found claims.',
  ];
  if (verbose) {
    lines.push('', 'missed:', ...e.misses.map((m) => `  ${m.id} [${m.kind}, ${m.verdict}] ${m.quote}`));
    lines.push(
      '',
      'wrong verdict:',
      ...e.wrong.map((w) => `  ${w.id} [${w.kind}] ${w.quote}: ${w.predicted}, gold ${w.gold} — ${w.why}`),
    );
    lines.push('', 'extra:', ...e.extras.map((x) => `  ${x.id} [${x.kind}, ${x.verdict}] ${x.exact}`));
  }
  return lines.join('\n');
}

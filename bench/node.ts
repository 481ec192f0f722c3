/**
 * Node figures: gazetteer, pipeline, claim checks, FactIndex, lookups and pack import with
 * fake-indexeddb. Each figure is timed over several runs after a warm-up, beside its anchor.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { annotate } from '../lib/detect/annotate.ts';
import { lookupCard } from '../lib/detect/card-data.ts';
import { gazetteerFor, type Gazetteer } from '../lib/detect/gazetteer.ts';
import { scan } from '../lib/detect/match.ts';
import { caseMatches, resolveMentions } from '../lib/detect/resolve.ts';
import { documentNation } from '../lib/detect/nations.ts';
import { atWordBoundaries } from '../lib/detect/text.ts';
import { FactIndex } from '../lib/facts/index.ts';
import { validatePack } from '../lib/facts/packs.ts';
import type { Pack } from '../lib/facts/schema.ts';
import { FactStore } from '../lib/facts/store.ts';
import { charLoop, compromisePeopleOrgs, npmMatcher, npmStage } from './anchors.ts';
import { SEED_DATE, TODAY, textPage, type Inputs, type Text } from './inputs.ts';
import {
  figure,
  perSecond,
  rates,
  timeInterleaved,
  timePerCall,
  timeSync,
  withAnchor,
  withPairedAnchor,
  type Figure,
} from './measure.ts';

/** Our gazetteer stage: the folded DFA scan, then word boundaries and case rules on each hit. */
export function gazetteerStage(g: Gazetteer, text: string): number {
  let n = 0;
  for (const hit of scan(g.automaton, text)) {
    if (!atWordBoundaries(text, hit.start, hit.end)) continue;
    if (g.entries[hit.pattern]!.some((e) => caseMatches(text, hit.start, hit.end, e))) n++;
  }
  return n;
}

export interface NodeContext {
  inputs: Inputs;
  log: (line: string) => void;
  /** Fewer runs (for a quick check of the bench itself). */
  quick: boolean;
}

const RUNS = (quick: boolean, n: number) => (quick ? Math.min(2, n) : n);

export async function nodeFigures({
  inputs,
  log,
  quick,
}: NodeContext): Promise<{ figures: Figure[]; anchors: Record<string, Figure> }> {
  const out: Figure[] = [];
  const runs = (n: number) => RUNS(quick, n);
  const bundled = inputs.bundledPack;
  const index = FactIndex.fromPacks([bundled]);
  const g = gazetteerFor(index);
  const big = inputs.text1m;

  // Anchors and the gazetteer, interleaved (A B C…, A B C…) so load changes hit all alike.
  log('anchors and gazetteer: charCodeAt loop, npm Aho-Corasick, our scan, stage and resolution');
  const matcher = npmMatcher(g.automaton.patterns);
  const resolveText = (t: Text) =>
    resolveMentions({ text: t.text, date: SEED_DATE, nation: documentNation(t.text), index, gazetteer: g });
  const [loopMs, npmMs, scanMs, stageMs, resolveMs] = timeInterleaved(
    [
      () => charLoop(big.text),
      () => npmStage(matcher, big.text),
      () => scan(g.automaton, big.text),
      () => gazetteerStage(g, big.text),
      () => resolveText(big),
    ],
    { runs: runs(9), warmup: 2 },
  );
  const loop = figure(
    'anchor.char-loop',
    'V8 charCodeAt loop, 1 MB mixed text',
    'MB/s',
    'higher',
    rates(big.bytes, loopMs!),
    {
      isAnchor: true,
    },
  );
  const npm = figure(
    'anchor.npm-aho-corasick',
    '@monyone/aho-corasick (fast) + lower-case + word boundaries, 1 MB',
    'MB/s',
    'higher',
    rates(big.bytes, npmMs!),
    { isAnchor: true },
  );
  const npmBuild = figure(
    'anchor.npm-aho-corasick-build',
    '@monyone/aho-corasick (fast) build, same patterns',
    'ms',
    'lower',
    timeSync(() => npmMatcher(g.automaton.patterns), { runs: runs(7), warmup: 1 }),
    { isAnchor: true },
  );
  log('anchors: compromise');
  const t50 = inputs.text50k;
  const comp = figure(
    'anchor.compromise-50k',
    'compromise people()+organizations(), 50 KB mixed text',
    'MB/s',
    'higher',
    rates(
      t50.bytes,
      timeSync(() => compromisePeopleOrgs(t50.text), { runs: runs(3), warmup: 1 }),
    ),
    { isAnchor: true },
  );
  const compSeed = figure(
    'anchor.compromise-seed',
    'compromise people()+organizations(), seed article',
    'ms',
    'lower',
    timeSync(() => compromisePeopleOrgs(inputs.seed.text), { runs: runs(9), warmup: 5 }),
    { isAnchor: true },
  );
  out.push(loop, npm, npmBuild, comp, compSeed);

  // Gazetteer.
  const rawScan = figure(
    'gazetteer.scan',
    'gazetteer raw scan (folded DFA), 1 MB mixed text',
    'MB/s',
    'higher',
    rates(big.bytes, scanMs!),
  );
  out.push(withPairedAnchor(rawScan, loop));
  const stage = figure(
    'gazetteer.stage',
    'gazetteer stage: scan + word boundaries + case rules, 1 MB',
    'MB/s',
    'higher',
    rates(big.bytes, stageMs!),
    {
      note: `${gazetteerStage(g, big.text)} accepted hits; anchor ${npmStage(matcher, big.text)} (it does not fold accents, quotes or spaces)`,
    },
  );
  out.push(withPairedAnchor(stage, npm));
  const resolved = figure(
    'gazetteer.resolve',
    'resolveMentions (stage + context, roles, nations), 1 MB',
    'MB/s',
    'higher',
    rates(big.bytes, resolveMs!),
  );
  out.push(withPairedAnchor(resolved, npm));
  let fresh: FactIndex | null = null;
  const build = figure(
    'gazetteer.build',
    'automaton build for the bundled pack (gazetteerFor, fresh FactIndex, warm process)',
    'ms',
    'lower',
    timeSync(() => gazetteerFor(fresh!), {
      runs: runs(9),
      warmup: 2,
      before: () => (fresh = FactIndex.fromPacks([bundled])),
    }),
    {
      note: `${g.automaton.patterns.length} patterns, ${g.automaton.outStart.length - 1} states × ${g.automaton.classes} classes`,
    },
  );
  out.push(withAnchor(build, npmBuild));

  // Pipeline.
  log('pipeline');
  const seedPage = textPage(inputs.seed.text);
  // compromise needs several calls to warm up (its first calls on a text are 5-10x slower).
  const seedRuns = timeSync(() => annotate(seedPage, index, { today: TODAY }), { runs: runs(15), warmup: 8 });
  out.push(
    withAnchor(
      figure('pipeline.seed', 'annotate() the seed article, claims included, warm', 'ms', 'lower', seedRuns),
      compSeed,
    ),
  );
  const seedNoClaims = timeSync(() => annotate(seedPage, index, { today: TODAY, claims: false }), {
    runs: runs(15),
    warmup: 5,
  });
  out.push(
    withAnchor(
      figure('pipeline.seed-no-claims', 'annotate() the seed article, claims off', 'ms', 'lower', seedNoClaims),
      compSeed,
    ),
  );
  for (const t of [inputs.text2k, inputs.text50k]) {
    const id = t === inputs.text2k ? '2k' : '50k';
    const page = textPage(t.text);
    out.push(
      withAnchor(
        figure(
          `pipeline.mixed-${id}`,
          `annotate() ${t.name}, claims included`,
          'MB/s',
          'higher',
          rates(
            t.bytes,
            timeSync(() => annotate(page, index, { today: TODAY }), {
              runs: runs(t === inputs.text2k ? 15 : 5),
              warmup: t === inputs.text2k ? 5 : 1,
            }),
          ),
        ),
        comp,
      ),
    );
  }
  const bigPage = textPage(big.text);
  const bigRuns = timeSync(() => annotate(bigPage, index, { today: TODAY }), {
    runs: runs(5),
    warmup: 1,
    budgetMs: 20_000,
  });
  const bigResult = annotate(bigPage, index, { today: TODAY });
  out.push(
    withAnchor(
      figure(
        'pipeline.mixed-1mb',
        'annotate() 1 MB mixed text, claims included',
        'MB/s',
        'higher',
        rates(big.bytes, bigRuns),
        { note: `${bigResult.annotations.length} annotations, ${bigResult.claims.length} claims` },
      ),
      comp,
    ),
  );

  // Claim checks: annotate with claims minus annotate without, per run pair.
  log('claim checks');
  const claimCost = (page: ReturnType<typeof textPage>, n: number): number[] => {
    // Interleaved, so load changes on the machine hit both alike.
    for (let i = 0; i < 3; i++) annotate(page, index, { today: TODAY });
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      annotate(page, index, { today: TODAY });
      const withClaims = performance.now() - t;
      t = performance.now();
      annotate(page, index, { today: TODAY, claims: false });
      out.push(Math.max(0, withClaims - (performance.now() - t)));
    }
    return out;
  };
  out.push(
    withAnchor(
      figure(
        'claims.seed',
        'claim checks on the seed article (annotate with − without claims)',
        'ms',
        'lower',
        claimCost(seedPage, runs(11)),
        { note: `${annotate(seedPage, index, { today: TODAY }).claims.length} claims` },
      ),
      compSeed,
    ),
  );
  const page50 = textPage(inputs.text50k.text);
  out.push(
    figure(
      'claims.50k',
      'claim checks on the 50 KB mixed text (with − without claims)',
      'ms',
      'lower',
      claimCost(page50, runs(5)),
      { note: `${annotate(page50, index, { today: TODAY }).claims.length} claims` },
    ),
  );

  // Fact base.
  log('fact base');
  const synthetic = inputs.synthetic();
  out.push(
    figure(
      'facts.validate-bundled',
      'validatePack, bundled pack',
      'ms',
      'lower',
      timeSync(() => validatePack(bundled), { runs: runs(7), warmup: 1 }),
    ),
  );
  out.push(
    figure(
      'facts.validate-synthetic',
      'validatePack, synthetic pack (10k entities, 100k facts)',
      'ms',
      'lower',
      timeSync(() => validatePack(synthetic), { runs: runs(3), warmup: 0 }),
    ),
  );
  out.push(
    figure(
      'facts.index-bundled',
      'FactIndex.fromPacks, bundled pack',
      'ms',
      'lower',
      timeSync(() => FactIndex.fromPacks([bundled]), { runs: runs(15), warmup: 3 }),
    ),
  );
  out.push(
    figure(
      'facts.index-synthetic',
      'FactIndex.fromPacks, synthetic pack',
      'ms',
      'lower',
      timeSync(() => FactIndex.fromPacks([synthetic]), { runs: runs(5), warmup: 1 }),
    ),
  );
  const roles = [...index.entities.values()].filter((e) => e.kind === 'role').map((e) => e.id);
  const dates = ['2022-12-01', '2023-03-27', '2023-08-24', '2024-07-10', '2025-06-01'];
  out.push(
    figure(
      'facts.holders-on',
      'holdersOn(role, date), bundled pack',
      'ms',
      'lower',
      timePerCall((i) => index.holdersOn(roles[i % roles.length]!, dates[i % dates.length]!), 2000, {
        runs: runs(9),
        warmup: 2,
      }),
    ),
  );
  const queries = ['Steve Barclay', 'the Health Secretary', 'BMA', 'junior doctors', 'Royal College of Nursing'];
  out.push(
    figure(
      'facts.lookup-card',
      'lookupCard(name or alias, date), bundled pack',
      'ms',
      'lower',
      timePerCall((i) => lookupCard(index, queries[i % queries.length]!, dates[i % dates.length]!, TODAY), 200, {
        runs: runs(9),
        warmup: 2,
      }),
    ),
  );
  const synIndex = FactIndex.fromPacks([synthetic]);
  const synNames = [...synIndex.entities.values()]
    .filter((e) => e.kind === 'person')
    .slice(-50)
    .map((e) => e.name);
  out.push(
    figure(
      'facts.lookup-card-synthetic',
      'lookupCard(name, date), synthetic pack (10k entities)',
      'ms',
      'lower',
      timePerCall((i) => lookupCard(synIndex, synNames[i % synNames.length]!, '2024-01-01', TODAY), 10, {
        runs: runs(5),
        warmup: 1,
      }),
      { note: 'a name late in the pack: lookupCard scans entities and folds every alias' },
    ),
  );

  // Pack import with fake-indexeddb (a proxy: Chromium's IndexedDB is measured in the browser bench).
  log('pack import (fake-indexeddb)');
  let n = 0;
  const importOnce = async (pack: Pack) => {
    const store = await FactStore.open(`bench-${n++}`, { indexedDB, IDBKeyRange });
    const t = performance.now();
    await store.importPack(pack, 'file');
    const ms = performance.now() - t;
    store.close();
    return ms;
  };
  const importRuns = async (pack: Pack, count: number) => {
    const msRuns: number[] = [];
    await importOnce(pack);
    for (let i = 0; i < count; i++) msRuns.push(await importOnce(pack));
    return msRuns;
  };
  out.push(
    figure(
      'facts.import-bundled-node',
      'importPack, bundled pack, fake-indexeddb (proxy)',
      'ms',
      'lower',
      await importRuns(bundled, runs(5)),
    ),
  );
  out.push(
    figure(
      'facts.import-synthetic-node',
      'importPack, synthetic pack, fake-indexeddb (proxy)',
      'ms',
      'lower',
      await importRuns(synthetic, runs(2)),
    ),
  );

  // CLI anchor: compromise people+orgs over the batch texts on one core.
  log('compromise over the batch texts (one core)');
  const texts = inputs.articles.map((a) => a.text);
  const compBatch = figure(
    'anchor.compromise-batch',
    `compromise people()+organizations(), ${texts.length} dev-like articles, one core`,
    'articles/s',
    'higher',
    perSecond(
      texts.length,
      timeSync(() => texts.forEach(compromisePeopleOrgs), { runs: runs(2), warmup: 0 }),
    ),
    { isAnchor: true },
  );
  out.push(compBatch);

  const anchors = Object.fromEntries(out.filter((f) => f.isAnchor).map((f) => [f.id, f]));
  return { figures: out, anchors };
}

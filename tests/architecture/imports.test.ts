/**
 * The import graph of the shipped code (tests/helpers/import-graph.ts): no cycles, and the content
 * script and the components do not reach, even indirectly, the parts they must not.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cycles, importGraph, importsOf, ROOT, type Edge } from '../helpers/import-graph.ts';

const graph = importGraph();
const runtime = graph.filter((e) => e.runtime);

/** Every file reached from `start` through runtime imports. */
function reach(start: string[]): Set<string> {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.pop()!;
    for (const e of runtime) if (e.from === file && !seen.has(e.to)) queue.push((seen.add(e.to), e.to));
  }
  return seen;
}

describe('the import graph', () => {
  it('is read from the sources', () => {
    expect(graph.length).toBeGreaterThan(300);
    expect(runtime).toContainEqual({
      from: 'entrypoints/content/index.ts',
      to: 'lib/page/session.ts',
      runtime: true,
    });
  });

  it('has no runtime import cycle', () => {
    expect(cycles(runtime)).toEqual([]);
  });

  it('has no cycle through type-only imports either', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the content script away from detection, claims, the fact base and the background', () => {
    const reached = [...reach(['entrypoints/content/index.ts'])];
    expect(reached.length).toBeGreaterThan(10);
    expect(reached.filter((f) => /^lib\/(detect|claims|facts|background)\//.test(f))).toEqual([]);
  });

  it('keeps components away from the fact base and the background', () => {
    const components = [...new Set(graph.map((e) => e.from).filter((f) => f.startsWith('components/')))];
    const reached = [...reach(components)];
    expect(reached.filter((f) => /^lib\/(facts|background)\//.test(f))).toEqual([]);
  });
});

describe('the cycle check itself', () => {
  it('finds a cycle, and only the files in it', () => {
    const edges: Edge[] = [
      { from: 'a.ts', to: 'b.ts', runtime: true },
      { from: 'b.ts', to: 'c.ts', runtime: true },
      { from: 'c.ts', to: 'a.ts', runtime: true },
      { from: 'c.ts', to: 'd.ts', runtime: true },
      { from: 'e.ts', to: 'e.ts', runtime: true },
    ];
    expect(cycles(edges)).toEqual(expect.arrayContaining([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]));
    expect(cycles(edges)).toHaveLength(2);
    expect(cycles(edges.slice(0, 2))).toEqual([]);
  });

  it('tells runtime imports from type-only ones', () => {
    const file = join(ROOT, 'lib/background/example.ts');
    const edges = importsOf(
      file,
      [
        "import type { Pack } from '../facts/schema.ts';",
        "import { type Card } from '../protocol/annotations.ts';",
        "import { createCache } from './cache.ts';",
        "export { errorMessage } from '../protocol/reply.ts';",
        "export type { Reply } from '../protocol/messages.ts';",
        "import '../zod-jitless.ts';",
        "const later = () => import('./router.ts');",
      ].join('\n'),
    );
    expect(edges.map((e) => [e.to, e.runtime])).toEqual([
      ['lib/facts/schema.ts', false],
      ['lib/protocol/annotations.ts', false],
      ['lib/background/cache.ts', true],
      ['lib/protocol/reply.ts', true],
      ['lib/protocol/messages.ts', false],
      ['lib/zod-jitless.ts', true],
      ['lib/background/router.ts', true],
    ]);
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPainter, HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from '../../lib/page/highlight.ts';

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function stubHighlightApi() {
  const registry = new Map<string, FakeHighlight>();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
  return registry;
}

afterEach(() => vi.unstubAllGlobals());

describe('createPainter', () => {
  it('is null without the Highlight API (nothing is marked, nothing breaks)', () => {
    vi.stubGlobal('CSS', {});
    expect(createPainter(document)).toBeNull();
  });

  it('registers one highlight per kind, the current mention above them, and removes them all', () => {
    const registry = stubHighlightApi();
    const painter = createPainter(document)!;
    const range = document.createRange();
    painter.paint({ entity: [range, range.cloneRange()], event: [range], claim: [] });
    painter.setCurrent(range);
    expect([...registry.keys()].sort()).toEqual(
      [HIGHLIGHT_NAMES.current, HIGHLIGHT_NAMES.entity, HIGHLIGHT_NAMES.event].sort(),
    );
    expect(registry.get(HIGHLIGHT_NAMES.entity)!.size).toBe(2);
    expect(registry.get(HIGHLIGHT_NAMES.current)!.priority).toBeGreaterThan(
      registry.get(HIGHLIGHT_NAMES.event)!.priority,
    );
    painter.setCurrent(null);
    expect(registry.has(HIGHLIGHT_NAMES.current)).toBe(false);
    painter.destroy();
    expect(registry.size).toBe(0);
  });

  it('styles every highlight, with a forced-colours variant, through one adopted stylesheet it takes back', () => {
    stubHighlightApi();
    const before = document.adoptedStyleSheets.length;
    const painter = createPainter(document)!;
    painter.paint({ entity: [document.createRange()], event: [], claim: [] });
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    for (const name of Object.values(HIGHLIGHT_NAMES)) expect(HIGHLIGHT_CSS).toContain(`::highlight(${name})`);
    expect(HIGHLIGHT_CSS).toContain('forced-colors:active');
    painter.destroy();
    expect(document.adoptedStyleSheets.length).toBe(before);
  });
});

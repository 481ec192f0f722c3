import { describe, expect, it } from 'vitest';
import { CARD_GAP_PX, VIEWPORT_MARGIN_PX, contains, isOutOfView, placeCard } from '../../lib/page/position.ts';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };
const box = (left: number, top: number, width = 100, height = 20) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('placeCard', () => {
  it('puts the card below the mention, aligned to its left edge', () => {
    expect(placeCard(box(100, 100), card, viewport)).toEqual({
      left: 100,
      top: 120 + CARD_GAP_PX,
      side: 'below',
      maxHeight: 300,
    });
  });

  it('flips above when there is no room below', () => {
    const at = placeCard(box(100, 700), card, viewport);
    expect(at).toEqual({ left: 100, top: 700 - CARD_GAP_PX - 300, side: 'above', maxHeight: 300 });
  });

  it('keeps the card inside the viewport horizontally', () => {
    expect(placeCard(box(900, 100), card, viewport).left).toBe(1000 - 380 - VIEWPORT_MARGIN_PX);
    expect(placeCard(box(-50, 100), card, viewport).left).toBe(VIEWPORT_MARGIN_PX);
  });

  it('uses the roomier side and shortens the card when it fits on neither, never covering the mention', () => {
    const tall = { width: 380, height: 700 };
    const below = placeCard(box(100, 300), tall, viewport);
    expect(below.side).toBe('below');
    expect(below.top).toBe(320 + CARD_GAP_PX);
    expect(below.top + below.maxHeight).toBeLessThanOrEqual(800 - VIEWPORT_MARGIN_PX);
    const above = placeCard(box(100, 500), tall, viewport);
    expect(above.side).toBe('above');
    expect(above.top).toBeGreaterThanOrEqual(VIEWPORT_MARGIN_PX);
    expect(above.top + above.maxHeight).toBeLessThanOrEqual(500 - CARD_GAP_PX);
  });

  it('never gives a negative height', () => {
    expect(placeCard(box(0, 0, 100, 800), card, viewport).maxHeight).toBeGreaterThanOrEqual(0);
  });
});

describe('isOutOfView and contains', () => {
  it('knows when a mention has left the viewport', () => {
    expect(isOutOfView(box(100, -30), viewport)).toBe(true);
    expect(isOutOfView(box(100, -10), viewport)).toBe(false);
    expect(isOutOfView(box(100, 801), viewport)).toBe(true);
    expect(isOutOfView(box(1001, 100), viewport)).toBe(true);
  });
  it('tests points against boxes, edges included', () => {
    expect([contains(box(0, 0), 0, 0), contains(box(0, 0), 100, 20), contains(box(0, 0), 101, 10)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

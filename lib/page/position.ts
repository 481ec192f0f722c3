/**
 * Where a card goes: beside the mention (below it by default), flipped above when there is no room
 * below, and kept inside the viewport. Pure arithmetic on viewport coordinates.
 */

/** A rectangle in viewport (CSS pixel) coordinates, as `getBoundingClientRect` gives. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

/**
 * Where to put the card's top-left corner, on which side of the mention it ended up, and how tall
 * it may be there (the card scrolls inside when it is taller than the room on either side).
 */
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  maxHeight: number;
}

/** Space between the mention and the card. */
export const CARD_GAP_PX = 6;
/** Space kept between the card and the viewport's edges. */
export const VIEWPORT_MARGIN_PX = 8;

function clamp(value: number, min: number, max: number): number {
  return max < min ? min : Math.min(Math.max(value, min), max);
}

/**
 * Place a card of `card` size next to `anchor` in a `viewport`: below when it fits, else above when
 * that fits, else on the roomier side with its height limited to the room there, so the card never
 * covers the mention; its left edge follows the mention's, clamped to the viewport.
 */
export function placeCard(anchor: Box, card: Size, viewport: Size): Placement {
  const below = viewport.height - anchor.bottom - CARD_GAP_PX - VIEWPORT_MARGIN_PX;
  const above = anchor.top - CARD_GAP_PX - VIEWPORT_MARGIN_PX;
  const side: Placement['side'] = card.height <= below || (card.height > above && below >= above) ? 'below' : 'above';
  const room = Math.max(side === 'below' ? below : above, 0);
  const height = Math.min(card.height, room);
  const top = side === 'below' ? anchor.bottom + CARD_GAP_PX : anchor.top - CARD_GAP_PX - height;
  const left = clamp(anchor.left, VIEWPORT_MARGIN_PX, viewport.width - card.width - VIEWPORT_MARGIN_PX);
  return { left: Math.round(left), top: Math.round(top), side, maxHeight: Math.floor(height) };
}

/** Whether a mention has been scrolled entirely out of the viewport (its card should close). */
export function isOutOfView(anchor: Box, viewport: Size): boolean {
  return anchor.bottom < 0 || anchor.top > viewport.height || anchor.right < 0 || anchor.left > viewport.width;
}

/** Whether a point lies inside a box (edges included). */
export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** Which code units of a text are already covered by an accepted span: O(span length) checks. */
export class Occupancy {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }

  /** Whether any unit of [start, end) is taken. */
  overlaps(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i]) return true;
    return false;
  }

  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }

  /** Takes [start, end) unless it overlaps; returns whether it was taken. */
  claim(start: number, end: number): boolean {
    if (this.overlaps(start, end)) return false;
    this.take(start, end);
    return true;
  }
}

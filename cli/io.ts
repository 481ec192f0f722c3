/**
 * The CLI's streams, passed in so commands can be run in tests without spawning a process.
 */

/** Where a command reads and writes. */
export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Uint8Array | string>;
}

/** The real process streams. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
}

/** A problem with how the CLI was called: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Canonical JSON for the JSON exports, so export → import → export is byte-identical.
 *
 * The rule: object keys sorted by UTF-16 code units (RFC 8785's order; "@context" sorts first),
 * keys whose value is `undefined` dropped, two-space indentation, one trailing newline. Strings and
 * numbers are written as JSON.stringify writes them (which is also RFC 8785's form for both).
 * The writer walks objects itself rather than trusting property order, because JavaScript puts
 * integer-like keys ("1", "10") first whatever order they were inserted in.
 */

/** Serialises `value` canonically (see the module comment). */
export function canonicalJson(value: unknown): string {
  return write(value, '') + '\n';
}

function write(value: unknown, indent: string): string {
  if (Array.isArray(value)) return writeArray(value, indent);
  if (value !== null && typeof value === 'object') return writeObject(value as Record<string, unknown>, indent);
  return JSON.stringify(value) ?? 'null';
}

function writeArray(items: unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + '  ';
  const parts = items.map((item) => inner + write(item === undefined ? null : item, inner));
  return `[\n${parts.join(',\n')}\n${indent}]`;
}

function writeObject(obj: Record<string, unknown>, indent: string): string {
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const inner = indent + '  ';
  const parts = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(obj[k], inner)}`);
  return `{\n${parts.join(',\n')}\n${indent}}`;
}

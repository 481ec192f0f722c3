/**
 * "What changed": CHANGELOG.md, bundled as text and shown as text (never as markup). The newest
 * version is open; older ones fold away. Self-contained, so it can sit in any section or tab of
 * the options page.
 */
import changelog from '../../CHANGELOG.md?raw';

/** One version's entry. */
export interface ChangelogVersion {
  heading: string;
  items: string[];
}

/** Markdown's emphasis and code marks read as clutter in plain text: drop them, keep the words. */
const plain = (line: string) => line.replace(/\*\*|__|`/g, '').trim();

/** Split the changelog into versions (`## ` headings) and their `- ` items; other lines are ignored. */
export function parseChangelog(text: string): ChangelogVersion[] {
  const versions: ChangelogVersion[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.startsWith('## ')) versions.push({ heading: plain(line.slice(3)), items: [] });
    else if (/^\s*[-*] /.test(line) && versions.length > 0)
      versions.at(-1)!.items.push(plain(line.replace(/^\s*[-*] /, '')));
    else if (/^\s{2,}\S/.test(line) && versions.at(-1)?.items.length) {
      const items = versions.at(-1)!.items;
      items[items.length - 1] += ` ${plain(line)}`;
    }
  }
  return versions;
}

export interface WhatChangedProps {
  /** The changelog's text; the bundled CHANGELOG.md by default. */
  text?: string;
}

/** The versions, newest first, as a section of the options page. */
export function WhatChanged({ text = changelog }: WhatChangedProps) {
  const versions = parseChangelog(text);
  return (
    <section aria-labelledby="what-changed-title" class="what-changed">
      <h2 id="what-changed-title">What changed</h2>
      {versions.length === 0 ? <p>No changes recorded.</p> : null}
      {versions.map((v, i) => (
        <details key={v.heading} open={i === 0}>
          <summary>{v.heading}</summary>
          <ul>
            {v.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

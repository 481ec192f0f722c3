// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseChangelog, WhatChanged } from '../../components/options/WhatChanged.tsx';

afterEach(cleanup);

const ROOT = join(import.meta.dirname, '../..');

describe('What changed (CHANGELOG.md in the options page)', () => {
  it('shows the newest version open, older ones folded, each change as a list item', () => {
    const text =
      '# Changelog\n\nIntro.\n\n## 0.2.0\n\n- Faster **cards**\n- Fix `popup`\n  on Firefox\n\n## 0.1.0\n\n- First\n';
    render(<WhatChanged text={text} />);
    const section = screen.getByRole('region', { name: 'What changed' });
    const details = section.querySelectorAll('details');
    expect([...details].map((d) => d.open)).toEqual([true, false]);
    expect(details[0]!.querySelector('summary')!.textContent).toBe('0.2.0');
    expect([...details[0]!.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Faster cards',
      'Fix popup on Firefox',
    ]);
  });

  it('renders markup in the changelog as text, never as elements', () => {
    render(<WhatChanged text={'## 1.0.0\n- <img src=x onerror=alert(1)> <b>bold</b>\n'} />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(item.querySelector('img, b')).toBeNull();
  });

  it('leads with the version in package.json, which the manifest and store zips carry', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const versions = parseChangelog(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'));
    expect(versions[0]!.heading.split(/\s/)[0]).toBe(pkg.version);
    expect(versions[0]!.items.length).toBeGreaterThan(0);
  });
});

/**
 * The boundary rules in eslint.config.js, run through ESLint's own API on small files that exist
 * only in memory: each boundary reports a violation, allowed imports pass, and every folder of
 * lib/ and components/ is under a rule.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/import-graph.ts';

const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages ESLint reports for `code` as if it were the file at `path`. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the boundary rules', () => {
  it.each([
    ['lib/page/example.ts', "import { annotate } from '../detect/annotate.ts';", /never reaches detection/],
    ['lib/page/example.ts', "import type { Pack } from '../facts/schema.ts';", /never reaches .* the fact base/],
    ['lib/page/example.ts', "import { createRouter } from '../background/router.ts';", /the background/],
    ['entrypoints/content/example.ts', "import { FactStore } from '../../lib/facts/store.ts';", /content script/],
    ['entrypoints/content/example.ts', "import { findClaims } from '@/lib/claims/index.ts';", /content script/],
    ['components/popup/Example.tsx', "import type { TimelineItem } from '../../lib/facts/timeline.ts';", /lib\/facts/],
    ['components/Example.tsx', "import { FactIndex } from '~/lib/facts/index.ts';", /lib\/facts/],
    ['components/options/Example.tsx', "import { kept } from '../../lib/background/kept.ts';", /background/],
    ['lib/detect/example.ts', "import { extractPage } from '../page/extract.ts';", /never imports lib\/page/],
    ['lib/claims/example.ts', "import type { Hover } from '../page/hover.ts';", /never imports lib\/page/],
    ['lib/export/example.ts', "import { Card } from '../../components/Card.tsx';", /never imports components/],
    ['lib/facts/example.ts', "import { createRouter } from '../background/router.ts';", /never imports the background/],
    ['lib/settings-example.ts', "import { startSession } from './page/session.ts';", /never imports lib\/page/],
    ['lib/protocol/example.ts', "import '../../entrypoints/background.ts';", /never import an entrypoint/],
    ['lib/background/example.ts', "import { startSession } from '../page/session.ts';", /never imports lib\/page/],
    ['lib/background/example.ts', "export { main } from '../../entrypoints/popup/main.tsx';", /entrypoint/],
  ])('%s: %s is reported', async (path, code, message) => {
    const found = await violations(path, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['lib/page/example.ts', "import type { Card } from '../protocol/annotations.ts';"],
    ['lib/page/example.ts', "import { Card } from '../../components/Card.tsx';"],
    ['components/popup/Example.tsx', "import type { TimelineItem } from '../../lib/protocol/messages.ts';"],
    ['lib/detect/example.ts', "import type { FactIndex } from '../facts/index.ts';"],
    ['lib/background/example.ts', "import { annotate } from '../detect/annotate.ts';"],
    ['entrypoints/background.ts', "import { createRouter } from '../lib/background/router.ts';"],
  ])('%s: %s is allowed', async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });

  it('covers every folder of lib/ and components/, and the content script', async () => {
    const folders = ['lib', 'components'].flatMap((top) =>
      readdirSync(join(ROOT, top), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => `${top}/${d.name}`),
    );
    const files = [...folders.map((f) => `${f}/example.ts`), 'lib/example.ts', 'components/Example.tsx'];
    files.push('entrypoints/content/example.ts');
    for (const file of files) {
      const config = await eslint.calculateConfigForFile(join(ROOT, file));
      expect(config.rules?.['no-restricted-imports']?.[0], file).toBe(2);
    }
  });
});

/**
 * Import first in extension entrypoints that use full zod (the background). zod v4 compiles object
 * schemas with `new Function` and probes for it on first use; an extension's CSP forbids eval, so
 * the probe only fails — but it is reported as a CSP violation and leaves eval-shaped code paths
 * live. Jitless mode skips both. (The CLI and tests keep zod's default.)
 */
import { config } from 'zod';

config({ jitless: true });

#!/usr/bin/env node
// nhs-context: runs the TypeScript CLI (cli/main.ts) through tsx, so it works in the repo without a build.
import { register } from 'tsx/esm/api';

register();
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

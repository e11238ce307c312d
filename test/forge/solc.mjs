#!/usr/bin/env node
// solc for forge's `solc = ...`: forge cannot download a compiler offline, so this wraps the pinned solc-js.
// stdin is read with events, not readFileSync: forge's pipe is non-blocking and a sync read fails with EAGAIN.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const solc = require('solc');
const args = process.argv.slice(2);

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
} else if (args.includes('--standard-json')) {
  const chunks = [];
  process.stdin.on('data', (chunk) => chunks.push(chunk));
  process.stdin.on('end', () => {
    const input = Buffer.concat(chunks).toString('utf8');
    process.stdout.write(solc.compile(input, { import: findImport }));
  });
} else {
  process.stderr.write(`test/forge/solc.mjs: unsupported arguments ${args.join(' ')}\n`);
  process.exit(1);
}

function findImport(path) {
  const file = resolve(path);
  return existsSync(file) ? { contents: readFileSync(file, 'utf8') } : { error: `File not found: ${path}` };
}

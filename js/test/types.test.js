// The TypeScript declarations: test/types/usage.ts must compile against src/index.d.ts (every
// documented use accepted, each `@ts-expect-error` refused), and everything the package exports
// at run time must be declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as smsc from 'smsc-core';

const root = fileURLToPath(new URL('..', import.meta.url));

test('src/index.d.ts accepts every documented use and refuses the wrong ones', () => {
  const tsc = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', 'test/types/tsconfig.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(tsc.error, undefined, `tsc did not run: ${tsc.error}`);
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
});

test('every run-time export is declared', () => {
  const dts = readFileSync(`${root}src/index.d.ts`, 'utf8');
  for (const name of Object.keys(smsc)) {
    assert.match(dts, new RegExp(`export declare (class|function|const) ${name}\\b`), `${name} is not declared`);
  }
});

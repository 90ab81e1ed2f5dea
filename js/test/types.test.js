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

// Once as most projects compile, once with exactOptionalPropertyTypes, which reads `?:` more
// strictly and so catches declarations that only work by accident.
for (const config of ['tsconfig.json', 'tsconfig.exact.json']) {
  test(`src/index.d.ts accepts every documented use and refuses the wrong ones (${config})`, () => {
    const tsc = spawnSync(`${root}node_modules/.bin/tsc`, ['-p', `test/types/${config}`], { cwd: root, encoding: 'utf8' });
    assert.equal(tsc.error, undefined, `tsc did not run: ${tsc.error}`);
    assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);
  });
}

test('every run-time export is declared', () => {
  const dts = readFileSync(`${root}src/index.d.ts`, 'utf8');
  for (const name of Object.keys(smsc)) {
    assert.match(dts, new RegExp(`export declare (class|function|const) ${name}\\b`), `${name} is not declared`);
  }
});

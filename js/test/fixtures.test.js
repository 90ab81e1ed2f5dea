// Runs every case of the shared fixture corpus through the JS package in Node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import * as smsc from 'smsc-core';
import { fixtureFiles, fixturesRoot } from './corpus.js';
import { checkCase, responseBody } from './fixture-check.js';

const files = fixtureFiles();

test('the corpus is there', () => {
  assert.ok(files.length >= 40, `only ${files.length} cases`);
});

for (const file of files) {
  test(relative(fixturesRoot, file), () => {
    const c = JSON.parse(readFileSync(file, 'utf8'));
    checkCase(smsc, c, c.response ? responseBody(c.response) : undefined);
  });
}

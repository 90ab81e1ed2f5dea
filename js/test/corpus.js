// Where the shared fixture corpus lives, for the Node-side suites.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesRoot = fileURLToPath(new URL('../../tests/fixtures', import.meta.url));

/** Every case file under `dir`, sorted. */
export function fixtureFiles(dir = fixturesRoot) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

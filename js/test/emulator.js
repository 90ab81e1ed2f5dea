// Starts the local SMSC emulator for a test and stops it afterwards.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const binary = process.env.SMSC_EMULATOR ?? `${repoRoot}target/debug/smsc-emulator`;

/** Starts an emulator on a free port; resolves to `{ baseUrl, stop() }`. */
export async function startEmulator(args = []) {
  if (!existsSync(binary)) {
    throw new Error(`the emulator is not built at ${binary}: run \`cargo build -p smsc-emulator\``);
  }
  const child = spawn(binary, ['--exit-after', '300', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const line = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const baseUrl = line.replace('listening on ', '');
  return {
    baseUrl,
    stop() {
      lines.close();
      child.kill();
    },
    async advance(seconds) {
      await fetch(`${baseUrl}/emulator/advance?seconds=${seconds}`, { method: 'POST' });
    },
  };
}

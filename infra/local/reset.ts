/**
 * `npm run reset`: wipes the local data directory (reports, the receipt salt and the contact key,
 * which goes with the data it opens). Stop `npm start` first.
 */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../site-build.ts';

const dataDir = resolve(repoRoot, process.env.HUTONG_DATA_DIR || '.data');
if (!existsSync(dataDir)) {
  console.log(`Nothing to reset: ${dataDir} does not exist.`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `Wiped ${dataDir}: every local report, the receipt salt and the contact key are gone. The next npm start begins afresh.`,
  );
}

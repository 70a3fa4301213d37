/** `npm run reset`: wipes the local data directory (reports and the receipt salt). Stop `npm start` first. */
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../site-build.ts';

const dataDir = resolve(repoRoot, process.env.HUTONG_DATA_DIR || '.data');
if (!existsSync(dataDir)) {
  console.log(`Nothing to reset: ${dataDir} does not exist.`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `Wiped ${dataDir}: every local report and the receipt salt are gone. The next npm start begins afresh.`,
  );
}

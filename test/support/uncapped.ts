/**
 * A local runtime whose hourly caps a load run can't reach: the shipped deployment file with its
 * `limits` raised, through `HUTONG_CONFIG_FILE`. The caps exist to refuse floods; a load or fault
 * run measures everything else. The caps themselves are tested with the shipped file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/site-build.ts';
import { freshDataDir, type SpawnedRuntime, spawnRuntime } from './runtime.ts';

/** Writes the uncapped deployment file into `dataDir` and returns the variable that selects it. */
export function uncappedConfig(dataDir: string): { HUTONG_CONFIG_FILE: string } {
  const config = JSON.parse(readFileSync(join(repoRoot, 'hutong.config.json'), 'utf8'));
  const file = join(dataDir, 'uncapped.json');
  const limits = {
    reportsPerHourPerCommunity: 1e6,
    reportsPerHour: 1e6,
    formReportsPerHourPerCommunity: 1e6,
  };
  writeFileSync(file, JSON.stringify({ ...config, limits }));
  return { HUTONG_CONFIG_FILE: file };
}

/**
 * Starts a runtime without reachable caps, on `dataDir` (a fresh one by default) with `env` added.
 * @example const runtime = await spawnUncapped({ env: { HUTONG_STORE_FAULTS: 'errors:0.2' } });
 */
export function spawnUncapped(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<SpawnedRuntime> {
  const dataDir = options.dataDir ?? freshDataDir();
  return spawnRuntime({ dataDir, env: { ...uncappedConfig(dataDir), ...options.env } });
}

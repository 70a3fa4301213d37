/**
 * Publish → live on one machine: a trainer's workshop, submitted, is published by a reviewer
 * through the API of a fresh `npm start`, and the clock runs until the portal serves its page
 * (the runtime's builder: two quiet seconds, a full site build, the swap). Then the builds that
 * followed are counted for ten publishes in a row: the debounce should make them few.
 */
import { type SpawnedRuntime, spawnRuntime } from '../test/support/runtime.ts';
import { type TrainerClient, trainerClient } from '../test/support/trainer.ts';
import { sampleSession, sampleWorkshop } from '../test/support/workshops.ts';

/** What the publish bench measured. */
export interface PublishFigures {
  /** Seconds from the publish request to the first 200 for the workshop's page, per run. */
  liveSeconds: number[];
  /** Builds the runtime ran for a burst of ten publishes. */
  burstPublishes: number;
  burstBuilds: number;
}

const poll = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A workshop written and submitted by `trainer`; returns its id, version and public path. */
async function submitted(trainer: TrainerClient) {
  const workshop = sampleWorkshop('en');
  const created = await trainer.send('POST', '/api/trainer/workshops', {
    workshop,
    sessions: [sampleSession()],
  });
  const { id, version } = created.body;
  await trainer.act(id, { action: 'submit', version });
  return { id, version: version + 1, path: `/en/workshops/${workshop.translationKey}/` };
}

/** Waits until `path` answers 200, polling every 100 ms; gives up after 10 minutes. */
async function servedAfter(runtime: SpawnedRuntime, path: string, since: number): Promise<number> {
  while (Date.now() - since < 600_000) {
    if ((await fetch(`${runtime.url}${path}`)).status === 200) return (Date.now() - since) / 1000;
    await poll(100);
  }
  throw new Error(`${path} was not served within 10 minutes:\n${runtime.output()}`);
}

/** Times `runs` publishes one after another, then a burst of ten. */
export async function measurePublish(runs = 3): Promise<PublishFigures> {
  const runtime = await spawnRuntime();
  try {
    const trainer = await trainerClient(runtime, 'trainer-lanting');
    const reviewer = await trainerClient(runtime, 'reviewer-lanting');
    const liveSeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { id, version, path } = await submitted(trainer);
      const started = Date.now();
      await reviewer.act(id, { action: 'publish', version });
      liveSeconds.push(await servedAfter(runtime, path, started));
    }

    const builds = () => (runtime.output().match(/Site rebuilt with/g) ?? []).length;
    const burst = await Promise.all(Array.from({ length: 10 }, () => submitted(trainer)));
    const before = builds();
    const started = Date.now();
    for (const { id, version } of burst) await reviewer.act(id, { action: 'publish', version });
    await servedAfter(runtime, burst.at(-1)?.path ?? '/', started);
    return { liveSeconds, burstPublishes: burst.length, burstBuilds: builds() - before };
  } finally {
    await runtime.stop();
  }
}

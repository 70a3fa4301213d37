import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Integration and browser tests start real runtimes; two cores run two files at once.
    maxWorkers: 2,
    // A hang fails after two minutes; no test asserts speed (that is `npm run bench`).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // A poll waits for something a user would wait for (a saved action, a focus move); on a
    // loaded machine that can take seconds. Its default of one second made browser tests flaky.
    expect: { poll: { timeout: 20_000 } },
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

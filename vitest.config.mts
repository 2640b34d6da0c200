import { availableParallelism } from "node:os";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    // Terraform's own evaluation of the stacks runs apart, in `npm run test:terraform` (vitest.terraform.config.mts):
    // `npm test` must pass on a machine without terraform.
    exclude: [...configDefaults.exclude, "__tests__/terraform/**"],
    setupFiles: ["__tests__/helpers/setup.ts"],
    // A terraform that refuses to run comes first on the PATH: a test that runs terraform fails here on every machine.
    globalSetup: ["__tests__/helpers/without-terraform.ts", "__tests__/helpers/global-setup.ts"],
    // Synthesizing a stack is CPU-bound; the default 5 s is too tight for a loaded 2-core CI machine.
    testTimeout: 30_000,
    // Each test file still gets its setup file run (and its own temp folder), but a worker keeps cdktf and the
    // provider modules loaded across files instead of importing them again for each: 33 s -> 6 s for the suite.
    // Tests must not leave global state behind (they restore process.env and the working directory).
    isolate: false,
    // Vitest's default leaves a core to its main process, which is idle while the workers run: on our 2-core
    // machines that is one worker, 13.8-15.0 s for the suite; two workers take 11.4 s (2 s more CPU in all).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A missing or changed snapshot file fails the run instead of being written: snapshots are written only on
    // purpose (`npx vitest run <test file> -u`), then read and committed (docs/testing.md).
    update: "none",
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    setupFiles: ["__tests__/helpers/setup.ts"],
    globalSetup: ["__tests__/helpers/global-setup.ts"],
    // Synthesizing a stack is CPU-bound; the default 5 s is too tight for a loaded 2-core CI machine.
    testTimeout: 30_000,
  },
});

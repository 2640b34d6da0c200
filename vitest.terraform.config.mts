import { defineConfig } from "vitest/config";

/**
 * `npm run test:terraform`: real Terraform plans the stand-ins of the stacks (scripts/terraform). Apart from
 * `npm test`, which must pass on a machine without terraform.
 */
export default defineConfig({
  test: {
    include: ["__tests__/terraform/**/*.test.ts"],
    setupFiles: ["__tests__/helpers/setup.ts"],
    // First: stop with a plain message when terraform is missing or too old.
    globalSetup: ["__tests__/terraform/require-terraform.ts", "__tests__/helpers/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    isolate: false,
  },
});

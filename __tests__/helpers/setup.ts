/**
 * Runs in every test file: the cdktf matchers on `expect`, a private temp folder, and cdktf's token creation stacks
 * taken without Vite's source maps (creation-stacks.ts).
 *
 * `Testing.app()` and `Testing.synthScope()` create a `cdktf.outdir.*` folder in the system temp dir on every
 * call and never remove it. Each test file points TMPDIR at a folder of its own and deletes it afterwards,
 * so the suite leaves nothing behind (global-setup.ts checks that).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testingMatchers } from "cdktf";
import { afterAll, expect } from "vitest";
import { captureCreationStacksNatively } from "./creation-stacks";

captureCreationStacksNatively();

const originalTmpdir = process.env.TMPDIR;
const privateTmpdir = mkdtempSync(join(tmpdir(), "sagemaker-cdktf-test-"));
process.env.TMPDIR = privateTmpdir;

afterAll(() => {
  if (originalTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpdir;
  rmSync(privateTmpdir, { recursive: true, force: true });
});

type CdktfMatcher = (
  received: string,
  resourceType: testingMatchers.TerraformConstructor,
  properties?: Record<string, unknown>,
) => testingMatchers.AssertionReturn;

function adapt(matcher: CdktfMatcher) {
  return (
    received: string,
    resourceType: testingMatchers.TerraformConstructor,
    properties: Record<string, unknown> = {},
  ) => {
    const result = matcher(received, resourceType, properties);
    return { pass: result.pass, message: () => result.message };
  };
}

expect.extend({
  toHaveResource: adapt(testingMatchers.getToHaveResourceWithProperties()),
  toHaveResourceWithProperties: adapt(testingMatchers.getToHaveResourceWithProperties()),
  toHaveDataSourceWithProperties: adapt(testingMatchers.getToHaveDataSourceWithProperties()),
  toHaveProviderWithProperties: adapt(testingMatchers.getToHaveProviderWithProperties()),
});

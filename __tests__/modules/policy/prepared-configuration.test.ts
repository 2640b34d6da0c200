import { App, TerraformStack, Testing } from "cdktf";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { describe, expect, it, vi } from "vitest";
import { evaluatePolicy, PolicyChecks, type Finding } from "../../../modules/policy/policy-checks";
import {
  prepareStackKeepingElements,
  takePreparedElements,
} from "../../../modules/policy/prepared-configuration";
import { defineStacks } from "../../../stacks/app";
import { ProjectStack } from "../../../stacks/project-stack";

function summary(findings: readonly Finding[]) {
  return findings.map(({ ruleId, address, severity, message }) => ({
    ruleId,
    address,
    severity,
    message,
  }));
}

/**
 * How many times a synth asks a bucket in the stack for its configuration: cdktf's preparation, then the
 * aspects and the JSON (`Testing.synth`, which `app.synth()` runs the same way, without writing files).
 */
function configurationReads(makeStack: (app: App) => TerraformStack): number {
  const stack = makeStack(Testing.app());
  const bucket = new S3Bucket(stack, "bucket", { bucket: "a-bucket-name" });
  const reads = vi.spyOn(bucket, "toTerraform");
  stack.prepareStack();
  Testing.synth(stack);
  return reads.mock.calls.length;
}

describe("prepared elements for the policy checks", () => {
  it("a ProjectStack resolves each element twice per synth: prepare, then the JSON", () => {
    expect(configurationReads((app) => new ProjectStack(app, "project"))).toBe(2);
  });

  it("a plain stack with the policy checks resolves each element a third time, for the checks", () => {
    expect(
      configurationReads((app) => {
        const stack = new TerraformStack(app, "plain");
        PolicyChecks.applyTo(stack);
        return stack;
      }),
    ).toBe(3);
  });

  it("give the same findings as resolving afresh, on every stack of the app", () => {
    const stacks = Object.values(defineStacks(Testing.app()));
    for (const stack of stacks) prepareStackKeepingElements(stack);
    let findings = 0;
    for (const stack of stacks) {
      const prepared = takePreparedElements(stack);
      expect(prepared?.size).toBeGreaterThan(5);
      const fromPrepared = summary(evaluatePolicy(stack, undefined, prepared));
      expect(fromPrepared).toEqual(summary(evaluatePolicy(stack)));
      findings += fromPrepared.length;
    }
    // The comparison means something only if the stacks have findings (acknowledged ones count).
    expect(findings).toBeGreaterThan(3);
  });

  it("are taken once: the next synth prepares again", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    new S3Bucket(stack, "bucket", { bucket: "a-bucket-name" });
    prepareStackKeepingElements(stack);
    expect(takePreparedElements(stack)?.size).toBe(2); // the bucket and the local backend cdktf adds
    expect(takePreparedElements(stack)).toBeUndefined();
  });
});

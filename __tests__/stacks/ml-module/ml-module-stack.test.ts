/**
 * The stack's inputs are Terraform variables, so its names, tags and image are Terraform expressions: the whole
 * stack is the reviewed snapshot `__snapshots__/ml-module.tf.json`. The same statements with names known at synth
 * time are MlModule's tests (__tests__/modules/ml-module); Terraform's own evaluation of the validations,
 * preconditions and outputs is in __tests__/terraform/cases/ml-module.ts.
 */
import { describe, expect, it } from "vitest";
import { ADDRESSES } from "../../modules/ml-module/expected";
import { synthProject } from "../../helpers/project";
import { stackSnapshot } from "../../helpers/stack-snapshot";
import { addresses } from "../../helpers/synth";

describe("stack ml-module", () => {
  const json = synthProject().json["ml-module"]!;

  it("is the reviewed snapshot", async () => {
    await expect(await stackSnapshot(json)).toMatchFileSnapshot("__snapshots__/ml-module.tf.json");
  });

  it("keeps the original module's eight addresses", () => {
    expect(addresses(json)).toEqual(ADDRESSES);
  });
});

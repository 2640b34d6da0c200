/**
 * The stack as the app defines it, under the default inputs: every resource, data source, variable, local, output
 * and moved block, in the reviewed snapshot `__snapshots__/sagemaker-provisioned.tf.json`. Its model is the iris
 * sample on the region's scikit-learn image (own-container.test.ts has the recipe's own container); what each switch
 * changes is in switches.test.ts, the recipe's corrections in corrections.test.ts, and Terraform's own evaluation
 * of the validations, preconditions and outputs in __tests__/terraform/cases/sagemaker-provisioned.ts.
 */
import { describe, expect, it } from "vitest";
import { synthProject } from "../../helpers/project";
import { stackSnapshot } from "../../helpers/stack-snapshot";
import { addresses } from "../../helpers/synth";
import { DEFAULT_ADDRESSES } from "./expected";

describe("stack sagemaker-provisioned under the default inputs", () => {
  const json = synthProject().json["sagemaker-provisioned"]!;

  it("is the reviewed snapshot", async () => {
    await expect(await stackSnapshot(json)).toMatchFileSnapshot(
      "__snapshots__/sagemaker-provisioned.tf.json",
    );
  });

  it("keeps the recipe's addresses, and has the data sources and the random suffix it reads", () => {
    expect(addresses(json)).toEqual(DEFAULT_ADDRESSES);
  });
});

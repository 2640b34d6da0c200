/**
 * The state backends as terraform 1.11 reads them, offline (stacks/state-backend.ts; the synthesized blocks are
 * asserted in __tests__/stacks/state-backend.test.ts): `init -backend=false` accepts every stack's configuration,
 * and a full `init` of each S3 backend, isolated from AWS, accepts its arguments and values up to the credentials.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { s3BackendProblems } from "../../scripts/terraform/backend-check";
import { OfflineTerraform } from "../../scripts/terraform/offline-terraform";
import { writtenBy } from "../helpers/project";
import { projectWith, S3, STACKS } from "../helpers/state-backend-project";

const terraform = new OfflineTerraform();
afterAll(() => terraform.dispose());

describe("state backend S3, terraform 1.11 offline", () => {
  const { outdir } = writtenBy(projectWith(S3).app);

  it.each(STACKS)("accepts the configuration of %s (init -backend=false)", (stack) => {
    expect(terraform.configurationProblems(join(outdir, "stacks", stack))).toEqual([]);
  });

  it.each(STACKS)(
    "accepts the S3 backend of %s, arguments and values, up to the AWS credentials (init)",
    (stack) => {
      expect(s3BackendProblems(terraform, join(outdir, "stacks", stack))).toEqual([]);
    },
  );

  it("would refuse a misspelt backend argument (what the init check is for)", () => {
    const misspelt = projectWith(S3);
    misspelt.stacks.iam.addOverride("terraform.backend.s3.use_lock_file", true);
    const iam = join(writtenBy(misspelt.app).outdir, "stacks", "iam");
    expect(s3BackendProblems(terraform, iam).map((problem) => problem.split("\n", 1)[0])).toEqual([
      "Error: Extraneous JSON object property",
    ]);
  });
});

describe("state backend HCP Terraform, terraform 1.11 offline", () => {
  it.each(STACKS)("accepts the configuration of %s (init -backend=false)", (stack) => {
    const hcp = projectWith({
      SAGEMAKER_STATE_BACKEND: "hcp",
      SAGEMAKER_STATE_HCP_ORGANIZATION: "acme",
    });
    const { outdir } = writtenBy(hcp.app);
    expect(terraform.configurationProblems(join(outdir, "stacks", stack))).toEqual([]);
  });
});

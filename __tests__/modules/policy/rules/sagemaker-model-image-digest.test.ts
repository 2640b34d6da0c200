import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { sagemakerModelImageDigest as rule } from "../../../../modules/policy/rules/sagemaker-model-image-digest";
import { findingsOf } from "../../../helpers/policy";

const REPOSITORY = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn";
const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;
const ROLE = "arn:x:iam::111122223333:role/r";

describe(rule.id, () => {
  it("accepts images referred to by digest, in the primary container and in containers", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SagemakerModel(scope, "primary", {
          executionRoleArn: ROLE,
          primaryContainer: { image: `${REPOSITORY}@${DIGEST}` },
        });
        new SagemakerModel(scope, "pipeline", {
          executionRoleArn: ROLE,
          container: [{ image: `${REPOSITORY}@${DIGEST}` }, { image: `${REPOSITORY}@${DIGEST}` }],
        });
      }),
    ).toEqual([]);
  });

  it("reports each image referred to by a tag or decided at apply time", () => {
    expect(
      findingsOf(rule, (scope) => {
        new SagemakerModel(scope, "tagged", {
          executionRoleArn: ROLE,
          primaryContainer: { image: `${REPOSITORY}:1.2-1-cpu-py3` },
        });
        const image = new TerraformVariable(scope, "image", { type: "string" });
        new SagemakerModel(scope, "mixed", {
          executionRoleArn: ROLE,
          container: [{ image: `${REPOSITORY}@${DIGEST}` }, { image: image.stringValue }],
        });
      }),
    ).toEqual([
      {
        address: "aws_sagemaker_model.tagged",
        severity: "warning",
        message: `Its image ${REPOSITORY}:1.2-1-cpu-py3 is a tag, which a push can move to another image; refer to it as <repository>@sha256:<digest>.`,
      },
      {
        address: "aws_sagemaker_model.mixed",
        severity: "warning",
        message:
          "Its image ${var.image} is decided at apply time and cannot be checked to be a digest; refer to it as <repository>@sha256:<digest>, or acknowledge the tag.",
      },
    ]);
  });
});

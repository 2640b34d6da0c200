import { describe, expect, it } from "vitest";
import {
  expressionTraversals,
  templateTraversals,
} from "../../../scripts/diagrams/terraform-references";

describe("templateTraversals", () => {
  it("finds a whole-string interpolation", () => {
    expect(templateTraversals("${aws_iam_role.sagemaker_role.arn}")).toEqual([
      ["aws_iam_role", "sagemaker_role", "arn"],
    ]);
  });

  it("finds data sources, variables and locals inside larger strings and function calls", () => {
    expect(
      templateTraversals(
        "arn:${data.aws_partition.current.partition}:s3:::${lookup(local.buckets, var.aws_region, 'x')}/*",
      ),
    ).toEqual([
      ["data", "aws_partition", "current", "partition"],
      ["local", "buckets"],
      ["var", "aws_region"],
    ]);
  });

  it("finds references in templates nested in string literals, not the literals' text", () => {
    const template =
      '${var.uri == "aws_iam_role.fake.arn" ? "${local.account}.dkr.ecr.${var.aws_region}" : var.uri}';
    expect(templateTraversals(template)).toEqual([
      ["var", "uri"],
      ["local", "account"],
      ["var", "aws_region"],
      ["var", "uri"],
    ]);
  });

  it("ignores literal text and escaped interpolations", () => {
    expect(templateTraversals("aws_iam_role.x.arn and $${var.escaped} and %%{ if var.y }")).toEqual(
      [],
    );
  });

  it("finds references in directives and keeps names with hyphens whole", () => {
    expect(
      templateTraversals(
        "%{ if var.enabled }${data.terraform_remote_state.cross-stack-reference-input-iam.outputs.role-arn}%{ endif }",
      ),
    ).toEqual([
      ["var", "enabled"],
      ["data", "terraform_remote_state", "cross-stack-reference-input-iam", "outputs", "role-arn"],
    ]);
  });

  it("reads through indexes and splats, and finds references used as an index", () => {
    expect(
      templateTraversals('${aws_s3_bucket.logs[0].arn} ${aws_kms_key.keys["main"].arn}'),
    ).toEqual([
      ["aws_s3_bucket", "logs", "arn"],
      ["aws_kms_key", "keys", "arn"],
    ]);
    expect(
      templateTraversals("${aws_ecr_repository.all.*.arn} ${aws_iam_role.r[var.i].name}"),
    ).toEqual([
      ["aws_ecr_repository", "all", "*", "arn"],
      ["aws_iam_role", "r"],
      ["var", "i"],
    ]);
  });

  it("finds references in object constructors and for expressions without ending at their braces", () => {
    expect(
      templateTraversals("${{ for k, v in var.tags : k => v if v != local.skip }}${var.after}"),
    ).toEqual([
      ["var", "tags"],
      ["local", "skip"],
      ["var", "after"],
    ]);
  });

  it("does not end a string literal at an escaped quote", () => {
    expect(templateTraversals('${join("\\"", [var.b])}')).toEqual([["var", "b"]]);
  });
});

describe("expressionTraversals", () => {
  it("reads a bare depends_on entry", () => {
    expect(expressionTraversals("aws_iam_role_policy_attachment.sagemaker_full_access")).toEqual([
      ["aws_iam_role_policy_attachment", "sagemaker_full_access"],
    ]);
    expect(expressionTraversals("data.aws_iam_policy_document.trust")).toEqual([
      ["data", "aws_iam_policy_document", "trust"],
    ]);
  });
});

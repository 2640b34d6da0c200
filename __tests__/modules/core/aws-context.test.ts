import { Testing, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { AwsContext } from "../../../modules/core/aws-context";
import { addresses, resolved, synthStack } from "../../helpers/synth";

describe("AwsContext", () => {
  it("is one per stack, shared by constructs at any depth", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const nested = new Construct(new Construct(stack, "a"), "b");
    expect(AwsContext.of(nested)).toBe(AwsContext.of(stack));
    const other = new TerraformStack(Testing.app(), "t");
    expect(AwsContext.of(other)).not.toBe(AwsContext.of(stack));
  });

  it("adds only the data sources something uses, under the name `current`", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    AwsContext.of(stack).managedPolicyArn("ReadOnlyAccess");
    expect(addresses(synthStack(stack))).toEqual(["data.aws_partition.current"]);

    const aws = AwsContext.of(stack);
    expect(resolved(stack, [aws.accountId, aws.region, aws.dnsSuffix])).toEqual([
      "${data.aws_caller_identity.current.account_id}",
      "${data.aws_region.current.region}",
      "${data.aws_partition.current.dns_suffix}",
    ]);
    expect(addresses(synthStack(stack))).toEqual([
      "data.aws_caller_identity.current",
      "data.aws_partition.current",
      "data.aws_region.current",
    ]);
  });

  it("builds partition-aware ARNs", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const aws = AwsContext.of(stack);
    const p = "${data.aws_partition.current.partition}";
    expect(resolved(stack, aws.arn({ service: "sagemaker", resource: "endpoint/x" }))).toBe(
      `arn:${p}:sagemaker:\${data.aws_region.current.region}:\${data.aws_caller_identity.current.account_id}:endpoint/x`,
    );
    expect(
      resolved(stack, aws.arn({ service: "s3", resource: "bucket", region: "", account: "" })),
    ).toBe(`arn:${p}:s3:::bucket`);
    expect(
      resolved(stack, aws.managedPolicyArn("service-role/AWSLambdaVPCAccessExecutionRole")),
    ).toBe(`arn:${p}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole`);
  });
});

import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { StackConfiguration } from "../../../modules/policy/configuration";

describe("StackConfiguration", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const name = new TerraformVariable(stack, "name", { type: "string" });
  // Nested below a construct of its own, as library constructs do.
  const bucket = new S3Bucket(new Construct(stack, "storage"), "bucket", {
    bucket: name.stringValue,
    tags: { team: "ml" },
  });
  bucket.addOverride("force_destroy", true);
  new S3BucketVersioningA(stack, "versioning", {
    bucket: bucket.id,
    versioningConfiguration: { status: "Enabled" },
  });
  new S3BucketVersioningA(stack, "named", {
    bucket: "literal-name",
    versioningConfiguration: { status: "Enabled" },
  });
  new DataAwsIamPolicyDocument(stack, "document", {
    statement: [{ actions: ["s3:GetObject"], resources: [`${bucket.arn}/*`] }],
  });
  new TerraformOutput(stack, "arn", { value: bucket.arn });
  const configuration = StackConfiguration.read(stack);
  const [storedBucket, versioning, , policyDocument] = configuration.elements;

  it("reads every resource and data source, and nothing else, with its address and construct", () => {
    expect(
      configuration.elements.map(({ address, addressType, construct }) => ({
        address,
        addressType,
        path: construct.node.path,
      })),
    ).toEqual([
      {
        address: "aws_s3_bucket.storage_bucket_6AF501AE",
        addressType: "aws_s3_bucket",
        path: "stack/storage/bucket",
      },
      {
        address: "aws_s3_bucket_versioning.versioning",
        addressType: "aws_s3_bucket_versioning",
        path: "stack/versioning",
      },
      {
        address: "aws_s3_bucket_versioning.named",
        addressType: "aws_s3_bucket_versioning",
        path: "stack/named",
      },
      {
        address: "data.aws_iam_policy_document.document",
        addressType: "data.aws_iam_policy_document",
        path: "stack/document",
      },
    ]);
  });

  it("gives the arguments as Terraform sees them: literals, overrides, references as expressions", () => {
    expect(storedBucket!.attributes).toEqual({
      bucket: "${var.name}",
      force_destroy: true,
      tags: { team: "ml" },
    });
    expect(policyDocument!.attributes).toEqual({
      statement: [
        {
          actions: ["s3:GetObject"],
          resources: ["${aws_s3_bucket.storage_bucket_6AF501AE.arn}/*"],
        },
      ],
    });
    expect(configuration.ofType("data.aws_iam_policy_document")).toEqual([policyDocument]);
  });

  it("follows a whole reference to the element it names, and nothing else", () => {
    expect(configuration.referencedBy(versioning!.attributes.bucket)).toEqual({
      element: storedBucket,
      attribute: "id",
    });
    expect(configuration.referencedBy("${data.aws_iam_policy_document.document.json}")).toEqual({
      element: policyDocument,
      attribute: "json",
    });
    expect(configuration.referencedBy("${aws_s3_bucket.storage_bucket_6AF501AE.arn}/*")).toBe(
      undefined,
    );
    expect(configuration.referencedBy("${aws_s3_bucket.elsewhere.arn}")).toBe(undefined);
    expect(configuration.referencedBy("${var.name}")).toBe(undefined);
  });

  it("finds the elements that name another by reference or by its literal name", () => {
    // "literal-name" is not the bucket's name: that is known only at apply time.
    expect(
      configuration.companionsOf(storedBucket!, "bucket", "aws_s3_bucket_versioning", "bucket"),
    ).toEqual([versioning]);
    const literal = new TerraformStack(Testing.app(), "literal");
    new S3Bucket(literal, "bucket", { bucket: "literal-name" });
    new S3BucketVersioningA(literal, "named", {
      bucket: "literal-name",
      versioningConfiguration: { status: "Enabled" },
    });
    const read = StackConfiguration.read(literal);
    expect(
      read.companionsOf(read.elements[0]!, "bucket", "aws_s3_bucket_versioning", "bucket"),
    ).toEqual([read.elements[1]]);
    expect(configuration.identifies("${var.name}", storedBucket!, "bucket")).toBe(false);
  });
});

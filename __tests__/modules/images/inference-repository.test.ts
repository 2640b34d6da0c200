import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { ECR_REPOSITORY_NAME_WORDS } from "../../helpers/allowed";
import { InferenceRepository } from "../../../modules/images/inference-repository";
import {
  onlyDataSource,
  onlyResource,
  resolved,
  resourcesOf,
  synthScope,
} from "../../helpers/synth";

/** The recipe's ECR lifecycle policy: keep the last 10 `v*` tagged images, expire untagged ones after a day. */
const RECIPE_ECR_LIFECYCLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: "Keep last 10 images",
      selection: {
        tagStatus: "tagged",
        tagPrefixList: ["v"],
        countType: "imageCountMoreThan",
        countNumber: 10,
      },
      action: { type: "expire" },
    },
    {
      rulePriority: 2,
      description: "Delete untagged images older than 1 day",
      selection: {
        tagStatus: "untagged",
        countType: "sinceImagePushed",
        countUnit: "days",
        countNumber: 1,
      },
      action: { type: "expire" },
    },
  ],
};

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("InferenceRepository", () => {
  const json = synthScope((scope) => {
    new InferenceRepository(scope, "repository", {
      repositoryName: "sagemaker-sklearn-inference",
      imageTagMutability: "IMMUTABLE",
      kmsKeyArn: KEY,
      forceDelete: true,
      retention: { tagPrefixes: ["v"], keepTaggedImages: 10, expireUntaggedAfterDays: 1 },
      tags: { Name: "inference-repository" },
    });
  });
  const repository = onlyResource(json, "aws_ecr_repository");
  const document = onlyDataSource(json, "aws_iam_policy_document");

  it("creates a repository scanned on push and encrypted with the key", () => {
    expect(repository.attributes).toEqual({
      name: "sagemaker-sklearn-inference",
      image_tag_mutability: "IMMUTABLE",
      force_delete: true,
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "KMS", kms_key: KEY }],
      tags: { Name: "inference-repository" },
    });
  });

  it("lets SageMaker pull for this account only", () => {
    expect(document.attributes).toEqual({
      statement: [
        {
          sid: "AllowSageMakerAccess",
          effect: "Allow",
          principals: [{ type: "Service", identifiers: ["sagemaker.amazonaws.com"] }],
          actions: [
            "ecr:BatchCheckLayerAvailability",
            "ecr:GetDownloadUrlForLayer",
            "ecr:BatchGetImage",
          ],
          condition: [
            {
              test: "StringEquals",
              variable: "aws:SourceAccount",
              values: ["${data.aws_caller_identity.current.account_id}"],
            },
          ],
        },
      ],
    });
    expect(onlyResource(json, "aws_ecr_repository_policy").attributes).toEqual({
      repository: `\${aws_ecr_repository.${repository.name}.name}`,
      policy: `\${data.aws_iam_policy_document.${document.name}.json}`,
    });
  });

  it("keeps the newest tagged images and expires untagged ones", () => {
    const lifecycle = onlyResource(json, "aws_ecr_lifecycle_policy").attributes;
    expect(lifecycle.repository).toBe(`\${aws_ecr_repository.${repository.name}.name}`);
    expect(JSON.parse(String(lifecycle.policy))).toEqual(RECIPE_ECR_LIFECYCLE_POLICY);
  });
});

describe("InferenceRepository defaults", () => {
  it("encrypts with AES256, keeps images and tags mutable, and exposes its URL, ARN and name", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const created = new InferenceRepository(stack, "r", { repositoryName: "models" });
    const json = JSON.parse(Testing.synth(stack)) as Parameters<typeof onlyResource>[0];
    const { name, attributes } = onlyResource(json, "aws_ecr_repository");
    expect(attributes).toEqual({
      name: "models",
      image_tag_mutability: "MUTABLE",
      force_delete: false,
      image_scanning_configuration: { scan_on_push: true },
      encryption_configuration: [{ encryption_type: "AES256" }],
    });
    expect(resourcesOf(json, "aws_ecr_lifecycle_policy")).toEqual({});
    expect(resolved(stack, created.repositoryUrl)).toBe(
      `\${aws_ecr_repository.${name}.repository_url}`,
    );
    expect(resolved(stack, created.repositoryArn)).toBe(`\${aws_ecr_repository.${name}.arn}`);
    expect(resolved(stack, created.repositoryName)).toBe(`\${aws_ecr_repository.${name}.name}`);
  });

  it("rejects a name ECR refuses, an unknown mutability and an empty retention, all at once", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new InferenceRepository(stack, "r", {
          repositoryName: "Models",
          imageTagMutability: "LOCKED",
          retention: { tagPrefixes: [], keepTaggedImages: 0, expireUntaggedAfterDays: 1.5 },
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/r' (5 problems):",
        `  - repositoryName: got "Models"; allowed: ${ECR_REPOSITORY_NAME_WORDS}`,
        '  - imageTagMutability: got "LOCKED"; allowed: MUTABLE or IMMUTABLE',
        "  - retention.keepTaggedImages: got 0; allowed: a whole number of at least 1",
        "  - retention.expireUntaggedAfterDays: got 1.5; allowed: a whole number of at least 1",
        "  - retention.tagPrefixes: got []; allowed: at least one tag prefix",
      ].join("\n"),
    );
  });
});

import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EcrLifecyclePolicy } from "@cdktf/provider-aws/lib/ecr-lifecycle-policy";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryPolicy } from "@cdktf/provider-aws/lib/ecr-repository-policy";
import type { IResolvable } from "cdktf";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { knownKeys } from "../core/known-keys";
import {
  BOOLEAN,
  BOOLEAN_OR_EXPRESSION,
  NUMBER,
  optional,
  STRING,
  STRINGS,
  TAGS,
} from "../core/kinds";
import { ECR_REPOSITORY_NAME, ECR_TAG_MUTABILITY } from "../core/limits/ecr";
import { checkResourceTags } from "../core/limits/tags";
import { integerAtLeast } from "../core/rules";
import { Problems } from "../core/validation";

/** What the lifecycle policy keeps: the newest tagged images, and untagged images for a while. */
export interface ImageRetention {
  /** Tag prefixes of the images whose newest `keepTaggedImages` are kept, e.g. `["v"]`. */
  readonly tagPrefixes: readonly string[];
  /** How many of those images to keep. */
  readonly keepTaggedImages: number;
  /** Days after which untagged images expire. */
  readonly expireUntaggedAfterDays: number;
}

export interface InferenceRepositoryProps {
  /** Name of the repository. */
  readonly repositoryName: string;
  /**
   * `MUTABLE` or `IMMUTABLE` tags.
   *
   * @default "MUTABLE"
   */
  readonly imageTagMutability?: string;
  /**
   * Whether ECR scans each image for vulnerabilities when it is pushed; may be a Terraform expression.
   *
   * @default true
   */
  readonly scanOnPush?: boolean | IResolvable;
  /**
   * ARN of the KMS key that encrypts the images.
   *
   * @default - AES256 with an AWS owned key
   */
  readonly kmsKeyArn?: string;
  /**
   * Whether `terraform destroy` deletes the repository with its images.
   *
   * @default false
   */
  readonly forceDelete?: boolean;
  /**
   * What the lifecycle policy keeps.
   *
   * @default - no lifecycle policy: images are kept forever
   */
  readonly retention?: ImageRetention;
  /**
   * Tags of the repository.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const RETENTION_KEYS = knownKeys<ImageRetention>({
  tagPrefixes: STRINGS,
  keepTaggedImages: NUMBER,
  expireUntaggedAfterDays: NUMBER,
});
const REPOSITORY_KEYS = knownKeys<InferenceRepositoryProps>({
  repositoryName: STRING,
  imageTagMutability: optional(STRING),
  scanOnPush: optional(BOOLEAN_OR_EXPRESSION),
  kmsKeyArn: optional(STRING),
  forceDelete: optional(BOOLEAN),
  retention: optional(RETENTION_KEYS),
  tags: optional(TAGS),
});

/**
 * A private ECR repository for an inference image: scanned on push, encrypted, with a repository policy that lets
 * SageMaker pull its images for this account and a lifecycle policy that expires old images.
 */
export class InferenceRepository extends Construct {
  /** The repository. */
  public readonly repository: EcrRepository;
  /** The repository policy document. */
  public readonly policyDocument: DataAwsIamPolicyDocument;
  /** The repository policy. */
  public readonly policy: EcrRepositoryPolicy;
  /** The lifecycle policy, when `retention` is given. */
  public readonly lifecyclePolicy?: EcrLifecyclePolicy;

  public constructor(scope: Construct, id: string, props: InferenceRepositoryProps) {
    super(scope, id);
    REPOSITORY_KEYS.refuseWrongShape(this, props);
    const retention = props.retention;
    const problems = new Problems();
    REPOSITORY_KEYS.check(problems, "", props);
    RETENTION_KEYS.check(problems, "retention", retention);
    problems
      .check("repositoryName", props.repositoryName, ECR_REPOSITORY_NAME)
      .check("imageTagMutability", props.imageTagMutability, ECR_TAG_MUTABILITY);
    if (retention) {
      problems
        .check("retention.keepTaggedImages", retention.keepTaggedImages, integerAtLeast(1))
        .check(
          "retention.expireUntaggedAfterDays",
          retention.expireUntaggedAfterDays,
          integerAtLeast(1),
        );
      if (retention.tagPrefixes.length === 0) {
        problems.add("retention.tagPrefixes", [], "at least one tag prefix");
      }
    }
    checkResourceTags(problems, "tags", props.tags);
    problems.throwIfAny(this);

    this.repository = new EcrRepository(this, "repository", {
      name: props.repositoryName,
      imageTagMutability: props.imageTagMutability ?? "MUTABLE",
      forceDelete: props.forceDelete ?? false,
      imageScanningConfiguration: { scanOnPush: props.scanOnPush ?? true },
      encryptionConfiguration: [
        props.kmsKeyArn === undefined
          ? { encryptionType: "AES256" }
          : { encryptionType: "KMS", kmsKey: props.kmsKeyArn },
      ],
      tags: props.tags ? { ...props.tags } : undefined,
    });

    // SageMaker pulls with the execution role's permissions; this statement covers pulls SageMaker makes as
    // itself.
    this.policyDocument = new DataAwsIamPolicyDocument(this, "policy-document", {
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
              values: [AwsContext.of(this).accountId],
            },
          ],
        },
      ],
    });
    this.policy = new EcrRepositoryPolicy(this, "policy", {
      repository: this.repository.name,
      policy: this.policyDocument.json,
    });

    if (retention) {
      this.lifecyclePolicy = new EcrLifecyclePolicy(this, "lifecycle-policy", {
        repository: this.repository.name,
        policy: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              description: `Keep last ${retention.keepTaggedImages} images`,
              selection: {
                tagStatus: "tagged",
                tagPrefixList: [...retention.tagPrefixes],
                countType: "imageCountMoreThan",
                countNumber: retention.keepTaggedImages,
              },
              action: { type: "expire" },
            },
            {
              rulePriority: 2,
              description: `Delete untagged images older than ${retention.expireUntaggedAfterDays} day${retention.expireUntaggedAfterDays === 1 ? "" : "s"}`,
              selection: {
                tagStatus: "untagged",
                countType: "sinceImagePushed",
                countUnit: "days",
                countNumber: retention.expireUntaggedAfterDays,
              },
              action: { type: "expire" },
            },
          ],
        }),
      });
    }
  }

  /** The repository's URL, `<account>.dkr.ecr.<region>.<dns suffix>/<name>`. */
  public get repositoryUrl(): string {
    return this.repository.repositoryUrl;
  }

  /** The repository's ARN. */
  public get repositoryArn(): string {
    return this.repository.arn;
  }

  /** The repository's name. */
  public get repositoryName(): string {
    return this.repository.name;
  }
}

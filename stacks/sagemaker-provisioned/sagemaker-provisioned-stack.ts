import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Id as RandomId } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { dependable, Fn, TerraformLocal } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { S3_BUCKET_NAME } from "../../modules/core/limits/s3";
import { addPreconditions } from "../../modules/core/preconditions";
import { tagsWithName } from "../../modules/core/tags";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { Problems } from "../../modules/core/validation";
import { AttachedPolicy } from "../../modules/iam/attached-policy";
import { inferenceExecutionDocument } from "../../modules/iam/inference-execution-policy";
import { ServiceRole } from "../../modules/iam/service-role";
import { ecrRepositoryArn } from "../../modules/images/ecr-repository";
import { InferenceRepository } from "../../modules/images/inference-repository";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import { pinnedToDigest } from "../../modules/images/image-digest";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import { ProjectStack } from "../project-stack";
import { acknowledgeRecipeChoices } from "./acknowledgements";
import { recipeAddresses } from "./addresses";
import { recipeAlarms } from "./alarms";
import { keyServiceAccess } from "./key-access";
import {
  DATA_CAPTURE_PREFIX,
  ENDPOINT_KEY,
  MODEL_KEY,
  SCALING_POLICY_KEY,
  VARIANT_NAME,
} from "./keys";
import {
  IRIS_SAMPLE_ENVIRONMENT,
  IRIS_SAMPLE_IMAGE,
  irisSampleImage,
  RECIPE_CONTAINER_ENVIRONMENT,
} from "./iris-sample";
import { checkModelArtifact, modelArtifactLocation, type ModelArtifact } from "./model-artifact";
import { recipeOutputs } from "./outputs";
import { guardRecipe } from "./preconditions";
import { switchesOf, type SagemakerProvisionedStackProps, type Switches } from "./switches";
import { securityVariables, type SecurityVariables } from "./security-variables";
import { recipeVariables, type RecipeVariables } from "./variables";

export type { SagemakerProvisionedStackProps } from "./switches";

/**
 * Stack `sagemaker-provisioned`: the recipe "SageMaker Model Endpoints for ML Inference" (seed 002): a model on an
 * instance-backed endpoint, with its image repository, artifact bucket, execution role, KMS key, logs, data capture,
 * auto scaling, alarms, notifications and dashboard.
 *
 * By default the model is the iris sample that ships with the project, on the region's prebuilt scikit-learn image,
 * uploaded by the stack: it deploys on an empty account. `modelArtifact` `s3` or `local-file` is the recipe's own
 * container route. The recipe's `enable_*` switches are typed props; its other inputs are Terraform variables with
 * the recipe's names, defaults and validations. Resources keep the recipe's addresses; those the recipe counted
 * (`count = switch ? 1 : 0`) get a `moved` block from instance 0.
 */
export class SagemakerProvisionedStack extends ProjectStack {
  public readonly switches: Switches;
  public readonly variables: RecipeVariables;
  /** The variables beyond the recipe's: captured data retention, image digest. */
  public readonly securityVariables: SecurityVariables;
  /** The KMS key, with encryption on (counted: only when no `kms_key_id` is given). */
  public readonly encryptionKey?: EncryptionKey;
  public readonly repository: InferenceRepository;
  public readonly artifacts: ArtifactBucket;
  public readonly executionRole: ServiceRole;
  public readonly executionPolicy: AttachedPolicy;
  /** The ARN of the key that encrypts everything (`local.kms_key_arn`), with encryption on. */
  public readonly kmsKeyArn?: string;
  /** The execution role's KMS permissions, with encryption on. */
  public readonly kmsPolicy?: AttachedPolicy;
  /** The endpoint's log group, with CloudWatch logs on. */
  public readonly logGroup?: CloudwatchLogGroup;
  public readonly inference: SagemakerInference;
  /** The alerts topic, with SNS notifications on. */
  public readonly alerts?: AlertsTopic;
  /** The dashboard, with endpoint monitoring on. */
  public readonly dashboard?: EndpointDashboard;
  /** The model's image (`local.model_image`): `local.container_image`, pinned when `container_image_digest` is set. */
  public readonly modelImage: string;

  public constructor(scope: Construct, id: string, props: SagemakerProvisionedStackProps = {}) {
    super(scope, id);
    const switches = switchesOf(props);
    // Correction: the recipe's defaults (its own, still empty repository and an artifact nobody uploaded) cannot
    // deploy without steps outside Terraform; the default here is the iris sample, which can.
    const artifact: ModelArtifact = props.modelArtifact ?? { source: "iris-sample" };
    const sample = artifact.source === "iris-sample";
    const problems = new Problems();
    checkModelArtifact(problems, artifact);
    problems.throwIfAny(this);
    this.switches = switches;

    this.keepAddresses(recipeAddresses(switches, artifact, props.accessLogging !== undefined));
    const v = recipeVariables(
      this,
      props.environment ?? "dev",
      sample
        ? `the region's prebuilt scikit-learn image (${IRIS_SAMPLE_IMAGE})`
        : "the stack's ECR repository, tag latest",
    );
    this.variables = v;
    const sv = (this.securityVariables = securityVariables(this));
    new AwsProvider(this, "aws", {
      region: v.region.stringValue,
      defaultTags: [
        {
          tags: {
            Project: "sagemaker-ml-endpoints",
            Environment: v.environment.stringValue,
            ManagedBy: "terraform",
          },
        },
      ],
    });
    new RandomProvider(this, "random");
    const aws = AwsContext.of(this);

    const suffix = new RandomId(this, "suffix", { byteLength: 4 });
    const prefix = new TerraformLocal(
      this,
      "name_prefix",
      `${v.projectName.stringValue}-${v.environment.stringValue}`,
    ).asString;
    const commonTags = new TerraformLocal(
      this,
      "common_tags",
      Fn.merge([
        {
          Project: v.projectName.stringValue,
          Environment: v.environment.stringValue,
          ManagedBy: "terraform",
        },
        v.additionalTags.value,
      ]),
    ).asStringMap;
    const tagged = (name: string) => tagsWithName(commonTags, name);
    const names = {
      model: `${prefix}-${v.modelName.stringValue}`,
      endpointConfiguration: `${prefix}-${v.modelName.stringValue}-config`,
      endpoint: `${prefix}-${v.modelName.stringValue}-endpoint`,
      executionRole: `${prefix}-sagemaker-execution-role`,
    };

    // The key exists unless kms_key_id names one (the recipe's count); kms_key_arn is whichever is used.
    const keyAccess = keyServiceAccess(aws, names.endpoint, switches);
    this.encryptionKey = switches.enableEncryption
      ? new EncryptionKey(this, "encryption-key", {
          description: "KMS key for SageMaker endpoint encryption",
          aliasName: `alias/${prefix}-sagemaker-key`,
          deletionWindowInDays: 7,
          serviceAccess: keyAccess,
          tags: tagged(`${prefix}-sagemaker-key`),
          createIf: isEmptyString(v.kmsKeyId.stringValue),
        })
      : undefined;
    const kmsKeyArn = (this.kmsKeyArn = this.encryptionKey
      ? new TerraformLocal(
          this,
          "kms_key_arn",
          Fn.conditional(
            isEmptyString(v.kmsKeyId.stringValue),
            this.encryptionKey.keyArn,
            v.kmsKeyId.stringValue,
          ),
        ).asString
      : undefined);

    this.repository = new InferenceRepository(this, "inference-repository", {
      repositoryName: v.ecrRepositoryName.stringValue,
      imageTagMutability: v.ecrImageTagMutability.stringValue,
      scanOnPush: v.ecrImageScanOnPush.booleanValue,
      kmsKeyArn,
      forceDelete: true,
      retention: { tagPrefixes: ["v"], keepTaggedImages: 10, expireUntaggedAfterDays: 1 },
      tags: tagged(`${prefix}-inference-repository`),
    });
    const bucketName = new TerraformLocal(
      this,
      "bucket_name",
      Fn.conditional(
        isEmptyString(v.s3BucketName.stringValue),
        `${prefix}-models-${suffix.hex}`,
        v.s3BucketName.stringValue,
      ),
    ).asString;
    this.artifacts = new ArtifactBucket(this, "model-artifacts", {
      bucketName,
      forceDestroy: v.s3ForceDestroy.booleanValue,
      kmsKeyArn,
      lifecycleRuleId: "model_artifacts_lifecycle",
      // Correction: the recipe captures every request and response and keeps them forever; inference payloads may
      // hold personal data. They expire after data_capture_retention_days.
      prefixExpirations: [
        {
          id: "data_capture_expiration",
          prefix: `${DATA_CAPTURE_PREFIX}/`,
          days: sv.dataCaptureRetentionDays.numberValue,
        },
      ],
      accessLogging: props.accessLogging,
      tags: tagged(`${prefix}-model-artifacts`),
    });
    addPreconditions(this.artifacts.bucket, [
      {
        condition: S3_BUCKET_NAME.condition(bucketName),
        errorMessage: `The bucket name is '${bucketName}'; allowed: ${S3_BUCKET_NAME.description}. Set s3_bucket_name, or shorten project_name or environment (the generated name adds 16 characters).`,
      },
    ]);
    const artifactLocation = modelArtifactLocation(this, artifact, this.artifacts, v.modelDataUrl);
    const modelDataUrl = new TerraformLocal(this, "model_artifact_url", artifactLocation.url)
      .asString;
    const sampleImage = sample ? irisSampleImage(this, v.containerImageUri.stringValue) : undefined;
    const taggedImage = new TerraformLocal(
      this,
      "container_image",
      sampleImage?.uri ??
        Fn.conditional(
          isEmptyString(v.containerImageUri.stringValue),
          `${this.repository.repositoryUrl}:latest`,
          v.containerImageUri.stringValue,
        ),
    ).asString;
    // The image the model runs: pinned to container_image_digest when it is set (docs/security.md).
    const image = (this.modelImage = new TerraformLocal(
      this,
      "model_image",
      pinnedToDigest(taggedImage, sv.containerImageDigest.stringValue),
    ).asString);

    // Correction: the recipe's trust policy lets any SageMaker request assume the role; this one carries the
    // confused-deputy condition (aws:SourceArn of this account and region).
    this.executionRole = new ServiceRole(this, "execution-role", {
      roleName: names.executionRole,
      servicePrincipal: "sagemaker.amazonaws.com",
      tags: tagged(names.executionRole),
    });
    const executionDocument = inferenceExecutionDocument(this, "execution-policy-document", {
      imageRepositoryArns: [ecrRepositoryArn(this, image)],
      modelArtifactArns: [
        Fn.replace(modelDataUrl, "/^s3://(.*)$/", `arn:${aws.partition}:s3:::$1`),
      ],
      endpointName: names.endpoint,
      dataCaptureArns: [this.artifacts.objectArn(`${DATA_CAPTURE_PREFIX}/*`)],
      // Correction: the recipe forgets the network interface permissions a model in a VPC needs; these are scoped to
      // the model's subnets and security groups (see networkInterfaceStatements).
      vpcNetworkInterfaces: switches.enableVpcConfig
        ? { subnetIds: v.subnetIds.listValue, securityGroupIds: v.securityGroupIds.listValue }
        : undefined,
    });
    // Correction: the recipe lets the role get, put, delete and list everything in the bucket, pull from every
    // repository and write every /aws/sagemaker/ log group, with ARNs in the aws partition. Hosting needs the
    // artifact, the image's repository, the captured data's prefix and the endpoint's own log group (and, in a VPC,
    // network interfaces, which the recipe forgets).
    this.executionPolicy = new AttachedPolicy(this, "execution-policy", {
      policyName: `${prefix}-sagemaker-execution-policy`,
      description: "Policy for SageMaker execution role",
      policy: executionDocument.json,
      roleName: this.executionRole.roleName,
    });
    if (kmsKeyArn) {
      const document = new DataAwsIamPolicyDocument(this, "kms-policy-document", {
        statement: [
          {
            effect: "Allow",
            actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
            resources: [kmsKeyArn],
          },
        ],
      });
      this.kmsPolicy = new AttachedPolicy(this, "kms-policy", {
        policyName: `${prefix}-sagemaker-kms-policy`,
        description: "KMS permissions for SageMaker execution role",
        policy: document.json,
        roleName: this.executionRole.roleName,
      });
    }

    if (switches.enableCloudwatchLogs) {
      // Correction: the recipe names the group /aws/sagemaker/Endpoints/<prefix>-<model_name>, but SageMaker writes
      // to /aws/sagemaker/Endpoints/<endpoint name> (<prefix>-<model_name>-endpoint) and creates that group itself,
      // without retention or key: the recipe's group stays empty. This one is the endpoint's, made before it.
      this.logGroup = new CloudwatchLogGroup(this, "endpoint-logs", {
        name: `/aws/sagemaker/Endpoints/${names.endpoint}`,
        retentionInDays: v.cloudwatchLogRetentionDays.numberValue,
        kmsKeyId: kmsKeyArn,
        tags: tagged(`${prefix}-endpoint-logs`),
      });
    }

    this.alerts = switches.enableSnsNotifications
      ? new AlertsTopic(this, "alerts", {
          topicName: `${prefix}-sagemaker-alerts`,
          displayName: "SageMaker Endpoint Alerts",
          kmsKeyArn,
          emailEndpoint: v.snsEmailEndpoint.stringValue,
          tags: tagged(`${prefix}-sagemaker-alerts`),
        })
      : undefined;

    this.inference = new SagemakerInference(this, "inference", {
      managedByTag: false,
      models: {
        [MODEL_KEY]: {
          name: names.model,
          iamRoleArn: this.executionRole.roleArn,
          primaryContainer: true,
          containerDefinitions: {
            [MODEL_KEY]: {
              image,
              modelDataLocation: modelDataUrl,
              environmentVariables: sample ? IRIS_SAMPLE_ENVIRONMENT : RECIPE_CONTAINER_ENVIRONMENT,
            },
          },
          enableNetworkIsolation: false,
          vpcConfig: switches.enableVpcConfig
            ? {
                securityGroupIds: v.securityGroupIds.listValue,
                subnetIds: v.subnetIds.listValue,
              }
            : undefined,
          additionalTags: tagged(names.model),
        },
      },
      endpoints: {
        [ENDPOINT_KEY]: {
          name: names.endpoint,
          endpointConfigurationName: names.endpointConfiguration,
          // Correction: the recipe writes a kms_key_id block, which the AWS provider refuses (the recipe cannot
          // even plan); the attribute is kms_key_arn.
          encryptionKeyArn: kmsKeyArn,
          endpointConfigurationAdditionalTags: tagged(names.endpointConfiguration),
          endpointAdditionalTags: tagged(names.endpoint),
          provisioned: {
            productionVariants: {
              [MODEL_KEY]: {
                variantName: VARIANT_NAME,
                instanceType: v.endpointInstanceType.stringValue,
                initialInstanceCount: v.endpointInitialInstanceCount.numberValue,
                initialWeight: v.endpointInitialVariantWeight.numberValue,
                autoScaling: switches.enableAutoScaling
                  ? {
                      minimumCapacity: v.autoScalingMinCapacity.numberValue,
                      maximumCapacity: v.autoScalingMaxCapacity.numberValue,
                      additionalTags: commonTags,
                      policies: {
                        [SCALING_POLICY_KEY]: {
                          expression: `SageMakerVariantInvocationsPerInstance = ${v.autoScalingTargetValue.stringValue}`,
                          policyName: `${prefix}-sagemaker-scaling-policy`,
                          // The recipe's CDK version: scale in after 5 minutes, out after 1.
                          scaleInCooldownPeriod: "5 minutes",
                          scaleOutCooldownPeriod: "1 minute",
                        },
                      },
                    }
                  : undefined,
                cloudwatchAlarms: switches.enableEndpointMonitoring
                  ? recipeAlarms(prefix, v, commonTags, this.alerts?.topicArn)
                  : undefined,
              },
            },
            enableDataCapture: {
              s3LocationToStoreDataCollected: `s3://${this.artifacts.bucketName}/${DATA_CAPTURE_PREFIX}`,
              samplingPercentage: 100,
              captureContentType: { json: ["application/json"] },
              dataCaptureOptions: { combineInputAndOutput: false },
            },
          },
        },
      },
    });
    guardRecipe(v, switches, this.inference, this.executionRole.role);
    if (sampleImage)
      addPreconditions(this.inference.models[MODEL_KEY]!, [sampleImage.precondition]);
    if (this.logGroup) {
      // SageMaker creates the endpoint's log group itself if it is missing: the group comes first.
      const endpoint = this.inference.endpoints[ENDPOINT_KEY]!;
      endpoint.dependsOn = [...(endpoint.dependsOn ?? []), dependable(this.logGroup)];
    }

    this.dashboard = switches.enableEndpointMonitoring
      ? new EndpointDashboard(this, "dashboard", {
          dashboardName: `${prefix}-sagemaker-dashboard`,
          endpointName: this.inference.endpointName(ENDPOINT_KEY),
          variantName: VARIANT_NAME,
          region: aws.region,
        })
      : undefined;

    acknowledgeRecipeChoices(this);
    this.moveFromFirstInstance(
      ...[
        this.kmsPolicy?.policy,
        this.kmsPolicy?.attachment,
        this.logGroup,
        ...Object.values(this.inference.scalingTargets),
        ...Object.values(this.inference.scalingPolicies),
        ...Object.values(this.inference.alarms),
        this.alerts?.topic,
        this.dashboard?.dashboard,
      ].filter((resource) => resource !== undefined),
    );
    recipeOutputs(this, { artifactUploaded: artifactLocation.upload !== undefined, sample });
  }
}

import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Id as RandomId } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { dependable, Fn, Op, TerraformLocal } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import {
  derivedNamePrecondition,
  IAM_ROLE_NAME_LIMIT,
  S3_BUCKET_NAME_LIMIT,
  SAGEMAKER_NAME_LIMIT,
} from "../../modules/core/derived-names";
import { addPreconditions } from "../../modules/core/preconditions";
import { tagsWithName } from "../../modules/core/tags";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { Problems } from "../../modules/core/validation";
import { AttachedPolicy } from "../../modules/iam/attached-policy";
import { inferenceExecutionDocument } from "../../modules/iam/inference-execution-policy";
import { ServiceRole } from "../../modules/iam/service-role";
import { ecrRepositoryArn } from "../../modules/images/ecr-repository";
import { InferenceRepository } from "../../modules/images/inference-repository";
import { EncryptionKey, type KeyServiceAccess } from "../../modules/kms/encryption-key";
import { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import { acknowledge } from "../../modules/policy/acknowledgements";
import type { AlarmProps } from "../../modules/sagemaker-inference/props";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import { ProjectStack } from "../project-stack";
import { recipeAddresses } from "./addresses";
import {
  ALARM_KEYS,
  DATA_CAPTURE_PREFIX,
  ENDPOINT_KEY,
  MODEL_KEY,
  SCALING_POLICY_KEY,
  VARIANT_NAME,
} from "./keys";
import { checkModelArtifact, modelArtifactLocation, type ModelArtifact } from "./model-artifact";
import { recipeOutputs } from "./outputs";
import { RECIPE_SWITCHES, type SagemakerProvisionedStackProps, type Switches } from "./switches";
import { recipeVariables, type RecipeVariables } from "./variables";

export type { SagemakerProvisionedStackProps } from "./switches";

/**
 * Stack `sagemaker-provisioned`: the recipe "SageMaker Model Endpoints for ML Inference" (seed 002): a model on an
 * instance-backed endpoint, with its image repository, artifact bucket, execution role, KMS key, logs, data capture,
 * auto scaling, alarms, notifications and dashboard.
 *
 * The recipe's `enable_*` switches are typed props; its other inputs are Terraform variables with the recipe's names,
 * defaults and validations. Resources keep the recipe's addresses; those the recipe counted (`count = switch ? 1 : 0`)
 * get a `moved` block from instance 0.
 */
export class SagemakerProvisionedStack extends ProjectStack {
  public readonly switches: Switches;
  public readonly variables: RecipeVariables;
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

  public constructor(scope: Construct, id: string, props: SagemakerProvisionedStackProps = {}) {
    super(scope, id);
    const switches: Switches = { ...RECIPE_SWITCHES, ...withoutUndefined(props) };
    const artifact: ModelArtifact = props.modelArtifact ?? { source: "s3" };
    const problems = new Problems();
    checkModelArtifact(problems, artifact);
    problems.throwIfAny(this);
    this.switches = switches;

    this.keepAddresses(recipeAddresses(switches, artifact));
    const v = recipeVariables(this, props.environment ?? "dev");
    this.variables = v;
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
    const keyAccess = this.keyServiceAccess(aws, names.endpoint, switches);
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
    acknowledge(
      this.repository.repository,
      "ecr-scan-on-push",
      "scan_on_push is the recipe's variable ecr_image_scan_on_push, true unless a user turns scanning off on purpose.",
    );

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
      tags: tagged(`${prefix}-model-artifacts`),
    });
    addPreconditions(this.artifacts.bucket, [
      {
        condition: S3_BUCKET_NAME_LIMIT.condition(bucketName),
        errorMessage: `The bucket name is '${bucketName}'; allowed: ${S3_BUCKET_NAME_LIMIT.description}. Set s3_bucket_name, or shorten project_name or environment (the generated name adds 16 characters).`,
      },
    ]);
    const artifactLocation = modelArtifactLocation(this, artifact, this.artifacts, v.modelDataUrl);
    const modelDataUrl = new TerraformLocal(this, "model_artifact_url", artifactLocation.url)
      .asString;
    const image = new TerraformLocal(
      this,
      "container_image",
      Fn.conditional(
        isEmptyString(v.containerImageUri.stringValue),
        `${this.repository.repositoryUrl}:latest`,
        v.containerImageUri.stringValue,
      ),
    ).asString;

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
      vpcNetworkInterfaces: switches.enableVpcConfig,
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
              environmentVariables: {
                SAGEMAKER_PROGRAM: "predictor.py",
                SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/code",
              },
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
          encryptionKey: kmsKeyArn,
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
                  ? this.alarms(prefix, v, commonTags)
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
    this.guardInference(v, switches);

    this.dashboard = switches.enableEndpointMonitoring
      ? new EndpointDashboard(this, "dashboard", {
          dashboardName: `${prefix}-sagemaker-dashboard`,
          endpointName: this.inference.endpointName(ENDPOINT_KEY),
          variantName: VARIANT_NAME,
          region: aws.region,
        })
      : undefined;

    if (!switches.enableEncryption) this.acknowledgeNoEncryption();
    acknowledge(
      this.inference.models[MODEL_KEY]!,
      "sagemaker-model-network-isolation",
      "Kept from the recipe (enable_network_isolation = false): isolating the model would replace the recipe's model when its state moves here, and the container is the user's own image, which may need the network.",
    );
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
    recipeOutputs(this, { artifactUploaded: artifactLocation.upload !== undefined });
  }

  /** The recipe's three alarms, every 5 minutes. */
  private alarms(
    prefix: string,
    v: RecipeVariables,
    commonTags: Record<string, string>,
  ): Record<string, AlarmProps> {
    const alarm = (name: string, expression: string, description: string): AlarmProps => ({
      expression,
      description,
      alarmName: `${prefix}-${name}`,
      period: "5 minutes",
      evaluationPeriods: v.alarmEvaluationPeriods.numberValue,
      datapointsToAlarm: v.alarmDatapointsToAlarm.numberValue,
      notificationSnsTopic: this.alerts?.topicArn,
      additionalTags: tagsWithName(commonTags, `${prefix}-${name}`),
    });
    return {
      [ALARM_KEYS.invocationErrors]: alarm(
        "endpoint-invocation-errors",
        "Invocation4XXErrors sum > 0",
        "This metric monitors SageMaker endpoint 4XX errors",
      ),
      [ALARM_KEYS.modelErrors]: alarm(
        "endpoint-model-errors",
        "Invocation5XXErrors sum > 0",
        "This metric monitors SageMaker endpoint 5XX errors",
      ),
      // Correction: the recipe's threshold 10000 is meant as 10 seconds in milliseconds, but ModelLatency is
      // reported in microseconds: 10 seconds is 10000000.
      [ALARM_KEYS.highLatency]: alarm(
        "endpoint-high-latency",
        "ModelLatency average > 10000000",
        "This metric monitors SageMaker endpoint latency",
      ),
    };
  }

  /**
   * What the key policy lets services do. Correction: the recipe's key lets only SageMaker in (without a condition),
   * so CloudWatch Logs cannot encrypt the log group with it (creating the group fails) and alarms cannot publish to
   * the encrypted topic (notifications are dropped).
   */
  private keyServiceAccess(
    aws: AwsContext,
    endpointName: string,
    switches: Switches,
  ): KeyServiceAccess[] {
    const thisAccount = {
      test: "StringEquals",
      variable: "aws:SourceAccount",
      values: [aws.accountId],
    };
    return [
      {
        sid: "Allow SageMaker Service",
        servicePrincipal: "sagemaker.amazonaws.com",
        actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
        conditions: [thisAccount],
      },
      ...(switches.enableCloudwatchLogs
        ? [
            {
              sid: "Allow CloudWatch Logs",
              servicePrincipal: `logs.${aws.region}.${aws.dnsSuffix}`,
              actions: [
                "kms:Encrypt*",
                "kms:Decrypt*",
                "kms:ReEncrypt*",
                "kms:GenerateDataKey*",
                "kms:Describe*",
              ],
              conditions: [
                {
                  test: "ArnLike",
                  variable: "kms:EncryptionContext:aws:logs:arn",
                  values: [
                    aws.arn({
                      service: "logs",
                      resource: `log-group:/aws/sagemaker/Endpoints/${endpointName}`,
                    }),
                  ],
                },
              ],
            },
          ]
        : []),
      ...(switches.enableSnsNotifications
        ? [
            {
              sid: "Allow CloudWatch Alarms",
              servicePrincipal: "cloudwatch.amazonaws.com",
              actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
              conditions: [
                thisAccount,
                {
                  test: "ArnLike",
                  variable: "aws:SourceArn",
                  values: [aws.arn({ service: "cloudwatch", resource: "alarm:*" })],
                },
              ],
            },
          ]
        : []),
    ];
  }

  /**
   * Preconditions for what Terraform 1.5 cannot validate on one variable: names built from several variables,
   * and settings that must agree with each other.
   */
  private guardInference(v: RecipeVariables, switches: Switches): void {
    const hint = "Shorten project_name, environment or model_name.";
    const parts = [v.projectName.stringValue, v.environment.stringValue];
    const model = this.inference.models[MODEL_KEY]!;
    const configuration = this.inference.endpointConfigurations[ENDPOINT_KEY]!;
    const endpoint = this.inference.endpoints[ENDPOINT_KEY]!;
    const sagemakerName = (what: string, suffix: string[]) =>
      derivedNamePrecondition(
        `The ${what} name (<project_name>-<environment>-<model_name>${suffix.map((s) => `-${s}`).join("")})`,
        [...parts, v.modelName.stringValue, ...suffix],
        SAGEMAKER_NAME_LIMIT,
        hint,
      );
    addPreconditions(model, [sagemakerName("model", [])]);
    addPreconditions(configuration, [sagemakerName("endpoint configuration", ["config"])]);
    addPreconditions(endpoint, [sagemakerName("endpoint", ["endpoint"])]);
    addPreconditions(this.executionRole.role, [
      derivedNamePrecondition(
        "The execution role name (<project_name>-<environment>-sagemaker-execution-role)",
        [...parts, "sagemaker-execution-role"],
        IAM_ROLE_NAME_LIMIT,
        "Shorten project_name or environment.",
      ),
    ]);
    if (switches.enableVpcConfig) {
      addPreconditions(model, [
        {
          condition: Op.and(
            Op.and(
              Op.gte(Fn.lengthOf(v.subnetIds.listValue), 1),
              Op.lte(Fn.lengthOf(v.subnetIds.listValue), 16),
            ),
            Op.and(
              Op.gte(Fn.lengthOf(v.securityGroupIds.listValue), 1),
              Op.lte(Fn.lengthOf(v.securityGroupIds.listValue), 5),
            ),
          ),
          errorMessage:
            "With the VPC configuration on (enableVpcConfig), subnet_ids needs 1-16 subnets and security_group_ids 1-5 security groups.",
        },
      ]);
    }
    if (this.logGroup) {
      // SageMaker creates the endpoint's log group itself if it is missing: the group comes first.
      endpoint.dependsOn = [...(endpoint.dependsOn ?? []), dependable(this.logGroup)];
    }
    for (const target of Object.values(this.inference.scalingTargets)) {
      addPreconditions(target, [
        {
          condition: Op.not(Fn.startswith(v.endpointInstanceType.stringValue, "ml.t2.")),
          errorMessage: `endpoint_instance_type is ${v.endpointInstanceType.stringValue}: SageMaker cannot auto scale burstable ml.t2 instances. Choose another instance type, or turn auto scaling off (enableAutoScaling: false).`,
        },
        {
          condition: Op.lte(
            v.autoScalingMinCapacity.numberValue,
            v.autoScalingMaxCapacity.numberValue,
          ),
          errorMessage: `auto_scaling_min_capacity (${v.autoScalingMinCapacity.stringValue}) must be at most auto_scaling_max_capacity (${v.autoScalingMaxCapacity.stringValue}).`,
        },
      ]);
    }
    for (const alarm of Object.values(this.inference.alarms)) {
      addPreconditions(alarm, [
        {
          condition: Op.lte(
            v.alarmDatapointsToAlarm.numberValue,
            v.alarmEvaluationPeriods.numberValue,
          ),
          errorMessage: `alarm_datapoints_to_alarm (${v.alarmDatapointsToAlarm.stringValue}) must be at most alarm_evaluation_periods (${v.alarmEvaluationPeriods.stringValue}).`,
        },
      ]);
    }
  }

  /** With encryption off (`enableEncryption: false`), the weaker encryption is the configuration's explicit choice. */
  private acknowledgeNoEncryption(): void {
    const reason =
      "Encryption is off in this stack's configuration (enableEncryption: false, the recipe's enable_encryption): AWS managed encryption only, chosen on purpose.";
    acknowledge(this.artifacts.bucket, "s3-bucket-kms-encryption", reason);
    acknowledge(this.repository.repository, "ecr-kms-encryption", reason);
    const configuration = this.inference.endpointConfigurations[ENDPOINT_KEY]!;
    acknowledge(configuration, "sagemaker-endpoint-kms", reason);
    acknowledge(configuration, "sagemaker-data-capture-kms", reason);
  }
}

/** The props that are set, so that spreading them over the defaults keeps the defaults of the others. */
function withoutUndefined(props: SagemakerProvisionedStackProps): Partial<Switches> {
  const { enableAutoScaling, enableCloudwatchLogs, enableEndpointMonitoring } = props;
  const { enableSnsNotifications, enableVpcConfig, enableEncryption } = props;
  const given = {
    enableAutoScaling,
    enableCloudwatchLogs,
    enableEndpointMonitoring,
    enableSnsNotifications,
    enableVpcConfig,
    enableEncryption,
  };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}

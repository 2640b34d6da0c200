import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { Problems } from "../../modules/core/validation";
import type { AttachedPolicy } from "../../modules/iam/attached-policy";
import type { ServiceRole } from "../../modules/iam/service-role";
import type { InferenceRepository } from "../../modules/images/inference-repository";
import type { EncryptionKey } from "../../modules/kms/encryption-key";
import type { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import type { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import type { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import type { ArtifactBucket } from "../../modules/storage/artifact-bucket";
import { ProjectStack } from "../project-stack";
import {
  acknowledgeAwsManagedEncryption,
  encryptionAddresses,
  keyUsePolicy,
  kmsKeyIdVariable,
  recipeKey,
} from "./encryption";
import { recipeDeployment } from "./deployment";
import { PROVISIONED_STACK_KEYS } from "./props";
import { EXECUTION_ROLE_ADDRESSES, recipeExecutionRole } from "./execution-role";
import {
  REPOSITORY_ADDRESSES,
  recipeRepository,
  repositoryVariables,
  type RepositoryVariables,
} from "./image-repository";
import {
  endpointVariables,
  inferenceAddresses,
  recipeInference,
  type EndpointVariables,
} from "./inference";
import {
  artifactAddresses,
  checkModelArtifact,
  modelDataUrlVariable,
  recipeArtifact,
  type ModelArtifact,
} from "./model-artifact";
import {
  containerImageDigestVariable,
  containerImageUriVariable,
  IMAGE_ADDRESSES,
  recipeImage,
} from "./model-image";
import {
  alertsTopic,
  endpointLogGroup,
  monitorEndpoint,
  monitoringAddresses,
  monitoringVariables,
  recipeAlarmName,
  recipeAlarms,
  type MonitoringVariables,
} from "./monitoring";
import {
  additionalTagsVariable,
  NAMING_ADDRESSES,
  namingVariables,
  recipeNames,
  recipeProviders,
  type NamingVariables,
} from "./naming";
import { networkVariables, recipeNetwork, type NetworkVariables } from "./network";
import { recipeOutputs } from "./outputs";
import { switchesOf, type SagemakerProvisionedStackProps, type Switches } from "./props";
import {
  dataCaptureRetentionVariable,
  recipeStorage,
  storageAddresses,
  storageVariables,
  type StorageVariables,
} from "./storage";

export type { SagemakerProvisionedStackProps } from "./props";

/** The recipe's variables, each as a Terraform variable (the enable_* switches are typed props instead). */
export interface RecipeVariables
  extends
    NamingVariables,
    EndpointVariables,
    RepositoryVariables,
    StorageVariables,
    MonitoringVariables,
    NetworkVariables {
  readonly containerImageUri: TerraformVariable;
  readonly modelDataUrl: TerraformVariable;
  readonly kmsKeyId: TerraformVariable;
  readonly additionalTags: TerraformVariable;
}

/** The variables this stack adds to the recipe's for security: the retention of captured data, image pinning. */
export interface SecurityVariables {
  readonly dataCaptureRetentionDays: TerraformVariable;
  readonly containerImageDigest: TerraformVariable;
}

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
 *
 * Each concern has a file of its own, which declares its variables with their validations, the preconditions that
 * relate them, its resources and their recipe addresses: naming.ts, encryption.ts, image-repository.ts, storage.ts,
 * model-artifact.ts, model-image.ts, network.ts, execution-role.ts, monitoring.ts, deployment.ts, inference.ts,
 * outputs.ts.
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
    PROVISIONED_STACK_KEYS.refuseWrongShape(this, props);
    const switches = (this.switches = switchesOf(props));
    // Correction: the recipe's defaults (its own, still empty repository and an artifact nobody uploaded) cannot
    // deploy without steps outside Terraform; the default here is the iris sample, which can.
    const artifact: ModelArtifact = props.modelArtifact ?? { source: "iris-sample" };
    const sample = artifact.source === "iris-sample";
    const problems = new Problems();
    PROVISIONED_STACK_KEYS.check(problems, "", props);
    checkModelArtifact(problems, artifact);
    const deployment = recipeDeployment(problems, props, switches);
    problems.throwIfAny(this);

    this.keepAddresses({
      ...NAMING_ADDRESSES,
      ...encryptionAddresses(switches),
      ...REPOSITORY_ADDRESSES,
      ...storageAddresses(props.accessLogging !== undefined),
      ...artifactAddresses(artifact),
      ...IMAGE_ADDRESSES,
      ...EXECUTION_ROLE_ADDRESSES,
      ...monitoringAddresses(switches),
      ...inferenceAddresses(switches),
    });
    // In the order of the recipe's variables.tf, which `cdktf synth --hcl` keeps; each concern declares its own.
    const v: RecipeVariables = (this.variables = {
      ...namingVariables(this, props.environment ?? "dev"),
      containerImageUri: containerImageUriVariable(this, sample),
      modelDataUrl: modelDataUrlVariable(this),
      ...endpointVariables(this),
      ...repositoryVariables(this),
      ...storageVariables(this),
      ...monitoringVariables(this),
      ...networkVariables(this),
      kmsKeyId: kmsKeyIdVariable(this),
      additionalTags: additionalTagsVariable(this),
    });
    const sv = (this.securityVariables = {
      dataCaptureRetentionDays: dataCaptureRetentionVariable(this),
      containerImageDigest: containerImageDigestVariable(this),
    });

    recipeProviders(this, v);
    const aws = AwsContext.of(this);
    const names = recipeNames(this, v, v.additionalTags);
    const key = recipeKey(this, { switches, kmsKeyId: v.kmsKeyId, names, aws });
    const kmsKeyArn = (this.kmsKeyArn = key?.keyArn);
    this.encryptionKey = key?.key;
    const repository = (this.repository = recipeRepository(this, {
      variables: v,
      kmsKeyArn,
      names,
    }));
    const storage = recipeStorage(this, {
      variables: v,
      dataCaptureRetentionDays: sv.dataCaptureRetentionDays,
      kmsKeyArn,
      accessLogging: props.accessLogging,
      names,
    });
    const bucket = (this.artifacts = storage.bucket);
    const modelArtifact = recipeArtifact(this, { artifact, bucket, modelDataUrl: v.modelDataUrl });
    const image = recipeImage(this, {
      sample,
      containerImageUri: v.containerImageUri,
      containerImageDigest: sv.containerImageDigest,
      repositoryUrl: repository.repositoryUrl,
    });
    this.modelImage = image.uri;
    const network = recipeNetwork(switches, v);
    const role = recipeExecutionRole(this, {
      names,
      aws,
      imageUri: image.uri,
      artifactUrl: modelArtifact.url,
      dataCaptureObjectsArn: storage.dataCaptureObjectsArn,
      network,
      rollbackAlarmNames: deployment.rollbackAlarmKeys.map((key) => recipeAlarmName(names, key)),
    });
    this.executionRole = role.role;
    this.executionPolicy = role.policy;
    this.kmsPolicy = kmsKeyArn
      ? keyUsePolicy(this, { keyArn: kmsKeyArn, roleName: role.role.roleName, names })
      : undefined;

    const monitoring = { switches, variables: v, names, kmsKeyArn };
    const logGroup = (this.logGroup = endpointLogGroup(this, monitoring));
    const alerts = (this.alerts = alertsTopic(this, monitoring));
    const inference = recipeInference(this, {
      switches,
      variables: v,
      names,
      roleArn: role.role.roleArn,
      image,
      artifactUrl: modelArtifact.url,
      artifactRevision: modelArtifact.revision,
      network,
      // The sample's handler is in its archive and downloads nothing; the recipe's own container may.
      networkIsolation: sample,
      kmsKeyArn,
      dataCaptureUri: storage.dataCaptureUri,
      alarms: switches.enableEndpointMonitoring
        ? recipeAlarms({ variables: v, names, topicArn: alerts?.topicArn })
        : undefined,
      deployment,
    });
    this.inference = inference.engine;
    const alarms = Object.values(inference.alarms);
    this.dashboard = monitorEndpoint(this, {
      ...monitoring,
      aws,
      endpoint: inference.endpoint,
      variantName: inference.variantName,
      alarms,
      logGroup,
    });
    if (!switches.enableEncryption) {
      acknowledgeAwsManagedEncryption({
        bucket: bucket.bucket,
        repository: repository.repository,
        endpointConfiguration: inference.endpointConfiguration,
        logGroup,
        topic: alerts?.topic,
      });
    }

    this.moveFromFirstInstance(
      ...[
        this.kmsPolicy?.policy,
        this.kmsPolicy?.attachment,
        logGroup,
        inference.scalingTarget,
        inference.scalingPolicy,
        ...alarms,
        alerts?.topic,
        this.dashboard?.dashboard,
      ].filter((resource) => resource !== undefined),
    );
    recipeOutputs(this, {
      aws,
      switches,
      sample,
      variables: { ...v, ...sv },
      repository,
      bucket,
      artifact: modelArtifact,
      modelImage: image.uri,
      executionRole: role.role,
      key,
      inference,
      logGroup,
      alerts,
      dashboard: this.dashboard,
    });
  }
}

import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, optional, STRING, STRINGS, TAGS } from "../core/kinds";
import { BLUE_GREEN_KEYS } from "../sagemaker-inference/deployment-checks";
import { addPreconditions } from "../core/preconditions";
import { ECR_IMAGE_URI } from "../core/limits/ecr";
import { S3_BUCKET_NAME } from "../core/limits/s3";
import { checkResourceTags } from "../core/limits/tags";
import { tagsWithName } from "../core/tags";
import { Problems } from "../core/validation";
import { managedPolicyAttachmentId, ServiceRole } from "../iam/service-role";
import { acknowledge } from "../policy/acknowledgements";
import type { BlueGreenProps } from "../sagemaker-inference/props";
import { ServerlessEndpoint } from "../serverless-endpoint/serverless-endpoint";
import { modelImage, ORIGINAL_DEFAULT_IMAGE } from "./image";
import { checkNames, mlModuleNames, namePrecondition, type MlModuleNames } from "./names";
import { executionPolicyDocument, lambdaInvokePolicyDocument } from "./policies";

/** Where the model lives in the bucket: `model.tar.gz` and the inference code archive `code`. */
export const MODEL_PREFIX = "models/optimal-call-time";
export const MODEL_ARTIFACT_KEY = `${MODEL_PREFIX}/model.tar.gz`;
export const INFERENCE_CODE_KEY = `${MODEL_PREFIX}/code`;
/** The AWS managed policy the original attaches to the Lambda role. */
export const LAMBDA_VPC_ACCESS_POLICY = "service-role/AWSLambdaVPCAccessExecutionRole";

/** Why the module attaches AWSLambdaVPCAccessExecutionRole by default (shown in the synth output). */
export const LAMBDA_VPC_ACCESS_REASON =
  "Kept from the original ML module (aws_iam_role_policy_attachment.lambda_vpc_execution), so that moving its " +
  "state changes no permission: functions in a VPC need its network interface actions. Set lambdaVpcAccess: " +
  "false for functions outside a VPC.";

/** Why the serverless endpoint configuration has no KMS key by default (shown in the synth output). */
export const ML_NO_KEY_REASON =
  "Kept from the original ML module, which sets no key: a serverless endpoint has no storage volume of the " +
  "account's, and SageMaker encrypts its copy of the model image with a key of its own. Set " +
  "MlModuleProps.encryptionKeyArn for a customer managed key (its key policy must let the execution role use it).";

/** Why the model's image is a tag (shown in the synth output). */
export const ML_IMAGE_TAG_REASON =
  "The original's sagemaker_container_image default is a tag (1.2-1-cpu-py3), under which AWS publishes " +
  "patched builds. To pin the image, give sagemakerContainerImage as <repository>@sha256:<digest>.";

export interface MlModuleProps {
  /** Project name: with `environment` it begins every resource name, `<projectName>-<environment>-...`. */
  readonly projectName: string;
  /** Environment name, e.g. `dev`, `staging` or `prod`. */
  readonly environment: string;
  /**
   * Name of the S3 bucket that holds the model artifact (`models/optimal-call-time/model.tar.gz`) and the
   * inference code archive (`models/optimal-call-time/code`).
   */
  readonly mlModelsBucket: string;
  /**
   * URI of the inference image, an Amazon ECR image in the deployment region. A value known at synth time is
   * checked; guard one known only at apply time with `ECR_IMAGE_URI.condition` (the ml-module stack validates
   * its variable so), since the pull permission is built from the URI.
   *
   * @default - the SageMaker scikit-learn 1.2-1 CPU image from the deployment region's registry. The original's
   * default, us-east-1's copy of that image ({@link ORIGINAL_DEFAULT_IMAGE}), means the same, also when it is
   * only known at apply time (a Terraform variable that defaults to it).
   */
  readonly sagemakerContainerImage?: string;
  /**
   * Tags of the roles, the model, the endpoint configuration and the endpoint; each also gets `Name` = its own
   * name. May be a map known only at apply time.
   *
   * @default - only `Name`
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Attach the AWS managed policy `AWSLambdaVPCAccessExecutionRole` to the Lambda role, as the original does. It
   * lets functions in a VPC manage their network interfaces, and it also allows CloudWatch Logs writes to every
   * log group of the account, which the role's own policy limits to the functions' log groups. Turn it off when
   * the functions that take the role run outside a VPC: the role then keeps only its inline policy. With it off,
   * pass the same option to {@link mlModuleAddresses}.
   *
   * @default true
   */
  readonly lambdaVpcAccess?: boolean;
  /**
   * ARN of a KMS key that encrypts SageMaker's copy of the model image (the endpoint configuration's
   * `kms_key_arn`). The key policy must let the execution role use the key; the module adds no KMS permission to
   * the role. Setting it replaces the endpoint configuration of a deployment moved from the original.
   *
   * @default - none, as in the original (acknowledged: `sagemaker-endpoint-kms`)
   */
  readonly encryptionKeyArn?: string;
  /**
   * Beyond the original: how SageMaker moves the endpoint to a changed model or configuration. A serverless endpoint
   * takes blue/green with all-at-once traffic shifting: the old fleet kept for `terminationWait` while the rollback
   * alarms are watched, the whole bounded by `maximumExecutionTimeout`. See docs/changing-a-deployed-model.md.
   *
   * @default - none: SageMaker's own update, all traffic at once, no alarms watched (the module has no alarms)
   */
  readonly blueGreen?: BlueGreenProps;
  /**
   * Beyond the original: CloudWatch alarms, by name, that roll a blue/green deployment back (the module creates
   * none). The execution role may describe them (`cloudwatch:DescribeAlarms`), which SageMaker needs to watch them.
   * Rollback alarms are set when the endpoint is created: see docs/changing-a-deployed-model.md.
   *
   * @default - none
   */
  readonly rollbackAlarmNames?: readonly string[];
}

/** Its settings; `blueGreen`'s are checked by the serverless endpoint it is passed to. */
const ML_MODULE_KEYS = knownKeys<MlModuleProps>({
  projectName: STRING,
  environment: STRING,
  mlModelsBucket: STRING,
  sagemakerContainerImage: optional(STRING),
  tags: optional(TAGS),
  lambdaVpcAccess: optional(BOOLEAN),
  encryptionKeyArn: optional(STRING),
  blueGreen: optional(BLUE_GREEN_KEYS),
  rollbackAlarmNames: optional(STRINGS),
});

/**
 * The Mass Voice Campaign ML module: a scikit-learn model served from S3 by a SageMaker serverless endpoint
 * (1024 MB, at most 200 concurrent invocations), its execution role, and a role that lets Lambda functions
 * invoke the endpoint.
 */
export class MlModule extends Construct {
  /** Every resource name, derived from `projectName` and `environment`. */
  public readonly names: MlModuleNames;
  /** The inference image URI the model uses. */
  public readonly image: string;
  /** The role SageMaker assumes to read the model, pull the image and write the endpoint's logs. */
  public readonly executionRole: ServiceRole;
  /** The execution role's inline policy. */
  public readonly executionPolicy: IamRolePolicy;
  /** Model, serverless endpoint configuration and endpoint. */
  public readonly serverless: ServerlessEndpoint;
  /** The role Lambda functions take to invoke the endpoint. */
  public readonly lambdaInvokeRole: ServiceRole;
  /** The Lambda role's inline policy. */
  public readonly lambdaInvokePolicy: IamRolePolicy;
  /** `AWSLambdaVPCAccessExecutionRole` on the Lambda role; `undefined` with `lambdaVpcAccess` off. */
  public readonly lambdaVpcExecution?: IamRolePolicyAttachment;

  public constructor(scope: Construct, id: string, props: MlModuleProps) {
    super(scope, id);
    ML_MODULE_KEYS.refuseWrongShape(this, props);
    this.names = mlModuleNames(props.projectName, props.environment);
    const givenImage = props.sagemakerContainerImage;
    const problems = new Problems();
    ML_MODULE_KEYS.check(problems, "", props);
    checkNames(problems, this.names);
    problems.check("mlModelsBucket", props.mlModelsBucket, S3_BUCKET_NAME);
    if (givenImage !== ORIGINAL_DEFAULT_IMAGE) {
      problems.check("sagemakerContainerImage", givenImage, ECR_IMAGE_URI);
    }
    checkResourceTags(problems, "tags", props.tags, ["Name"]);
    problems.throwIfAny(this);

    const names = this.names;
    const image = modelImage(this, givenImage);
    this.image = image.uri;
    const tags = (name: string) => tagsWithName(props.tags, name);

    // Correction: the original trust policies let any SageMaker or Lambda request assume the roles; these
    // carry the confused-deputy conditions (SageMaker: aws:SourceArn of this account and region; Lambda:
    // aws:SourceAccount of this account).
    this.executionRole = new ServiceRole(this, "sagemaker-execution-role", {
      roleName: names.executionRole,
      servicePrincipal: "sagemaker.amazonaws.com",
      tags: tags(names.executionRole),
    });
    this.executionPolicy = new IamRolePolicy(this, "sagemaker-execution-policy", {
      name: names.executionPolicy,
      role: this.executionRole.role.id,
      policy: executionPolicyDocument(this, "sagemaker-execution-policy-document", {
        bucket: props.mlModelsBucket,
        objectKeys: [MODEL_ARTIFACT_KEY, INFERENCE_CODE_KEY],
        imageRepositoryArn: image.repositoryArn,
        endpointName: names.endpoint,
        rollbackAlarmNames: props.rollbackAlarmNames,
      }).json,
    });

    // As in the original: the tags with each resource's Name, and no managed-by tag.
    this.serverless = new ServerlessEndpoint(this, "serverless", {
      modelName: names.model,
      endpointConfigurationName: names.endpointConfig,
      endpointName: names.endpoint,
      iamRoleArn: this.executionRole.roleArn,
      container: {
        image: image.uri,
        modelDataLocation: `s3://${props.mlModelsBucket}/${MODEL_ARTIFACT_KEY}`,
        environmentVariables: {
          SAGEMAKER_PROGRAM: "inference.py",
          SAGEMAKER_SUBMIT_DIRECTORY: `s3://${props.mlModelsBucket}/${INFERENCE_CODE_KEY}`,
        },
      },
      variantName: "AllTraffic",
      memorySizeInMB: 1024,
      maxConcurrency: 200,
      additionalTags: props.tags,
      nameTag: true,
      managedByTag: false,
      encryptionKeyArn: props.encryptionKeyArn,
      blueGreen: props.blueGreen,
      autoRollback: props.rollbackAlarmNames && { alarmNames: props.rollbackAlarmNames },
      // Correction: the original creates the model alongside the role's policy; SageMaker checks that it
      // can read the model artifact when the model is created, so the policy has to be in place first.
      dependsOn: [this.executionPolicy],
    });
    const { model, endpointConfiguration, endpoint } = this.serverless;
    if (props.encryptionKeyArn === undefined) {
      acknowledge(endpointConfiguration, "sagemaker-endpoint-kms", ML_NO_KEY_REASON);
    }
    acknowledge(model, "sagemaker-model-image-digest", ML_IMAGE_TAG_REASON);
    const nameCheck = (resource: Parameters<typeof namePrecondition>[2]) =>
      namePrecondition(props.projectName, props.environment, resource);
    addPreconditions(model, [...nameCheck("model"), ...image.preconditions]);
    addPreconditions(endpointConfiguration, nameCheck("endpointConfig"));
    addPreconditions(endpoint, nameCheck("endpoint"));
    addPreconditions(this.executionRole.role, nameCheck("executionRole"));

    this.lambdaInvokeRole = new ServiceRole(this, "lambda-sagemaker-invoke-role", {
      roleName: names.lambdaInvokeRole,
      servicePrincipal: "lambda.amazonaws.com",
      managedPolicies: (props.lambdaVpcAccess ?? true) ? [LAMBDA_VPC_ACCESS_POLICY] : [],
      tags: tags(names.lambdaInvokeRole),
    });
    addPreconditions(this.lambdaInvokeRole.role, nameCheck("lambdaInvokeRole"));
    this.lambdaVpcExecution =
      this.lambdaInvokeRole.managedPolicyAttachments[LAMBDA_VPC_ACCESS_POLICY];
    if (this.lambdaVpcExecution) {
      acknowledge(this.lambdaVpcExecution, "iam-broad-managed-policy", LAMBDA_VPC_ACCESS_REASON);
    }
    this.lambdaInvokePolicy = new IamRolePolicy(this, "lambda-sagemaker-invoke-policy", {
      name: names.lambdaInvokePolicy,
      role: this.lambdaInvokeRole.role.id,
      policy: lambdaInvokePolicyDocument(this, "lambda-sagemaker-invoke-policy-document", {
        endpointName: names.endpoint,
        functionNamePrefix: `${names.prefix}-`,
      }).json,
    });
  }

  /** The endpoint's name. */
  public get endpointName(): string {
    return this.serverless.endpoint.name;
  }

  /** The endpoint's ARN. */
  public get endpointArn(): string {
    return this.serverless.endpoint.arn;
  }

  /** The model's name. */
  public get modelName(): string {
    return this.serverless.model.name;
  }

  /** The execution role's ARN. */
  public get executionRoleArn(): string {
    return this.executionRole.roleArn;
  }

  /** The Lambda invoke role's ARN. */
  public get lambdaInvokeRoleArn(): string {
    return this.lambdaInvokeRole.roleArn;
  }

  /** The Lambda invoke role's name. */
  public get lambdaInvokeRoleName(): string {
    return this.lambdaInvokeRole.roleName;
  }
}

/**
 * The original module's Terraform names by construct path below the stack, for an {@link MlModule} created
 * with id `id` (`ProjectStack.keepAddresses`). The data sources and the locals are new: the original wrote its
 * policies inline, used the image variable as given and named its model and configuration without a content hash. Give the module's `lambdaVpcAccess`: without the
 * attachment, its address is left out.
 */
export function mlModuleAddresses(
  id: string,
  options: Pick<MlModuleProps, "lambdaVpcAccess"> = {},
): Record<string, string> {
  const names: Record<string, string> = {
    "sagemaker-execution-role/role": "sagemaker_execution_role",
    "sagemaker-execution-role/trust-policy": "sagemaker_execution_assume_role",
    "sagemaker-execution-policy": "sagemaker_execution_policy",
    "sagemaker-execution-policy-document": "sagemaker_execution_policy",
    "serverless/model": "optimal_call_time_predictor",
    "serverless/endpoint-configuration": "serverless_config",
    "serverless/endpoint": "serverless_endpoint",
    // New: what the model's and the configuration's names are derived from (content-names.ts).
    "serverless/model-content": "optimal_call_time_predictor_content",
    "serverless/endpoint-configuration-content": "serverless_config_content",
    "lambda-sagemaker-invoke-role/role": "lambda_sagemaker_invoke_role",
    "lambda-sagemaker-invoke-role/trust-policy": "lambda_sagemaker_invoke_assume_role",
    ...((options.lambdaVpcAccess ?? true)
      ? {
          [`lambda-sagemaker-invoke-role/${managedPolicyAttachmentId(LAMBDA_VPC_ACCESS_POLICY)}`]:
            "lambda_vpc_execution",
        }
      : {}),
    "lambda-sagemaker-invoke-policy": "lambda_sagemaker_invoke_policy",
    "lambda-sagemaker-invoke-policy-document": "lambda_sagemaker_invoke_policy",
    "image-uri": "image_uri",
  };
  return Object.fromEntries(Object.entries(names).map(([path, name]) => [`${id}/${path}`, name]));
}

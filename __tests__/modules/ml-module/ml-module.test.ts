import { ref, Testing, TerraformStack, Token, type App } from "cdktf";
import { describe, expect, it } from "vitest";
import { ML_MODULE_REASONS } from "../../helpers/reasons";
import {
  expectRegistryTable,
  SKLEARN_INFERENCE_PINNED,
  SKLEARN_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";
import { ORIGINAL_DEFAULT_IMAGE } from "../../../modules/ml-module/image";
import {
  MlModule,
  mlModuleAddresses,
  type MlModuleProps,
} from "../../../modules/ml-module/ml-module";
import { acknowledgementFor } from "../../../modules/policy/acknowledgements";
import { ProjectStack } from "../../../stacks/project-stack";
import { contentName } from "../../helpers/content-names";
import { addresses, resolved, synthStack, type SynthesizedStack } from "../../helpers/synth";
import {
  ACCOUNT,
  ADDRESSES,
  executionPolicy,
  LAMBDA_TRUST,
  lambdaInvokePolicy,
  PARTITION,
  REGION,
  REPOSITORY_OF_IMAGE_LOCAL,
  SAGEMAKER_TRUST,
} from "./expected";
import {
  ECR_IMAGE_URI_WORDS,
  IAM_ROLE_NAME_WORDS,
  S3_BUCKET_NAME_WORDS,
  SAGEMAKER_NAME_WORDS,
} from "../../helpers/allowed";

const MY_IMAGE = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/call-time-model:v3";
const PROPS: MlModuleProps = {
  projectName: "voice",
  environment: "dev",
  mlModelsBucket: "voice-ml-models",
  tags: { team: "ml", Name: "overwritten" },
};

/** A stack that gives the module's resources their original addresses, as the ml-module stack does. */
class ModuleStack extends ProjectStack {
  public readonly ml: MlModule;
  public constructor(app: App, props: MlModuleProps) {
    super(app, "s");
    this.keepAddresses(mlModuleAddresses("ml", props));
    this.ml = new MlModule(this, "ml", props);
  }
}

function synthModule(props: MlModuleProps): { stack: ModuleStack; json: SynthesizedStack } {
  const stack = new ModuleStack(Testing.app(), props);
  return { stack, json: synthStack(stack) };
}

describe("MlModule with values known at synth time", () => {
  const { stack, json } = synthModule(PROPS);
  const resources = json.resource!;
  const documents = json.data!.aws_iam_policy_document!;

  it("creates the original's eight resources under their addresses", () => {
    expect(addresses(json)).toEqual(ADDRESSES);
  });

  it("names every resource <projectName>-<environment>-..., tagged with its own Name over the tags", () => {
    expect(resources.aws_iam_role).toEqual({
      sagemaker_execution_role: {
        name: "voice-dev-sagemaker-execution-role",
        assume_role_policy: "${data.aws_iam_policy_document.sagemaker_execution_assume_role.json}",
        tags: { team: "ml", Name: "voice-dev-sagemaker-execution-role" },
      },
      lambda_sagemaker_invoke_role: {
        name: "voice-dev-lambda-sagemaker-invoke-role",
        assume_role_policy:
          "${data.aws_iam_policy_document.lambda_sagemaker_invoke_assume_role.json}",
        tags: { team: "ml", Name: "voice-dev-lambda-sagemaker-invoke-role" },
      },
    });
    expect(resources.aws_iam_role_policy).toEqual({
      sagemaker_execution_policy: {
        name: "voice-dev-sagemaker-execution-policy",
        role: "${aws_iam_role.sagemaker_execution_role.id}",
        policy: "${data.aws_iam_policy_document.sagemaker_execution_policy.json}",
      },
      lambda_sagemaker_invoke_policy: {
        name: "voice-dev-lambda-sagemaker-invoke-policy",
        role: "${aws_iam_role.lambda_sagemaker_invoke_role.id}",
        policy: "${data.aws_iam_policy_document.lambda_sagemaker_invoke_policy.json}",
      },
    });
    expect(resources.aws_iam_role_policy_attachment).toEqual({
      lambda_vpc_execution: {
        role: "${aws_iam_role.lambda_sagemaker_invoke_role.name}",
        policy_arn: `arn:${PARTITION}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole`,
      },
    });
  });

  it("serves the model artifact from the bucket, after the execution role's policy is in place", () => {
    expect(resources.aws_sagemaker_model).toEqual({
      optimal_call_time_predictor: {
        name: contentName(
          "voice-dev-optimal-call-time-model",
          "optimal_call_time_predictor_content",
        ),
        execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
        primary_container: {
          image: "${local.image_uri}",
          model_data_url: "s3://voice-ml-models/models/optimal-call-time/model.tar.gz",
          environment: {
            SAGEMAKER_PROGRAM: "inference.py",
            SAGEMAKER_SUBMIT_DIRECTORY: "s3://voice-ml-models/models/optimal-call-time/code",
          },
        },
        depends_on: ["aws_iam_role_policy.sagemaker_execution_policy"],
        lifecycle: {
          create_before_destroy: true,
          precondition: [
            {
              condition: `\${contains(keys(local.sklearn_inference_registry_accounts), ${REGION.slice(2, -1)})}`,
              error_message: `No SageMaker scikit-learn image is published for region ${REGION}; regions with one: ${SKLEARN_INFERENCE_REGIONS}. Set the container image to one in the ${REGION} registry.`,
            },
          ],
        },
        tags: { team: "ml", Name: "voice-dev-optimal-call-time-model" },
      },
    });
  });

  it("uses a serverless configuration of 1024 MB and 200 concurrent invocations, variant AllTraffic", () => {
    expect(resources.aws_sagemaker_endpoint_configuration).toEqual({
      serverless_config: {
        name: contentName("voice-dev-serverless-endpoint-config", "serverless_config_content"),
        lifecycle: { create_before_destroy: true },
        production_variants: [
          {
            model_name: "${aws_sagemaker_model.optimal_call_time_predictor.name}",
            variant_name: "AllTraffic",
            serverless_config: { memory_size_in_mb: 1024, max_concurrency: 200 },
          },
        ],
        tags: { team: "ml", Name: "voice-dev-serverless-endpoint-config" },
      },
    });
    expect(resources.aws_sagemaker_endpoint).toEqual({
      serverless_endpoint: {
        name: "voice-dev-optimal-call-time-endpoint",
        endpoint_config_name: "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
        tags: { team: "ml", Name: "voice-dev-optimal-call-time-endpoint" },
      },
    });
  });

  it("takes the scikit-learn image from the deployment region's registry", () => {
    expect(json.locals).toEqual({
      sklearn_inference_registry_accounts: expect.any(Object),
      image_uri: `\${lookup(local.sklearn_inference_registry_accounts, ${REGION.slice(2, -1)}, "no-image-published-in-region")}.dkr.ecr.${REGION}.\${data.aws_partition.current.dns_suffix}/sagemaker-scikit-learn:1.2-1-cpu-py3`,
      optimal_call_time_predictor_content: expect.any(Object),
      serverless_config_content: expect.any(Object),
    });
    expectRegistryTable(
      json.locals?.sklearn_inference_registry_accounts,
      SKLEARN_INFERENCE_REGIONS,
      SKLEARN_INFERENCE_PINNED,
    );
    expect(resolved(stack, stack.ml.image)).toBe("${local.image_uri}");
  });

  it("names the model and the configuration after their content: every argument but name and tags", () => {
    expect(json.locals!.optimal_call_time_predictor_content).toEqual({
      base_name: "voice-dev-optimal-call-time-model",
      arguments: {
        execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
        primary_container: {
          image: "${local.image_uri}",
          model_data_url: "s3://voice-ml-models/models/optimal-call-time/model.tar.gz",
          environment: {
            SAGEMAKER_PROGRAM: "inference.py",
            SAGEMAKER_SUBMIT_DIRECTORY: "s3://voice-ml-models/models/optimal-call-time/code",
          },
        },
      },
    });
    expect(json.locals!.serverless_config_content).toEqual({
      base_name: "voice-dev-serverless-endpoint-config",
      arguments: {
        production_variants: [
          {
            model_name: "${aws_sagemaker_model.optimal_call_time_predictor.name}",
            variant_name: "AllTraffic",
            serverless_config: { memory_size_in_mb: 1024, max_concurrency: 200 },
          },
        ],
      },
    });
    expect(resources.aws_sagemaker_endpoint!.serverless_endpoint!.endpoint_config_name).toBe(
      "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
    );
  });

  it("lets only SageMaker for this account and region, and Lambda for this account, assume the roles", () => {
    expect(documents.sagemaker_execution_assume_role).toEqual(SAGEMAKER_TRUST);
    expect(documents.lambda_sagemaker_invoke_assume_role).toEqual(LAMBDA_TRUST);
  });

  it("lets SageMaker read the two model objects, pull its image and write its endpoint's log group only", () => {
    expect(documents.sagemaker_execution_policy).toEqual(
      executionPolicy(
        "voice-ml-models",
        "voice-dev-optimal-call-time-endpoint",
        REPOSITORY_OF_IMAGE_LOCAL,
      ),
    );
  });

  it("lets the Lambda functions invoke this endpoint and write the project's function logs only", () => {
    expect(documents.lambda_sagemaker_invoke_policy).toEqual(
      lambdaInvokePolicy("voice-dev-optimal-call-time-endpoint", "voice-dev-"),
    );
  });

  it("exposes the names, ARNs and resources it created", () => {
    const { ml } = stack;
    expect(ml.names).toEqual({
      prefix: "voice-dev",
      executionRole: "voice-dev-sagemaker-execution-role",
      executionPolicy: "voice-dev-sagemaker-execution-policy",
      model: "voice-dev-optimal-call-time-model",
      endpointConfig: "voice-dev-serverless-endpoint-config",
      endpoint: "voice-dev-optimal-call-time-endpoint",
      lambdaInvokeRole: "voice-dev-lambda-sagemaker-invoke-role",
      lambdaInvokePolicy: "voice-dev-lambda-sagemaker-invoke-policy",
    });
    expect(
      [
        ml.endpointName,
        ml.endpointArn,
        ml.modelName,
        ml.executionRoleArn,
        ml.lambdaInvokeRoleArn,
        ml.lambdaInvokeRoleName,
      ].map((value) => resolved(stack, value)),
    ).toEqual([
      "${aws_sagemaker_endpoint.serverless_endpoint.name}",
      "${aws_sagemaker_endpoint.serverless_endpoint.arn}",
      "${aws_sagemaker_model.optimal_call_time_predictor.name}",
      "${aws_iam_role.sagemaker_execution_role.arn}",
      "${aws_iam_role.lambda_sagemaker_invoke_role.arn}",
      "${aws_iam_role.lambda_sagemaker_invoke_role.name}",
    ]);
    expect(
      [ml.executionPolicy, ml.lambdaInvokePolicy, ml.lambdaVpcExecution!].map((r) =>
        resolved(stack, r.fqn),
      ),
    ).toEqual([
      "${aws_iam_role_policy.sagemaker_execution_policy}",
      "${aws_iam_role_policy.lambda_sagemaker_invoke_policy}",
      "${aws_iam_role_policy_attachment.lambda_vpc_execution}",
    ]);
  });
});

describe("MlModule with lambdaVpcAccess off", () => {
  const { stack, json } = synthModule({ ...PROPS, lambdaVpcAccess: false });

  it("leaves AWSLambdaVPCAccessExecutionRole off the Lambda role, which keeps its inline policy", () => {
    expect(addresses(json)).toEqual(
      ADDRESSES.filter(
        (address) => address !== "aws_iam_role_policy_attachment.lambda_vpc_execution",
      ),
    );
    expect(json.resource!.aws_iam_role_policy_attachment).toBeUndefined();
    expect(stack.ml.lambdaVpcExecution).toBeUndefined();
    expect(json.resource!.aws_iam_role_policy!.lambda_sagemaker_invoke_policy).toEqual({
      name: "voice-dev-lambda-sagemaker-invoke-policy",
      role: "${aws_iam_role.lambda_sagemaker_invoke_role.id}",
      policy: "${data.aws_iam_policy_document.lambda_sagemaker_invoke_policy.json}",
    });
  });

  it("has its addresses without the attachment's", () => {
    expect(Object.values(mlModuleAddresses("ml", { lambdaVpcAccess: false }))).not.toContain(
      "lambda_vpc_execution",
    );
    expect(Object.values(mlModuleAddresses("ml"))).toContain("lambda_vpc_execution");
  });
});

describe("MlModule acknowledgements and encryption key", () => {
  it("acknowledges what it keeps from the original: the VPC access policy, no key, the image tag", () => {
    const { stack } = synthModule(PROPS);
    const { lambdaVpcExecution, serverless } = stack.ml;
    expect(acknowledgementFor(lambdaVpcExecution!, "iam-broad-managed-policy")?.reason).toBe(
      ML_MODULE_REASONS.lambdaVpcAccess,
    );
    expect(
      acknowledgementFor(serverless.endpointConfiguration, "sagemaker-endpoint-kms")?.reason,
    ).toBe(ML_MODULE_REASONS.noKey);
    expect(acknowledgementFor(serverless.model, "sagemaker-model-image-digest")?.reason).toBe(
      ML_MODULE_REASONS.imageTag,
    );
  });

  it("sets the key on the endpoint configuration, with nothing left to acknowledge about it", () => {
    const key = Token.asString(ref("aws_kms_key.models.arn"));
    const { stack, json } = synthModule({ ...PROPS, encryptionKeyArn: key });
    expect(
      json.resource!.aws_sagemaker_endpoint_configuration!.serverless_config!.kms_key_arn,
    ).toBe("${aws_kms_key.models.arn}");
    expect(
      acknowledgementFor(stack.ml.serverless.endpointConfiguration, "sagemaker-endpoint-kms"),
    ).toBe(undefined);
  });
});

describe("MlModule images", () => {
  it("uses an explicit image as given and lets SageMaker pull from its repository only", () => {
    const { json } = synthModule({ ...PROPS, sagemakerContainerImage: MY_IMAGE });
    const model = json.resource!.aws_sagemaker_model!.optimal_call_time_predictor!;
    expect(model.primary_container).toMatchObject({ image: "${local.image_uri}" });
    expect(model.lifecycle).toEqual({ create_before_destroy: true });
    expect(json.locals!.image_uri).toEqual(MY_IMAGE);
    expect(json.data!.aws_iam_policy_document!.sagemaker_execution_policy).toEqual(
      executionPolicy(
        "voice-ml-models",
        "voice-dev-optimal-call-time-endpoint",
        `arn:${PARTITION}:ecr:eu-west-1:111122223333:repository/team/call-time-model`,
      ),
    );
  });

  it("takes the original's us-east-1 default as 'the scikit-learn image of this region'", () => {
    const unset = synthModule(PROPS).json;
    const original = synthModule({ ...PROPS, sagemakerContainerImage: ORIGINAL_DEFAULT_IMAGE });
    expect(original.json).toEqual(unset);
    expect(ORIGINAL_DEFAULT_IMAGE).toBe(
      "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
    );
  });

  it("lower-cases the endpoint name in the invoke permission, as SageMaker does in its ARNs", () => {
    const { json } = synthModule({ ...PROPS, projectName: "Voice" });
    expect(json.resource!.aws_sagemaker_endpoint!.serverless_endpoint!.name).toBe(
      "Voice-dev-optimal-call-time-endpoint",
    );
    expect(json.data!.aws_iam_policy_document!.lambda_sagemaker_invoke_policy).toEqual(
      lambdaInvokePolicy("voice-dev-optimal-call-time-endpoint", "Voice-dev-"),
    );
  });
});

describe("MlModule validation", () => {
  const create = (props: Partial<MlModuleProps>) => () =>
    new MlModule(new TerraformStack(Testing.app(), "s"), "ml", { ...PROPS, ...props });

  it("shows every derived name AWS would refuse, with its length, and the bad bucket and image, at once", () => {
    expect(
      create({
        projectName: "mass-voice-campaign-system",
        environment: "production-eu",
        mlModelsBucket: "ML_Models",
        sagemakerContainerImage: "docker.io/library/sklearn:latest",
      }),
    ).toThrowError(
      [
        "Invalid configuration for 's/ml' (7 problems):",
        `  - executionRoleName (<projectName>-<environment>-sagemaker-execution-role): got "mass-voice-campaign-system-production-eu-sagemaker-execution-role"; allowed: ${IAM_ROLE_NAME_WORDS} (this one has 65)`,
        `  - modelName (<projectName>-<environment>-optimal-call-time-model): got "mass-voice-campaign-system-production-eu-optimal-call-time-model"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 64)`,
        `  - endpointConfigName (<projectName>-<environment>-serverless-endpoint-config): got "mass-voice-campaign-system-production-eu-serverless-endpoint-config"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 67)`,
        `  - endpointName (<projectName>-<environment>-optimal-call-time-endpoint): got "mass-voice-campaign-system-production-eu-optimal-call-time-endpoint"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 67)`,
        `  - lambdaInvokeRoleName (<projectName>-<environment>-lambda-sagemaker-invoke-role): got "mass-voice-campaign-system-production-eu-lambda-sagemaker-invoke-role"; allowed: ${IAM_ROLE_NAME_WORDS} (this one has 69)`,
        `  - mlModelsBucket: got "ML_Models"; allowed: ${S3_BUCKET_NAME_WORDS}; this one: it has characters other than a-z, 0-9, '.' and '-'`,
        `  - sagemakerContainerImage: got "docker.io/library/sklearn:latest"; allowed: ${ECR_IMAGE_URI_WORDS}`,
      ].join("\n"),
    );
  });

  it("shows the length of a derived name that breaks a pattern, too", () => {
    expect(create({ projectName: "voice_ml" })).toThrowError(
      [
        "Invalid configuration for 's/ml' (3 problems):",
        `  - modelName (<projectName>-<environment>-optimal-call-time-model): got "voice_ml-dev-optimal-call-time-model"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 36)`,
        `  - endpointConfigName (<projectName>-<environment>-serverless-endpoint-config): got "voice_ml-dev-serverless-endpoint-config"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 39)`,
        `  - endpointName (<projectName>-<environment>-optimal-call-time-endpoint): got "voice_ml-dev-optimal-call-time-endpoint"; allowed: ${SAGEMAKER_NAME_WORDS} (this one has 39)`,
      ].join("\n"),
    );
  });

  it("allows <projectName>-<environment> up to 35 characters: the Lambda role name is the first to break", () => {
    expect(create({ projectName: "p".repeat(31), environment: "dev" })).not.toThrow();
    expect(create({ projectName: "p".repeat(32), environment: "dev" })).toThrowError(
      [
        "Invalid configuration for 's/ml' (1 problem):",
        `  - lambdaInvokeRoleName (<projectName>-<environment>-lambda-sagemaker-invoke-role): got "${"p".repeat(32)}-dev-lambda-sagemaker-invoke-role"; allowed: ${IAM_ROLE_NAME_WORDS} (this one has 65)`,
      ].join("\n"),
    );
  });
});

describe("MlModule deployment guardrails", () => {
  it("are off by default: the module has no alarm", () => {
    const { json } = synthModule(PROPS);
    expect(json.resource!.aws_sagemaker_endpoint!.serverless_endpoint).not.toHaveProperty(
      "deployment_config",
    );
  });

  it("blue/green on the AllTraffic variant, rolled back by alarms by name, which the execution role may describe", () => {
    const { json } = synthModule({
      ...PROPS,
      blueGreen: { terminationWait: "10 minutes" },
      rollbackAlarmNames: ["voice-dev-call-time-errors"],
    });
    expect(json.resource!.aws_sagemaker_endpoint!.serverless_endpoint).toMatchObject({
      deployment_config: {
        auto_rollback_configuration: { alarms: [{ alarm_name: "voice-dev-call-time-errors" }] },
        blue_green_update_policy: {
          termination_wait_in_seconds: 600,
          traffic_routing_configuration: { type: "ALL_AT_ONCE", wait_interval_in_seconds: 0 },
        },
      },
    });
    const statements = json.data!.aws_iam_policy_document!.sagemaker_execution_policy!
      .statement as unknown[];
    expect(statements.at(-1)).toEqual({
      sid: "RollbackAlarms",
      effect: "Allow",
      actions: ["cloudwatch:DescribeAlarms"],
      resources: [
        `arn:${PARTITION}:cloudwatch:${REGION}:${ACCOUNT}:alarm:voice-dev-call-time-errors`,
      ],
    });
  });
});

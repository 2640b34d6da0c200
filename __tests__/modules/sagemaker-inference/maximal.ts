/**
 * A maximal example: every input of the FriendsOfTerraform module, set (models, containers of both compression
 * types, multi-model hosting, VPC, network isolation, both execution modes, tags for all; provisioned endpoints
 * with every variant setting, auto scaling, alarms, data capture, shadow variants and asynchronous inference; a
 * serverless endpoint), with `migrateFromModule`. The module's call would be:
 *
 * ```hcl
 * module "inference" {
 *   source = "github.com/FriendsOfTerraform/aws-sagemaker-inference.git?ref=v1.0.0"
 *   additional_tags_all = { cost-center = "ml-platform" }
 *   models    = { ... the same maps, in snake_case ... }
 *   endpoints = { ... }
 * }
 * ```
 *
 * ARNs are the module's literal ones, to compare values with what the module writes: in a ProjectStack the
 * finding of `arn-literal-partition` is acknowledged on the construct.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { acknowledge } from "../../../modules/policy/acknowledgements";
import {
  SagemakerInference,
  type SagemakerInferenceProps,
} from "../../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../../stacks/project-stack";

export const ACCOUNT = "111122223333";
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/AmazonSageMakerServiceCatalogProductsExecutionRole`;
export const KEY_ARN = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
export const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:ml-alerts`;
export const SKLEARN =
  "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
export const XGBOOST = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
export const TENSORFLOW =
  "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.19.0";

export const MAXIMAL: SagemakerInferenceProps = {
  additionalTagsAll: { "cost-center": "ml-platform" },
  models: {
    // a serial pipeline whose keys sort in the order it runs
    pipeline: {
      iamRoleArn: ROLE_ARN,
      containerDefinitions: {
        "1-preprocess": {
          image: SKLEARN,
          compressionType: "uncompressedmodel" as "UncompressedModel",
          modelDataLocation: "s3://ml-models/pipeline/preprocess/",
          environmentVariables: { SAGEMAKER_PROGRAM: "preprocess.py" },
        },
        "2-predict": { image: XGBOOST, modelDataLocation: "s3://ml-models/pipeline/model.tar.gz" },
        "3-postprocess": {
          image: SKLEARN,
          compressionType: "UncompressedModel",
          modelDataLocation: "s3://ml-models/pipeline/postprocess.tar.gz",
        },
      },
      inferenceExecutionConfig: { mode: "Serial" },
      additionalTags: { model: "pipeline" },
    },
    // containers called directly, listed out of key order: written by key
    ensemble: {
      iamRoleArn: ROLE_ARN,
      inferenceExecutionConfig: { mode: "Direct" },
      containerDefinitions: {
        xgboost: { image: XGBOOST, modelDataLocation: "s3://ml-models/ensemble/xgboost.tar.gz" },
        linear: { image: SKLEARN, modelDataLocation: "s3://ml-models/ensemble/linear.tar.gz" },
      },
    },
    "multi-model": {
      iamRoleArn: ROLE_ARN,
      enableNetworkIsolation: true,
      vpcConfig: {
        securityGroupIds: ["sg-0123456789abcdef0"],
        subnetIds: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
      },
      containerDefinitions: {
        models: {
          image: TENSORFLOW,
          modelDataLocation: "s3://ml-models/multi/",
          useMultipleModels: { enableModelCaching: false },
        },
      },
    },
    champion: {
      iamRoleArn: ROLE_ARN,
      containerDefinitions: {
        main: { image: XGBOOST, modelDataLocation: "s3://ml-models/champion/model.tar.gz" },
      },
    },
    challenger: {
      iamRoleArn: ROLE_ARN,
      containerDefinitions: {
        main: { image: XGBOOST, modelDataLocation: "s3://ml-models/challenger/model.tar.gz" },
      },
    },
    embedding: {
      iamRoleArn: ROLE_ARN,
      containerDefinitions: {
        main: { image: SKLEARN, modelDataLocation: "s3://ml-models/embedding/model.tar.gz" },
      },
    },
  },
  endpoints: {
    realtime: {
      encryptionKeyArn: KEY_ARN,
      additionalTags: { tier: "realtime" },
      provisioned: {
        // listed out of key order: written by key
        productionVariants: {
          pipeline: {
            instanceType: "ml.m5.xlarge",
            containerStartupTimeout: "10 minutes",
            initialInstanceCount: 2,
            initialWeight: 3,
            modelDataDownloadTimeout: "1 hour",
            volumeSizeInGB: 50,
            autoScaling: {
              minimumCapacity: 2,
              maximumCapacity: 6,
              policies: {
                invocations: { expression: "SageMakerVariantInvocationsPerInstance = 500" },
                latency: {
                  expression: "ModelLatency average = 200000",
                  enableScaleIn: false,
                  scaleInCooldownPeriod: "10 minutes",
                  scaleOutCooldownPeriod: "30 seconds",
                },
              },
            },
            cloudwatchAlarms: {
              errors: {
                expression: "Invocation5XXErrors sum >= 5",
                description: "Server errors of the pipeline",
                evaluationPeriods: 3,
                notificationSnsTopic: TOPIC_ARN,
                period: "5 minutes",
              },
            },
          },
          ensemble: { instanceType: "ml.c5.large" },
          "multi-model": { instanceType: "ml.m5.large" },
        },
        enableDataCapture: {
          s3LocationToStoreDataCollected: "s3://ml-capture/realtime/",
          samplingPercentage: 50,
          captureContentType: { csvText: ["text/csv"], json: ["application/json"] },
          dataCaptureOptions: { predictionRequest: true, predictionResponse: false },
        },
      },
    },
    shadow: {
      encryptionKeyArn: KEY_ARN,
      provisioned: {
        productionVariants: { champion: { instanceType: "ml.m5.large" } },
        shadowVariants: {
          challenger: {
            instanceType: "ml.m5.large",
            containerStartupTimeout: "5 minutes",
            initialInstanceCount: 1,
            initialWeight: 0.5,
            modelDataDownloadTimeout: "15 minutes",
            volumeSizeInGB: 20,
          },
        },
      },
    },
    batch: {
      encryptionKeyArn: KEY_ARN,
      provisioned: {
        productionVariants: { champion: { instanceType: "ml.m5.large" } },
        asyncInvocationConfig: {
          s3OutputPath: "s3://ml-async/batch/output/",
          encryptionKeyArn: KEY_ARN,
          errorNotificationLocation: TOPIC_ARN,
          maxConcurrentInvocationsPerInstance: 4,
          s3FailurePath: "s3://ml-async/batch/failure/",
          successNotificationLocation: TOPIC_ARN,
        },
      },
    },
    "embedding-serverless": {
      encryptionKeyArn: KEY_ARN,
      additionalTags: { tier: "serverless" },
      serverless: {
        variant: {
          modelName: "embedding",
          maxConcurrency: 10,
          memorySizeInMB: 2048,
          provisionedConcurrency: 2,
        },
      },
    },
  },
  migrateFromModule: "inference",
};

/** The maximal example in a ProjectStack, named after the keys. */
export class MaximalStack extends ProjectStack {
  public readonly inference: SagemakerInference;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-east-1" });
    this.inference = new SagemakerInference(this, "inference", MAXIMAL);
    acknowledge(
      this.inference,
      "arn-literal-partition",
      "The module's literal ARNs, to compare the values with what the module writes.",
    );
  }
}

/** The maximal example in a plain TerraformStack: cdktf's names, no policy checks. */
export class PlainMaximalStack extends TerraformStack {
  public readonly inference: SagemakerInference;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-east-1" });
    this.inference = new SagemakerInference(this, "inference", MAXIMAL);
  }
}

const M = "module.inference";

/**
 * The moves of the maximal example in a ProjectStack, every resource of every kind: from the module's address
 * (resource names and keys as in the module's source) to the address named after its keys.
 */
export const MAXIMAL_MOVES: readonly { readonly from: string; readonly to: string }[] = [
  { from: `${M}.aws_sagemaker_model.models["pipeline"]`, to: "aws_sagemaker_model.pipeline" },
  { from: `${M}.aws_sagemaker_model.models["ensemble"]`, to: "aws_sagemaker_model.ensemble" },
  {
    from: `${M}.aws_sagemaker_model.models["multi-model"]`,
    to: "aws_sagemaker_model.multi_model",
  },
  { from: `${M}.aws_sagemaker_model.models["champion"]`, to: "aws_sagemaker_model.champion" },
  {
    from: `${M}.aws_sagemaker_model.models["challenger"]`,
    to: "aws_sagemaker_model.challenger",
  },
  { from: `${M}.aws_sagemaker_model.models["embedding"]`, to: "aws_sagemaker_model.embedding" },
  {
    from: `${M}.aws_sagemaker_endpoint_configuration.provisioned_endpoint_configurations["realtime"]`,
    to: "aws_sagemaker_endpoint_configuration.realtime",
  },
  {
    from: `${M}.aws_sagemaker_endpoint.provisioned_endpoints["realtime"]`,
    to: "aws_sagemaker_endpoint.realtime",
  },
  {
    from: `${M}.aws_appautoscaling_target.targets["realtime/pipeline"]`,
    to: "aws_appautoscaling_target.realtime_pipeline",
  },
  {
    from: `${M}.aws_appautoscaling_policy.auto_scaling_policies["realtime/pipeline/invocations"]`,
    to: "aws_appautoscaling_policy.realtime_pipeline_invocations",
  },
  {
    from: `${M}.aws_appautoscaling_policy.auto_scaling_policies["realtime/pipeline/latency"]`,
    to: "aws_appautoscaling_policy.realtime_pipeline_latency",
  },
  {
    from: `${M}.aws_cloudwatch_metric_alarm.provisioned_variants_cloudwatch_alarms["realtime/pipeline/errors"]`,
    to: "aws_cloudwatch_metric_alarm.realtime_pipeline_errors",
  },
  {
    from: `${M}.aws_sagemaker_endpoint_configuration.provisioned_endpoint_configurations["shadow"]`,
    to: "aws_sagemaker_endpoint_configuration.shadow",
  },
  {
    from: `${M}.aws_sagemaker_endpoint.provisioned_endpoints["shadow"]`,
    to: "aws_sagemaker_endpoint.shadow",
  },
  {
    from: `${M}.aws_sagemaker_endpoint_configuration.provisioned_endpoint_configurations["batch"]`,
    to: "aws_sagemaker_endpoint_configuration.batch",
  },
  {
    from: `${M}.aws_sagemaker_endpoint.provisioned_endpoints["batch"]`,
    to: "aws_sagemaker_endpoint.batch",
  },
  {
    from: `${M}.aws_sagemaker_endpoint_configuration.serverless_endpoint_configurations["embedding-serverless"]`,
    to: "aws_sagemaker_endpoint_configuration.embedding_serverless",
  },
  {
    from: `${M}.aws_sagemaker_endpoint.serverless_endpoints["embedding-serverless"]`,
    to: "aws_sagemaker_endpoint.embedding_serverless",
  },
];

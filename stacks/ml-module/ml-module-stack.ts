import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, Token } from "cdktf";
import type { Construct } from "constructs";
import { knownKeys } from "../../modules/core/known-keys";
import { BOOLEAN, optional, STRING, STRINGS } from "../../modules/core/kinds";
import { BLUE_GREEN_KEYS } from "../../modules/sagemaker-inference/deployment-checks";
import { MlModule, mlModuleAddresses, type MlModuleProps } from "../../modules/ml-module/ml-module";
import { awsRegionVariable } from "../region-variable";
import { ProjectStack } from "../project-stack";
import { mlModuleVariables } from "./variables";

/** The typed configuration of the `ml-module` stack: options of {@link MlModule} beyond the original's variables. */
export type MlModuleStackProps = Pick<
  MlModuleProps,
  "lambdaVpcAccess" | "encryptionKeyArn" | "blueGreen" | "rollbackAlarmNames"
>;

/** The module's other props, which the stack takes from the original's variables. */
function fromVariable(variable: string): string {
  return `no such setting: the stack takes it from its Terraform variable ${variable} (set it with TF_VAR_${variable} or a .tfvars file)`;
}
const FROM_VARIABLES: Readonly<
  Record<Exclude<keyof MlModuleProps, keyof MlModuleStackProps>, string>
> = {
  projectName: fromVariable("project_name"),
  environment: fromVariable("environment"),
  mlModelsBucket: fromVariable("ml_models_bucket"),
  sagemakerContainerImage: fromVariable("sagemaker_container_image"),
  tags: fromVariable("tags"),
};

/** Its settings; `blueGreen`'s are checked by the module's serverless endpoint. */
const ML_MODULE_STACK_KEYS = knownKeys<MlModuleStackProps>(
  {
    lambdaVpcAccess: optional(BOOLEAN),
    encryptionKeyArn: optional(STRING),
    blueGreen: optional(BLUE_GREEN_KEYS),
    rollbackAlarmNames: optional(STRINGS),
  },
  FROM_VARIABLES,
);

/** The construct id of the module, below which its resources keep the original's addresses. */
const MODULE = "ml";

/**
 * Stack `ml-module`: the Mass Voice Campaign ML module (terraform/modules/ml in the original), a scikit-learn
 * model on a SageMaker serverless endpoint and a role for the Lambda functions that invoke it.
 *
 * Resource addresses, variables and outputs are the original's, so its state can be moved here unchanged. The
 * original module took its region from the root module's provider; this stack has the Alex stacks' required
 * `aws_region` variable instead.
 */
export class MlModuleStack extends ProjectStack {
  public readonly ml: MlModule;

  public constructor(scope: Construct, id: string, props: MlModuleStackProps = {}) {
    super(scope, id);
    ML_MODULE_STACK_KEYS.refuseWrongShape(this, props);
    ML_MODULE_STACK_KEYS.refuseUnknown(this, props);
    this.keepAddresses(mlModuleAddresses(MODULE, props));
    const region = awsRegionVariable(this);
    new AwsProvider(this, "aws", { region: region.stringValue });
    const variables = mlModuleVariables(this);

    this.ml = new MlModule(this, MODULE, {
      projectName: variables.projectName.stringValue,
      environment: variables.environment.stringValue,
      mlModelsBucket: variables.mlModelsBucket.stringValue,
      sagemakerContainerImage: variables.sagemakerContainerImage.stringValue,
      tags: Token.asStringMap(variables.tags.value),
      ...props,
    });

    const outputs: [string, string, string][] = [
      ["endpoint_name", this.ml.endpointName, "SageMaker endpoint name"],
      ["endpoint_arn", this.ml.endpointArn, "SageMaker endpoint ARN"],
      ["model_name", this.ml.modelName, "SageMaker model name"],
      ["sagemaker_execution_role_arn", this.ml.executionRoleArn, "IAM role ARN for SageMaker"],
      [
        "lambda_sagemaker_invoke_role_arn",
        this.ml.lambdaInvokeRoleArn,
        "IAM role ARN for Lambda to invoke endpoint",
      ],
      [
        "lambda_sagemaker_invoke_role_name",
        this.ml.lambdaInvokeRoleName,
        "IAM role name for Lambda",
      ],
    ];
    for (const [name, value, description] of outputs) {
      new TerraformOutput(this, name, { value, description });
    }
  }
}

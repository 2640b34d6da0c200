import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Fn, Op } from "cdktf";
import { derivedNamePrecondition } from "../../modules/core/derived-names";
import { IAM_ROLE_NAME } from "../../modules/core/limits/iam";
import { SAGEMAKER_NAME } from "../../modules/core/limits/sagemaker";
import { VPC_SECURITY_GROUPS, VPC_SUBNETS } from "../../modules/core/limits/vpc";
import { addPreconditions } from "../../modules/core/preconditions";
import type { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ENDPOINT_KEY, MODEL_KEY } from "./keys";
import type { Switches } from "./switches";
import type { RecipeVariables } from "./variables";

/**
 * Preconditions for what Terraform 1.5 cannot validate on one variable: names built from several variables, and
 * settings that must agree with each other.
 */
export function guardRecipe(
  v: RecipeVariables,
  switches: Switches,
  inference: SagemakerInference,
  executionRole: IamRole,
): void {
  const parts = [v.projectName.stringValue, v.environment.stringValue];
  const sagemakerName = (what: string, suffix: string[]) =>
    derivedNamePrecondition(
      `The ${what} name (<project_name>-<environment>-<model_name>${suffix.map((s) => `-${s}`).join("")})`,
      [...parts, v.modelName.stringValue, ...suffix],
      SAGEMAKER_NAME,
      "Shorten project_name, environment or model_name.",
    );
  const model = inference.models[MODEL_KEY]!;
  addPreconditions(model, [sagemakerName("model", [])]);
  addPreconditions(inference.endpointConfigurations[ENDPOINT_KEY]!, [
    sagemakerName("endpoint configuration", ["config"]),
  ]);
  addPreconditions(inference.endpoints[ENDPOINT_KEY]!, [sagemakerName("endpoint", ["endpoint"])]);
  addPreconditions(executionRole, [
    derivedNamePrecondition(
      "The execution role name (<project_name>-<environment>-sagemaker-execution-role)",
      [...parts, "sagemaker-execution-role"],
      IAM_ROLE_NAME,
      "Shorten project_name or environment.",
    ),
  ]);

  if (switches.enableVpcConfig) {
    addPreconditions(model, [
      {
        condition: Op.and(
          VPC_SUBNETS.condition(v.subnetIds.listValue),
          VPC_SECURITY_GROUPS.condition(v.securityGroupIds.listValue),
        ),
        errorMessage: `With the VPC configuration on (enableVpcConfig), subnet_ids needs ${VPC_SUBNETS.description} and security_group_ids ${VPC_SECURITY_GROUPS.description}.`,
      },
    ]);
  }
  for (const target of Object.values(inference.scalingTargets)) {
    addPreconditions(target, [
      {
        // Correction: the recipe scales its default ml.t2.medium, which SageMaker refuses.
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
  for (const alarm of Object.values(inference.alarms)) {
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

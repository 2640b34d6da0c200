import { tagsWithName } from "../../modules/core/tags";
import type { AlarmProps } from "../../modules/sagemaker-inference/props";
import { ALARM_KEYS } from "./keys";
import type { RecipeVariables } from "./variables";

/** The recipe's three alarms on the variant, over 5 minutes, notifying `topicArn` when there is one. */
export function recipeAlarms(
  prefix: string,
  v: RecipeVariables,
  commonTags: Record<string, string>,
  topicArn: string | undefined,
): Record<string, AlarmProps> {
  const alarm = (name: string, expression: string, description: string): AlarmProps => ({
    expression,
    description,
    alarmName: `${prefix}-${name}`,
    period: "5 minutes",
    evaluationPeriods: v.alarmEvaluationPeriods.numberValue,
    datapointsToAlarm: v.alarmDatapointsToAlarm.numberValue,
    notificationSnsTopic: topicArn,
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

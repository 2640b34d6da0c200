import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { Construct } from "constructs";
import { durationSeconds } from "./duration";
import { parseAlarmExpression } from "./expressions/alarm-expression";
import { acceptedValue } from "./expressions/tokens";
import { nameAfter } from "../core/terraform-names";
import { alarmNameOf, constructIds } from "./names";
import type { AlarmProps } from "./props";
import type { TagsFor } from "./tags";
import { DEFAULT_ALARM_PERIOD } from "./validate-alarms";

/** The production variant the alarms watch. */
export interface AlarmedVariantRef {
  readonly endpointKey: string;
  readonly endpointName: string;
  readonly variantKey: string;
  readonly variantName: string;
  readonly asyncInference: boolean;
}

/** One alarm per entry, on the variant's EndpointName and VariantName dimensions. By alarm key. */
export function createAlarms(
  scope: Construct,
  variant: AlarmedVariantRef,
  alarms: Readonly<Record<string, AlarmProps>>,
  tagsFor: TagsFor,
): Record<string, CloudwatchMetricAlarm> {
  const created: Record<string, CloudwatchMetricAlarm> = {};
  for (const [key, alarm] of Object.entries(alarms)) {
    const { metricName, namespace, statistic, comparisonOperator, threshold } = acceptedValue(
      parseAlarmExpression(alarm.expression, variant),
      alarm.expression,
    );
    const topic = alarm.notificationSnsTopic;
    created[key] = nameAfter(
      new CloudwatchMetricAlarm(
        scope,
        constructIds.alarm(variant.endpointKey, variant.variantKey, key),
        {
          alarmName: alarmNameOf(variant.endpointName, variant.variantName, key, alarm),
          alarmDescription: alarm.description,
          metricName,
          namespace,
          statistic,
          comparisonOperator,
          threshold,
          period: durationSeconds(alarm.period ?? DEFAULT_ALARM_PERIOD),
          evaluationPeriods: alarm.evaluationPeriods ?? 1,
          datapointsToAlarm: alarm.datapointsToAlarm,
          dimensions: { EndpointName: variant.endpointName, VariantName: variant.variantName },
          alarmActions: topic !== undefined ? [topic] : undefined,
          okActions: topic !== undefined ? [topic] : undefined,
          tags: tagsFor(alarm.additionalTags),
        },
      ),
      variant.endpointKey,
      variant.variantKey,
      key,
    );
  }
  return created;
}

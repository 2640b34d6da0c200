/**
 * Monitoring and alerts: the endpoint's log group (enableCloudwatchLogs), the recipe's three alarms and dashboard
 * (enableEndpointMonitoring), the topic they notify (enableSnsNotifications), their variables, and the precondition
 * that relates the alarms' two variables.
 */
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import { dependable, Op, type Precondition, type TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import type { AwsContext } from "../../modules/core/aws-context";
import { LOG_RETENTION_DAYS } from "../../modules/core/limits/cloudwatch";
import { wholeNumberLimit } from "../../modules/core/limits/shapes";
import { EMAIL_ADDRESS } from "../../modules/core/limits/sns";
import { addPreconditions } from "../../modules/core/preconditions";
import { AlertsTopic } from "../../modules/monitoring/alerts-topic";
import { EndpointDashboard } from "../../modules/monitoring/endpoint-dashboard";
import { acknowledge } from "../../modules/policy/acknowledgements";
import type { AlarmProps } from "../../modules/sagemaker-inference/props";
import { numberVariable, stringVariable } from "../validated-variables";
import type { RecipeNames } from "./naming";
import type { Switches } from "./props";

const LOG_GROUP = "endpoint-logs";
const TOPIC = "alerts";
const DASHBOARD = "dashboard";

/** The recipe's addresses of the log group, the topic with its subscription, and the dashboard, when switched on. */
export function monitoringAddresses(switches: Switches): Record<string, string> {
  return {
    ...(switches.enableCloudwatchLogs ? { [LOG_GROUP]: "sagemaker_endpoint_logs" } : {}),
    ...(switches.enableEndpointMonitoring
      ? { [`${DASHBOARD}/dashboard`]: "sagemaker_dashboard" }
      : {}),
    ...(switches.enableSnsNotifications
      ? { [`${TOPIC}/topic`]: "sagemaker_alerts", [`${TOPIC}/email`]: "email_alerts" }
      : {}),
  };
}

/**
 * The recipe's three alarms on the variant, over 5 minutes: the key of each in `SagemakerInference`, its address,
 * its entry in the `cloudwatch_alarms` output, its name after the prefix, what it watches and its description.
 */
export const RECIPE_ALARMS = [
  {
    key: "invocation-errors",
    address: "endpoint_invocation_errors",
    output: "invocation_errors",
    name: "endpoint-invocation-errors",
    expression: "Invocation4XXErrors sum > 0",
    description: "This metric monitors SageMaker endpoint 4XX errors",
  },
  {
    key: "model-errors",
    address: "endpoint_model_errors",
    output: "model_errors",
    name: "endpoint-model-errors",
    expression: "Invocation5XXErrors sum > 0",
    description: "This metric monitors SageMaker endpoint 5XX errors",
  },
  {
    key: "high-latency",
    address: "endpoint_latency",
    output: "high_latency",
    name: "endpoint-high-latency",
    // Correction: the recipe's threshold 10000 is meant as 10 seconds in milliseconds, but ModelLatency is
    // reported in microseconds: 10 seconds is 10000000.
    expression: "ModelLatency average > 10000000",
    description: "This metric monitors SageMaker endpoint latency",
  },
] as const;

export interface MonitoringVariables {
  readonly cloudwatchLogRetentionDays: TerraformVariable;
  readonly alarmEvaluationPeriods: TerraformVariable;
  readonly alarmDatapointsToAlarm: TerraformVariable;
  readonly snsEmailEndpoint: TerraformVariable;
}

/** cloudwatch_log_retention_days, alarm_evaluation_periods, alarm_datapoints_to_alarm and sns_email_endpoint. */
export function monitoringVariables(scope: Construct): MonitoringVariables {
  const cloudwatchLogRetentionDays = numberVariable(scope, "cloudwatch_log_retention_days", {
    default: 7,
    description: "Days the endpoint's logs are kept",
    limit: LOG_RETENTION_DAYS,
  });
  const alarmEvaluationPeriods = numberVariable(scope, "alarm_evaluation_periods", {
    default: 2,
    description: "Periods of 5 minutes each alarm evaluates",
    limit: wholeNumberLimit(1, 10),
  });
  const alarmDatapointsToAlarm = numberVariable(scope, "alarm_datapoints_to_alarm", {
    default: 2,
    description: "Breaching periods that fire an alarm (at most alarm_evaluation_periods)",
    limit: wholeNumberLimit(1, 10),
  });
  const snsEmailEndpoint = stringVariable(scope, "sns_email_endpoint", {
    default: "",
    description: "E-mail address subscribed to the alerts (with SNS notifications on); empty: none",
    limit: EMAIL_ADDRESS,
    orEmpty: true,
  });
  return {
    cloudwatchLogRetentionDays,
    alarmEvaluationPeriods,
    alarmDatapointsToAlarm,
    snsEmailEndpoint,
  };
}

/** What the log group, the topic and the dashboard are made with. */
export interface MonitoringConfig {
  readonly switches: Switches;
  readonly variables: MonitoringVariables;
  readonly names: RecipeNames;
  /** With encryption on. */
  readonly kmsKeyArn: string | undefined;
}

/** Why the log group keeps its logs a week by default (printed with the finding on every synth). */
const LOG_RETENTION_REASON =
  "retention_in_days is the recipe's variable cloudwatch_log_retention_days (7 days by default). The endpoint's " +
  "container logs are operational logs, not the audit trail (CloudTrail keeps the API record), and may echo " +
  "inference payloads, which argues for keeping them briefly. Set cloudwatch_log_retention_days to 365 or more " +
  "where a security baseline asks for a year (AWS Config cw-loggroup-retention-period-check, checkov CKV_AWS_338).";

/**
 * The endpoint's log group, with CloudWatch logs on. Correction: the recipe names the group
 * /aws/sagemaker/Endpoints/<prefix>-<model_name>, but SageMaker writes to /aws/sagemaker/Endpoints/<endpoint name>
 * (<prefix>-<model_name>-endpoint) and creates that group itself, without retention or key: the recipe's group stays
 * empty. This one is the endpoint's, made before it ({@link monitorEndpoint}).
 */
export function endpointLogGroup(
  scope: Construct,
  config: MonitoringConfig,
): CloudwatchLogGroup | undefined {
  const { names } = config;
  if (!config.switches.enableCloudwatchLogs) return undefined;
  const logGroup = new CloudwatchLogGroup(scope, LOG_GROUP, {
    name: `/aws/sagemaker/Endpoints/${names.endpoint}`,
    retentionInDays: config.variables.cloudwatchLogRetentionDays.numberValue,
    kmsKeyId: config.kmsKeyArn,
    tags: names.tagged(`${names.prefix}-endpoint-logs`),
  });
  acknowledge(logGroup, "cloudwatch-log-retention-one-year", LOG_RETENTION_REASON);
  return logGroup;
}

/** The topic the alarms notify, with SNS notifications on, and its e-mail subscription when an address is given. */
export function alertsTopic(scope: Construct, config: MonitoringConfig): AlertsTopic | undefined {
  const { names } = config;
  if (!config.switches.enableSnsNotifications) return undefined;
  return new AlertsTopic(scope, TOPIC, {
    topicName: `${names.prefix}-sagemaker-alerts`,
    displayName: "SageMaker Endpoint Alerts",
    kmsKeyArn: config.kmsKeyArn,
    emailEndpoint: config.variables.snsEmailEndpoint.stringValue,
    tags: names.tagged(`${names.prefix}-sagemaker-alerts`),
  });
}

/** The name of the recipe's alarm of key `key`: `<prefix>-<name>`. */
export function recipeAlarmName(names: RecipeNames, key: string): string {
  const alarm = RECIPE_ALARMS.find((candidate) => candidate.key === key)!;
  return `${names.prefix}-${alarm.name}`;
}

/** The recipe's alarms as `SagemakerInference` takes them, notifying `topicArn` when there is one. */
export function recipeAlarms(config: {
  readonly variables: MonitoringVariables;
  readonly names: RecipeNames;
  readonly topicArn: string | undefined;
}): Record<string, AlarmProps> {
  const { variables: v, names } = config;
  return Object.fromEntries(
    RECIPE_ALARMS.map(({ key, name, expression, description }) => [
      key,
      {
        expression,
        description,
        alarmName: recipeAlarmName(names, key),
        period: "5 minutes",
        evaluationPeriods: v.alarmEvaluationPeriods.numberValue,
        datapointsToAlarm: v.alarmDatapointsToAlarm.numberValue,
        notificationSnsTopic: config.topicArn,
        additionalTags: names.tagged(`${names.prefix}-${name}`),
      },
    ]),
  );
}

/** For each alarm: alarm_datapoints_to_alarm is at most alarm_evaluation_periods. */
function alarmPrecondition(v: MonitoringVariables): Precondition {
  return {
    condition: Op.lte(v.alarmDatapointsToAlarm.numberValue, v.alarmEvaluationPeriods.numberValue),
    errorMessage: `alarm_datapoints_to_alarm (${v.alarmDatapointsToAlarm.stringValue}) must be at most alarm_evaluation_periods (${v.alarmEvaluationPeriods.stringValue}).`,
  };
}

/**
 * Once the endpoint exists: its alarms checked against the alarm variables, the endpoint made after its log group
 * (SageMaker creates a missing one itself, without retention or key), and the dashboard, with monitoring on.
 */
export function monitorEndpoint(
  scope: Construct,
  config: MonitoringConfig & {
    readonly aws: AwsContext;
    readonly endpoint: SagemakerEndpoint;
    readonly variantName: string;
    readonly alarms: readonly CloudwatchMetricAlarm[];
    readonly logGroup: CloudwatchLogGroup | undefined;
  },
): EndpointDashboard | undefined {
  const { endpoint, logGroup, names } = config;
  for (const alarm of config.alarms) addPreconditions(alarm, [alarmPrecondition(config.variables)]);
  if (logGroup) endpoint.dependsOn = [...(endpoint.dependsOn ?? []), dependable(logGroup)];
  if (!config.switches.enableEndpointMonitoring) return undefined;
  return new EndpointDashboard(scope, DASHBOARD, {
    dashboardName: `${names.prefix}-sagemaker-dashboard`,
    endpointName: endpoint.name,
    variantName: config.variantName,
    region: config.aws.region,
  });
}

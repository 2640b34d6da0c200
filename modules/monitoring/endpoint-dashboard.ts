import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { NUMBER, optional, STRING } from "../core/kinds";
import { matches } from "../core/rules";
import { Problems } from "../core/validation";

/** Dashboard names (PutDashboard): 1-255 letters, digits, `-` and `_`. */
const DASHBOARD_NAME = matches(
  /^[A-Za-z0-9_-]{1,255}$/,
  "a dashboard name: 1-255 letters, digits, '-' and '_'",
);

export interface EndpointDashboardProps {
  /** Name of the dashboard. */
  readonly dashboardName: string;
  /** Name of the endpoint. */
  readonly endpointName: string;
  /** Name of the variant whose metrics are shown. */
  readonly variantName: string;
  /** Region of the endpoint's metrics. */
  readonly region: string;
  /**
   * Period of the graphs, in seconds (60 or a multiple of it).
   *
   * @default 300
   */
  readonly period?: number;
}

const DASHBOARD_KEYS = knownKeys<EndpointDashboardProps>({
  dashboardName: STRING,
  endpointName: STRING,
  variantName: STRING,
  region: STRING,
  period: optional(NUMBER),
});

/**
 * A CloudWatch dashboard of one endpoint variant: invocations and errors, latencies, and the instances' CPU and
 * memory utilization.
 */
export class EndpointDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;

  public constructor(scope: Construct, id: string, props: EndpointDashboardProps) {
    super(scope, id);
    DASHBOARD_KEYS.refuseWrongShape(this, props);
    const period = props.period ?? 300;
    const problems = new Problems();
    DASHBOARD_KEYS.check(problems, "", props);
    problems.check("dashboardName", props.dashboardName, DASHBOARD_NAME);
    if (!Number.isInteger(period) || period < 60 || period % 60 !== 0) {
      problems.add("period", period, "a whole number of minutes in seconds: 60, 120, 300, ...");
    }
    problems.throwIfAny(this);

    const dimensions = ["EndpointName", props.endpointName, "VariantName", props.variantName];
    const widget = (x: number, y: number, title: string, metrics: unknown[][]) => ({
      type: "metric",
      x,
      y,
      width: 12,
      height: 6,
      properties: {
        metrics,
        view: "timeSeries",
        stacked: false,
        region: props.region,
        title,
        period,
      },
    });
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.dashboardName,
      dashboardBody: Fn.jsonencode({
        widgets: [
          widget(0, 0, "SageMaker Endpoint Invocations and Errors", [
            ["AWS/SageMaker", "Invocations", ...dimensions],
            [".", "Invocation4XXErrors", ".", ".", ".", "."],
            [".", "Invocation5XXErrors", ".", ".", ".", "."],
          ]),
          widget(0, 6, "SageMaker Endpoint Latency", [
            ["AWS/SageMaker", "ModelLatency", ...dimensions],
            [".", "OverheadLatency", ".", ".", ".", "."],
          ]),
          // Correction: the recipe looks these up in AWS/SageMaker; SageMaker publishes the instance metrics in
          // /aws/sagemaker/Endpoints, so the recipe's graph stays empty.
          widget(12, 0, "SageMaker Endpoint Resource Utilization", [
            ["/aws/sagemaker/Endpoints", "CPUUtilization", ...dimensions],
            [".", "MemoryUtilization", ".", ".", ".", "."],
          ]),
        ],
      }),
    });
  }

  /** The dashboard's name. */
  public get dashboardName(): string {
    return this.dashboard.dashboardName;
  }
}

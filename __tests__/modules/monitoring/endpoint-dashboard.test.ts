import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EndpointDashboard } from "../../../modules/monitoring/endpoint-dashboard";
import { onlyResource, synthScope } from "../../helpers/synth";

describe("EndpointDashboard", () => {
  it("graphs invocations and errors, latencies, and the instances' CPU and memory in their namespace", () => {
    const json = synthScope((scope) => {
      new EndpointDashboard(scope, "dashboard", {
        dashboardName: "ml-dev-sagemaker-dashboard",
        endpointName: "ml-dev-model-endpoint",
        variantName: "primary",
        region: "eu-west-1",
      });
    });
    const dimensions = ["EndpointName", "ml-dev-model-endpoint", "VariantName", "primary"];
    const properties = (title: string, metrics: unknown[][]) => ({
      metrics,
      view: "timeSeries",
      stacked: false,
      region: "eu-west-1",
      title,
      period: 300,
    });
    const { attributes } = onlyResource(json, "aws_cloudwatch_dashboard");
    expect(attributes.dashboard_name).toBe("ml-dev-sagemaker-dashboard");
    const body = String(attributes.dashboard_body);
    expect(body.startsWith("${jsonencode(")).toBe(true);
    // jsonencode of a literal object: its HCL object text is JSON with ` = ` for `:`.
    const object = JSON.parse(
      body.slice("${jsonencode(".length, -2).replace(/" = /g, '": '),
    ) as unknown;
    expect(object).toEqual({
      widgets: [
        {
          type: "metric",
          x: 0,
          y: 0,
          width: 12,
          height: 6,
          properties: properties("SageMaker Endpoint Invocations and Errors", [
            ["AWS/SageMaker", "Invocations", ...dimensions],
            [".", "Invocation4XXErrors", ".", ".", ".", "."],
            [".", "Invocation5XXErrors", ".", ".", ".", "."],
          ]),
        },
        {
          type: "metric",
          x: 0,
          y: 6,
          width: 12,
          height: 6,
          properties: properties("SageMaker Endpoint Latency", [
            ["AWS/SageMaker", "ModelLatency", ...dimensions],
            [".", "OverheadLatency", ".", ".", ".", "."],
          ]),
        },
        {
          type: "metric",
          x: 12,
          y: 0,
          width: 12,
          height: 6,
          properties: properties("SageMaker Endpoint Resource Utilization", [
            ["/aws/sagemaker/Endpoints", "CPUUtilization", ...dimensions],
            [".", "MemoryUtilization", ".", ".", ".", "."],
          ]),
        },
      ],
    });
  });

  it("rejects a dashboard name CloudWatch refuses and a period that is not whole minutes", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () =>
        new EndpointDashboard(stack, "d", {
          dashboardName: "my dashboard",
          endpointName: "e",
          variantName: "v",
          region: "us-east-1",
          period: 90,
        }),
    ).toThrowError(
      [
        "Invalid configuration for 's/d' (2 problems):",
        `  - dashboardName: got "my dashboard"; allowed: a dashboard name: 1-255 letters, digits, '-' and '_'`,
        "  - period: got 90; allowed: a whole number of minutes in seconds: 60, 120, 300, ...",
      ].join("\n"),
    );
  });
});

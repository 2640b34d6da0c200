/**
 * docs/sagemaker-inference.md, "Deployment guardrails": the `deployment_config` the page shows is the one its example
 * (docs/examples/deployment-guardrails.ts) synthesizes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Testing, TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { example } from "../../docs/examples/deployment-guardrails";
import { resource, synthStack } from "../helpers/synth";

const PAGE = join(__dirname, "..", "..", "docs", "sagemaker-inference.md");

/** The JSON block of the page's "Deployment guardrails" section. */
function shownDeploymentConfig(): unknown {
  const page = readFileSync(PAGE, "utf8");
  const section = page.slice(page.indexOf("## Deployment guardrails"));
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error("No JSON block in the Deployment guardrails section");
  return JSON.parse(block[1]!);
}

describe("the Deployment guardrails section", () => {
  it("shows the deployment_config its example synthesizes", () => {
    const app = Testing.app();
    example(app);
    const stack = app.node.children.find((child) => TerraformStack.isStack(child))!;
    stack.prepareStack();
    const endpoint = resource(synthStack(stack), "aws_sagemaker_endpoint", "recommender");
    expect(endpoint.deployment_config).toEqual(shownDeploymentConfig());
    expect(endpoint.deployment_config).toEqual({
      auto_rollback_configuration: {
        alarms: [
          {
            alarm_name:
              "${aws_cloudwatch_metric_alarm.recommender_ranker_server_errors.alarm_name}",
          },
          {
            alarm_name: "${aws_cloudwatch_metric_alarm.recommender_ranker_model_errors.alarm_name}",
          },
          { alarm_name: "recommender-latency-slo" },
        ],
      },
      blue_green_update_policy: {
        maximum_execution_timeout_in_seconds: 3600,
        termination_wait_in_seconds: 600,
        traffic_routing_configuration: {
          canary_size: { type: "INSTANCE_COUNT", value: 1 },
          type: "CANARY",
          wait_interval_in_seconds: 600,
        },
      },
    });
  });
});

import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { AlertsTopic } from "../../../modules/monitoring/alerts-topic";
import { onlyResource, resolved, resourcesOf, synthScope } from "../../helpers/synth";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("AlertsTopic", () => {
  it("creates an encrypted topic and subscribes a literal address", () => {
    const json = synthScope((scope) => {
      new AlertsTopic(scope, "alerts", {
        topicName: "ml-dev-sagemaker-alerts",
        displayName: "SageMaker Endpoint Alerts",
        kmsKeyArn: KEY,
        emailEndpoint: "ops@example.com",
        tags: { Name: "ml-dev-sagemaker-alerts" },
      });
    });
    const topic = onlyResource(json, "aws_sns_topic");
    expect(topic.attributes).toEqual({
      name: "ml-dev-sagemaker-alerts",
      display_name: "SageMaker Endpoint Alerts",
      kms_master_key_id: KEY,
      tags: { Name: "ml-dev-sagemaker-alerts" },
    });
    expect(onlyResource(json, "aws_sns_topic_subscription").attributes).toEqual({
      topic_arn: `\${aws_sns_topic.${topic.name}.arn}`,
      protocol: "email",
      endpoint: "ops@example.com",
    });
  });

  it("subscribes an address known only at apply time when it is not empty", () => {
    const json = synthScope((scope) => {
      const email = new TerraformVariable(scope, "sns_email_endpoint", { type: "string" });
      new AlertsTopic(scope, "alerts", { topicName: "t", emailEndpoint: email.stringValue });
    });
    expect(onlyResource(json, "aws_sns_topic_subscription").attributes).toMatchObject({
      count: "${!(length(var.sns_email_endpoint) < 1) ? 1 : 0}",
      endpoint: "${var.sns_email_endpoint}",
    });
  });

  it("subscribes nobody without an address, or with an empty one", () => {
    for (const emailEndpoint of [undefined, ""]) {
      const json = synthScope((scope) => {
        new AlertsTopic(scope, "alerts", { topicName: "t", emailEndpoint });
      });
      expect(resourcesOf(json, "aws_sns_topic_subscription")).toEqual({});
      expect(onlyResource(json, "aws_sns_topic").attributes).toEqual({ name: "t" });
    }
  });

  it("exposes the topic's ARN and name", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    const alerts = new AlertsTopic(stack, "alerts", { topicName: "t" });
    expect(resolved(stack, alerts.topicArn)).toMatch(/^\$\{aws_sns_topic\.[\w]+\.arn\}$/);
    expect(resolved(stack, alerts.topicName)).toMatch(/^\$\{aws_sns_topic\.[\w]+\.name\}$/);
  });

  it("rejects a topic name SNS refuses and an address that is not one", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(
      () => new AlertsTopic(stack, "alerts", { topicName: "my alerts", emailEndpoint: "ops" }),
    ).toThrowError(
      [
        "Invalid configuration for 's/alerts' (2 problems):",
        '  - topicName: got "my alerts"; allowed: an SNS topic name: 1-256 letters, digits, hyphens and underscores',
        '  - emailEndpoint: got "ops"; allowed: an e-mail address such as ops@example.com',
      ].join("\n"),
    );
  });
});

/**
 * A ProjectStack that uses every kind of element and meta-argument the HCL writer (modules/core/hcl) treats
 * specially; the HCL tests in npm test and Terraform's own check of it in npm run test:terraform share it.
 */
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformLocal, TerraformOutput, TerraformVariable, type App } from "cdktf";
import { ProjectStack } from "../../stacks/project-stack";

/** The trust policy of the stack's roles. */
export const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "ec2.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } },
    },
  ],
});

export class EveryKindStack extends ProjectStack {
  public constructor(app: App) {
    super(app, "every-kind");
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const west = new AwsProvider(this, "aws-west", { region: "us-west-2", alias: "west" });
    const prefix = new TerraformVariable(this, "prefix", {
      type: "string",
      default: "",
      description: 'Written before every name, e.g. "${team}-" (taken literally)',
      validation: [
        {
          condition: "${length(var.prefix) <= 10}",
          errorMessage: 'prefix is "${var.prefix}": at most 10 characters.',
        },
      ],
    });
    new TerraformVariable(this, "enabled", { type: "bool", default: false });
    new TerraformLocal(this, "account", "012345678901");
    new TerraformLocal(this, "count_text", "123");
    const first = new IamRole(this, "first", {
      name: "first",
      assumeRolePolicy: TRUST,
      provider: west,
      tags: { Name: "first", "team:owner": 'C:\\ops "core"' },
    });
    const second = new IamRole(this, "second", {
      name: `${prefix.stringValue}second`,
      assumeRolePolicy: TRUST,
      inlinePolicy: [{ name: "none", policy: '{"Version":"2012-10-17","Statement":[]}' }],
      dependsOn: [first],
      lifecycle: {
        createBeforeDestroy: true,
        ignoreChanges: ["tags"],
        replaceTriggeredBy: [first],
        precondition: [
          {
            condition: "${length(var.prefix) <= 58}",
            errorMessage: "The role name ${var.prefix}second is longer than 64 characters.",
          },
        ],
        postcondition: [{ condition: '${self.arn != ""}', errorMessage: "No ARN." }],
      },
    });
    new TerraformOutput(this, "second_arn", {
      value: second.arn,
      description: "The second role's ARN",
      dependsOn: [first],
    });
    new TerraformOutput(this, "instructions", { value: `Role ${second.name}:\n  ready\n` });
  }
}

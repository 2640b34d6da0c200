/**
 * Each stack refuses a setting its typed props do not have, in its one validation error: a stack built from a JSON
 * or YAML configuration, or from JavaScript, would otherwise drop it without a word. What a stack passes on is
 * checked where it is used (`blueGreen` by SagemakerInference, `accessLogging` by the bucket), under that
 * construct's path. That each key set covers its props interface is checked by `tsc`.
 */
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { IamStack } from "../../stacks/alex/iam-stack";
import { SagemakerServerlessStack } from "../../stacks/alex/sagemaker-serverless-stack";
import { MlModuleStack } from "../../stacks/ml-module/ml-module-stack";
import { SagemakerProvisionedStack } from "../../stacks/sagemaker-provisioned/sagemaker-provisioned-stack";
import { thrownMessage, untyped } from "../helpers/untyped-input";

describe("the stacks refuse settings their props do not have", () => {
  it("iam", () => {
    expect(
      thrownMessage(() => new IamStack(Testing.app(), "iam", untyped({ role_name: "alex-role" }))),
    ).toBe(
      [
        "Invalid configuration for 'iam' (1 problem):",
        '  - role_name: got "alex-role"; allowed: no such setting; did you mean "roleName"?',
      ].join("\n"),
    );
  });

  it("sagemaker-serverless", () => {
    expect(
      thrownMessage(
        () =>
          new SagemakerServerlessStack(
            Testing.app(),
            "sagemaker-serverless",
            untyped({
              executionRoleArn: "arn:aws:iam::111122223333:role/r",
              memorySize: 2048,
              rollbackAlarms: ["embedding-errors"],
            }),
          ),
      ),
    ).toBe(
      [
        "Invalid configuration for 'sagemaker-serverless' (2 problems):",
        '  - memorySize: got 2048; allowed: no such setting; did you mean "memorySizeInMB"?',
        '  - rollbackAlarms: got ["embedding-errors"]; allowed: no such setting; did you mean "rollbackAlarmNames"?',
      ].join("\n"),
    );
  });

  it("ml-module: the module's props it takes from Terraform variables, with the variable to set", () => {
    expect(
      thrownMessage(
        () =>
          new MlModuleStack(
            Testing.app(),
            "ml-module",
            untyped({
              projectName: "voice",
              lambdaVPCAccess: false,
            }),
          ),
      ),
    ).toBe(
      [
        "Invalid configuration for 'ml-module' (2 problems):",
        '  - projectName: got "voice"; allowed: no such setting: the stack takes it from its Terraform variable project_name (set it with TF_VAR_project_name or a .tfvars file)',
        '  - lambdaVPCAccess: got false; allowed: no such setting; did you mean "lambdaVpcAccess"?',
      ].join("\n"),
    );
  });

  it("sagemaker-provisioned, and its model artifact: a path with a source that takes none", () => {
    expect(
      thrownMessage(
        () =>
          new SagemakerProvisionedStack(
            Testing.app(),
            "sagemaker-provisioned",
            untyped({
              enableAutoscaling: false,
              modelArtifact: { source: "s3", path: "s3://models/model.tar.gz", bucket: "models" },
            }),
          ),
      ),
    ).toBe(
      [
        "Invalid configuration for 'sagemaker-provisioned' (3 problems):",
        '  - enableAutoscaling: got false; allowed: no such setting; did you mean "enableAutoScaling"?',
        '  - modelArtifact.bucket: got "models"; allowed: no such setting (known: source, path)',
        '  - modelArtifact.path: got "s3://models/model.tar.gz"; allowed: no path with source "s3" (a path is a "local-file" source\'s)',
      ].join("\n"),
    );
  });
});

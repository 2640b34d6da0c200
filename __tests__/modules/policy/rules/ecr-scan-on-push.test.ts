import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { ecrScanOnPush as rule } from "../../../../modules/policy/rules/ecr-scan-on-push";
import { findingsOf } from "../../../helpers/policy";

describe(rule.id, () => {
  it("accepts a repository that scans on push", () => {
    expect(
      findingsOf(rule, (scope) => {
        new EcrRepository(scope, "repository", {
          name: "models",
          imageScanningConfiguration: { scanOnPush: true },
        });
      }),
    ).toEqual([]);
  });

  it("reports a repository without scanning, one with scanning off, and one decided at apply time", () => {
    expect(
      findingsOf(rule, (scope) => {
        const scan = new TerraformVariable(scope, "scan", { type: "bool" });
        new EcrRepository(scope, "variable", {
          name: "c",
          imageScanningConfiguration: { scanOnPush: scan.booleanValue },
        });
        new EcrRepository(scope, "unset", { name: "a" });
        new EcrRepository(scope, "off", {
          name: "b",
          imageScanningConfiguration: { scanOnPush: false },
        });
      }),
    ).toEqual([
      {
        address: "aws_ecr_repository.variable",
        severity: "warning",
        message:
          'Does not scan images on push (image_scanning_configuration.scan_on_push is "${var.scan}"); set it to true.',
      },
      {
        address: "aws_ecr_repository.unset",
        severity: "warning",
        message:
          "Does not scan images on push (image_scanning_configuration.scan_on_push is not set); set it to true.",
      },
      {
        address: "aws_ecr_repository.off",
        severity: "warning",
        message:
          "Does not scan images on push (image_scanning_configuration.scan_on_push is false); set it to true.",
      },
    ]);
  });
});

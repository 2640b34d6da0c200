import type { PolicyRule } from "../rule";
import { asBlock, isTrue, shown } from "../values";

export const ecrScanOnPush: PolicyRule = {
  id: "ecr-scan-on-push",
  severity: "warning",
  what: "Every ECR repository scans images on push",
  why: "Scanning reports known vulnerabilities in an image before an endpoint runs it",
  checkov: ["CKV_AWS_163"],
  reference: "Security Hub ECR.1",
  appliesTo: ["aws_ecr_repository"],
  check(repository) {
    const scanOnPush = asBlock(repository.attributes.image_scanning_configuration)?.scan_on_push;
    return isTrue(scanOnPush)
      ? []
      : [
          `Does not scan images on push (image_scanning_configuration.scan_on_push is ${shown(scanOnPush)}); ` +
            "set it to true.",
        ];
  },
};

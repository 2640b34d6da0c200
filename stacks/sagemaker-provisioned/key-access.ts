import type { AwsContext } from "../../modules/core/aws-context";
import type { KeyServiceAccess } from "../../modules/kms/encryption-key";
import type { Switches } from "./switches";

/**
 * What the key policy lets services do. Correction: the recipe's key lets only SageMaker in (without a condition),
 * so CloudWatch Logs cannot encrypt the log group with it (creating the group fails) and alarms cannot publish to
 * the encrypted topic (notifications are dropped).
 */
export function keyServiceAccess(
  aws: AwsContext,
  endpointName: string,
  switches: Switches,
): KeyServiceAccess[] {
  const thisAccount = {
    test: "StringEquals",
    variable: "aws:SourceAccount",
    values: [aws.accountId],
  };
  const access: KeyServiceAccess[] = [
    {
      sid: "Allow SageMaker Service",
      servicePrincipal: "sagemaker.amazonaws.com",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
      conditions: [thisAccount],
    },
  ];
  if (switches.enableCloudwatchLogs) {
    // CloudWatch Logs guide, "Encrypt log data using AWS KMS": the regional service principal, for this group.
    access.push({
      sid: "Allow CloudWatch Logs",
      servicePrincipal: `logs.${aws.region}.${aws.dnsSuffix}`,
      actions: [
        "kms:Encrypt*",
        "kms:Decrypt*",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:Describe*",
      ],
      conditions: [
        {
          test: "ArnLike",
          variable: "kms:EncryptionContext:aws:logs:arn",
          values: [
            aws.arn({
              service: "logs",
              resource: `log-group:/aws/sagemaker/Endpoints/${endpointName}`,
            }),
          ],
        },
      ],
    });
  }
  if (switches.enableSnsNotifications) {
    // SNS guide, "Enable compatibility between event sources from AWS services and encrypted topics".
    access.push({
      sid: "Allow CloudWatch Alarms",
      servicePrincipal: "cloudwatch.amazonaws.com",
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      conditions: [
        thisAccount,
        {
          test: "ArnLike",
          variable: "aws:SourceArn",
          values: [aws.arn({ service: "cloudwatch", resource: "alarm:*" })],
        },
      ],
    });
  }
  return access;
}

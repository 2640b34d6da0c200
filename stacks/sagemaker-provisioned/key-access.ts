import type { AwsContext } from "../../modules/core/aws-context";
import type { KeyServiceAccess } from "../../modules/kms/encryption-key";
import type { Switches } from "./props";

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
      // The recipe's statement. Narrowed to SageMaker acting for this account (aws:SourceAccount) and in this region
      // (aws:SourceArn), as far as AWS documents SageMaker's use of KMS:
      // - aws:SourceArn: the SageMaker guide ("Cross-service confused deputy prevention", SageMaker Inference)
      //   prescribes arn:<partition>:sagemaker:<region>:<account>:* for inference and says not to put the ARN of a
      //   model or endpoint there; the guide documents no SageMaker source ARN for KMS calls that would name this
      //   stack's endpoint. AWS sets aws:SourceArn and aws:SourceAccount together, so the statement still applies
      //   to the calls it applied to before, now only in this region.
      // - kms:ViaService cannot narrow it: it is set when an IAM principal's request reaches KMS through a
      //   service, never for a service principal calling KMS itself (KMS Developer Guide, kms:ViaService).
      // - kms:EncryptionContext: SageMaker documents no encryption context for an endpoint's storage or captured
      //   data, so a condition on it could refuse the calls the statement exists for.
      // The API reference (CreateEndpointConfig KmsKeyId) asks the key policy to let the principal that calls
      // CreateEndpoint use the key: the first statement leaves that to the account's IAM policies. This statement
      // is kept because the recipe has it.
      sid: "Allow SageMaker Service",
      servicePrincipal: "sagemaker.amazonaws.com",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
      conditions: [
        thisAccount,
        {
          test: "ArnLike",
          variable: "aws:SourceArn",
          values: [aws.arn({ service: "sagemaker", resource: "*" })],
        },
      ],
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

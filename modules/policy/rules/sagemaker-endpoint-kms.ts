import { howToSet } from "../construct-props";
import type { PolicyRule } from "../rule";
import { asBlock, asList, isExpression, isSet } from "../values";

/**
 * Instance families of the SageMaker hosting instance types whose storage is local NVMe instance store (no
 * EBS volume): the `d` families, g4dn, g5, g6, g6e, p4d, p4de, p5, p5e, p5en, p6-b200, trn1, trn1n, trn2 and
 * dl1 (EC2 instance type specifications). Their storage is encrypted by the instance hardware, and
 * CreateEndpointConfig fails when a KmsKeyId is given with any of them. Families whose storage could not be
 * verified (e.g. g7e, p6-b300) are not listed: a finding there is acknowledged, not silently skipped.
 */
export const NVME_INSTANCE_FAMILIES: readonly string[] = [
  "c5d",
  "c6gd",
  "dl1",
  "g4dn",
  "g5",
  "g6",
  "g6e",
  "m5d",
  "m6gd",
  "p4d",
  "p4de",
  "p5",
  "p5e",
  "p5en",
  "p6-b200",
  "r5d",
  "r6gd",
  "r7gd",
  "trn1",
  "trn1n",
  "trn2",
];

/** Whether a literal instance type such as `ml.g5.xlarge` has only local NVMe storage. */
export function hasOnlyNvmeStorage(instanceType: unknown): boolean {
  if (typeof instanceType !== "string" || isExpression(instanceType)) return false;
  const family = /^ml\.([a-z0-9-]+)\./.exec(instanceType)?.[1];
  return family !== undefined && NVME_INSTANCE_FAMILIES.includes(family);
}

export const sagemakerEndpointKms: PolicyRule = {
  id: "sagemaker-endpoint-kms",
  severity: "error",
  what: "Endpoint configurations set a KMS key (`kms_key_arn`), unless an instance type has only local NVMe storage",
  why: "On instances the key encrypts the ML storage volumes that hold the model and its data (NVMe instance storage is encrypted by the hardware and takes no key); on a serverless endpoint it encrypts SageMaker's copy of the image, which SageMaker otherwise encrypts with a key of its own",
  checkov: ["CKV_AWS_98"],
  reference:
    "cdk-nag SageMakerEndpointConfigurationKMSKeyConfigured; SageMaker API CreateEndpointConfig KmsKeyId; SageMaker Developer Guide, Serverless Inference (Create an endpoint configuration: KmsKeyId)",
  appliesTo: ["aws_sagemaker_endpoint_configuration"],
  check(configuration) {
    const { production_variants, shadow_production_variants, kms_key_arn } =
      configuration.attributes;
    if (isSet(kms_key_arn)) return [];
    const variants = [...asList(production_variants), ...asList(shadow_production_variants)].map(
      (variant, index) => ({ variant: asBlock(variant) ?? {}, position: index + 1 }),
    );
    const instanceVariants = variants.filter(
      ({ variant }) => variant.serverless_config === undefined,
    );
    if (instanceVariants.length === 0) {
      // Serverless: the endpoint has no storage volume of the account's; the key would encrypt SageMaker's copy of
      // the image (SageMaker Developer Guide, Serverless Inference: "SageMaker uses this key to encrypt your Amazon
      // ECR image"). Less is at stake than on instances: a warning.
      return variants.length === 0
        ? []
        : [
            {
              severity: "warning",
              message:
                "Its serverless variant has no customer managed KMS key, so SageMaker encrypts its copy of the " +
                `model image with a key of its own; set ${howToSet(configuration, "kms_key_arn")} to a key whose ` +
                "policy lets the execution role use it.",
            },
          ];
    }
    if (instanceVariants.some(({ variant }) => hasOnlyNvmeStorage(variant.instance_type))) {
      return [];
    }
    const described = instanceVariants.map(({ variant, position }) => {
      const name = typeof variant.variant_name === "string" ? variant.variant_name : `#${position}`;
      return `${name} on ${String(variant.instance_type ?? "an unknown instance type")}`;
    });
    return [
      `Its instance-backed variants (${described.join(", ")}) keep the model and data on ML storage ` +
        `volumes without a customer managed KMS key; set ${howToSet(configuration, "kms_key_arn")}.`,
    ];
  },
};

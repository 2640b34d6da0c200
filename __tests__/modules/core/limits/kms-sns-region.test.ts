import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { LOG_RETENTION_DAYS } from "../../../../modules/core/limits/cloudwatch";
import {
  KMS_ALIAS_NAME,
  KMS_KEY_ARN,
  KMS_KEY_OR_ALIAS_ARN,
} from "../../../../modules/core/limits/kms";
import { REGION } from "../../../../modules/core/limits/region";
import { EMAIL_ADDRESS, SNS_TOPIC_ARN } from "../../../../modules/core/limits/sns";
import { resolved } from "../../../helpers/synth";
import { stack, v } from "./values";

const KEY = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ALIAS = "arn:aws-cn:kms:cn-north-1:111122223333:alias/my-key";

describe("KMS ARNs", () => {
  it("KMS_KEY_ARN takes a key, not an alias: IAM policies and log groups need the key", () => {
    const WORDS =
      "a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id> (not an alias: IAM policies and log groups need the key)";
    expect(KMS_KEY_ARN.rule(KEY)).toBeUndefined();
    expect(KMS_KEY_ARN.rule(`arn:aws:kms:us-east-1:111122223333:key/mrk-${"a".repeat(32)}`)).toBe(
      undefined,
    );
    expect(KMS_KEY_ARN.rule(ALIAS)).toBe(WORDS);
    expect(KMS_KEY_ARN.rule("1234abcd-12ab-34cd-56ef-1234567890ab")).toBe(WORDS);
    expect(resolved(stack, KMS_KEY_ARN.condition(v))).toBe(
      '${can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$", var.v))}',
    );
  });

  it("KMS_KEY_OR_ALIAS_ARN takes either, from the same parts", () => {
    const WORDS =
      "a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>";
    expect(KMS_KEY_OR_ALIAS_ARN.rule(KEY)).toBeUndefined();
    expect(KMS_KEY_OR_ALIAS_ARN.rule(ALIAS)).toBeUndefined();
    expect(KMS_KEY_OR_ALIAS_ARN.rule("arn:aws:kms:us-east-1:111122223333:alias/a.b")).toBe(WORDS);
    expect(KMS_KEY_OR_ALIAS_ARN.rule("alias/my-key")).toBe(WORDS);
    expect(KMS_KEY_OR_ALIAS_ARN.rule("arn:aws:s3:::bucket")).toBe(WORDS);
  });

  it("KMS_ALIAS_NAME refuses the alias/aws/ namespace, in Terraform too", () => {
    const WORDS =
      "a KMS alias name: alias/ and 1-250 letters, digits, '/', '_' and '-', not starting with alias/aws/";
    for (const name of ["alias/ml-models-sagemaker-dev-sagemaker-key", "alias/a/b_c"]) {
      expect(KMS_ALIAS_NAME.rule(name)).toBeUndefined();
    }
    for (const name of ["ml-key", "alias/", "alias/aws/sns", "alias/a.b"]) {
      expect(KMS_ALIAS_NAME.rule(name)).toBe(WORDS);
    }
    expect(resolved(stack, KMS_ALIAS_NAME.condition(v))).toBe(
      '${(((length(var.v) <= 256) && can(regex("^alias/[a-zA-Z0-9/_-]+$", var.v))) && !startswith(var.v, "alias/aws/"))}',
    );
  });
});

describe("SNS", () => {
  it("SNS_TOPIC_ARN: a topic in a region and account", () => {
    const WORDS = "an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>";
    expect(SNS_TOPIC_ARN.rule("arn:aws:sns:us-east-1:111122223333:alerts.fifo")).toBeUndefined();
    expect(SNS_TOPIC_ARN.rule("arn:aws:sns:us-east-1:111122223333:")).toBe(WORDS);
    expect(SNS_TOPIC_ARN.rule("arn:aws:sqs:us-east-1:111122223333:queue")).toBe(WORDS);
  });

  it.each(["ops@example.com", "a.b+c%d@sub.example.co"])("EMAIL_ADDRESS accepts %s", (address) => {
    expect(EMAIL_ADDRESS.rule(address)).toBeUndefined();
  });
  it.each(["", "ops", "ops@example", "ops@example.c", "a b@example.com"])(
    "EMAIL_ADDRESS rejects %j",
    (address) => {
      expect(EMAIL_ADDRESS.rule(address)).toBe("an e-mail address such as ops@example.com");
    },
  );
  it("EMAIL_ADDRESS is the same pattern in Terraform", () => {
    expect(resolved(stack, EMAIL_ADDRESS.condition(v))).toBe(
      '${can(regex("^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+[.][a-zA-Z]{2,}$", var.v))}',
    );
  });
});

describe("REGION and LOG_RETENTION_DAYS", () => {
  it.each(["us-east-1", "cn-north-1", "us-gov-west-1", "us-isob-east-1", "eusc-de-east-1"])(
    "REGION accepts %s",
    (region) => {
      expect(REGION.rule(region)).toBeUndefined();
    },
  );
  it.each(["eu_west_1", "US-EAST-1", "us-east", "mars"])("REGION rejects %s", (region) => {
    expect(REGION.rule(region)).toBe("an AWS region code such as us-east-1");
  });
  it("REGION is the same pattern in Terraform", () => {
    expect(resolved(stack, REGION.condition(v))).toBe(
      '${can(regex("^[a-z]{2,4}(-[a-z]+)+-[0-9]+$", var.v))}',
    );
  });

  it("LOG_RETENTION_DAYS lists what CloudWatch Logs accepts", () => {
    const n = new TerraformVariable(stack, "days", { type: "number" }).numberValue;
    expect(LOG_RETENTION_DAYS.rule(365)).toBeUndefined();
    expect(LOG_RETENTION_DAYS.rule(366)).toBe(
      "one of the retention periods CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653",
    );
    expect(resolved(stack, LOG_RETENTION_DAYS.condition(n))).toBe(
      "${contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.days)}",
    );
  });
});

import { describe, expect, it } from "vitest";
import { IAM_POLICY_NAME, IAM_ROLE_ARN, IAM_ROLE_NAME } from "../../../../modules/core/limits/iam";
import { resolved } from "../../../helpers/synth";
import { stack, v } from "./values";
import { IAM_ROLE_NAME_WORDS } from "../../../helpers/allowed";

describe("IAM_ROLE_NAME", () => {
  it.each(["alex-sagemaker-role", "a+=,.@_-b", "r".repeat(64)])("accepts %s", (name) => {
    expect(IAM_ROLE_NAME.rule(name)).toBeUndefined();
  });
  it.each(["", "with space", "slash/role", "ünï"])("rejects %j", (name) => {
    expect(IAM_ROLE_NAME.rule(name)).toBe(IAM_ROLE_NAME_WORDS);
  });
  it("says how long a name that is too long is", () => {
    expect(IAM_ROLE_NAME.rule("r".repeat(65))).toBe(`${IAM_ROLE_NAME_WORDS} (this one has 65)`);
  });
  it("checks the length and the characters in Terraform", () => {
    expect(resolved(stack, IAM_ROLE_NAME.condition(v))).toBe(
      '${((length(var.v) <= 64) && can(regex("^[a-zA-Z0-9_+=,.@-]+$", var.v)))}',
    );
  });
});

describe("IAM_POLICY_NAME", () => {
  it("takes 1-128 characters of the role name's set", () => {
    expect(IAM_POLICY_NAME.rule("p".repeat(128))).toBeUndefined();
    expect(IAM_POLICY_NAME.rule("p".repeat(129))).toBe(
      "an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ - (this one has 129)",
    );
    expect(IAM_POLICY_NAME.rule("a b")).toBe(
      "an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ -",
    );
  });
});

describe("IAM_ROLE_ARN", () => {
  it("takes a role in any partition, with a path", () => {
    const IAM_ROLE_NAME_WORDS =
      "an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path and name>";
    expect(IAM_ROLE_ARN.rule("arn:aws:iam::111122223333:role/service-role/Exec+Role")).toBe(
      undefined,
    );
    expect(IAM_ROLE_ARN.rule("arn:aws-us-gov:iam::111122223333:role/r")).toBeUndefined();
    expect(IAM_ROLE_ARN.rule("arn:aws:iam::1111:role/r")).toBe(IAM_ROLE_NAME_WORDS);
    expect(IAM_ROLE_ARN.rule("arn:aws:iam::111122223333:user/u")).toBe(IAM_ROLE_NAME_WORDS);
    expect(IAM_ROLE_ARN.rule("my-role")).toBe(IAM_ROLE_NAME_WORDS);
  });
});

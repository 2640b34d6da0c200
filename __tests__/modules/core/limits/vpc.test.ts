import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { VPC_ID, VPC_SECURITY_GROUPS, VPC_SUBNETS } from "../../../../modules/core/limits/vpc";
import { resolved } from "../../../helpers/synth";
import { stack } from "./values";

describe("the VPC of a model", () => {
  const list = new TerraformVariable(stack, "subnets", { type: "list(string)" }).listValue;

  it("takes 1-16 subnets and 1-5 security groups, counted in Terraform too", () => {
    expect(VPC_SUBNETS.rule(["subnet-1"])).toBeUndefined();
    expect(VPC_SUBNETS.rule([])).toBe("1-16 subnets");
    expect(VPC_SECURITY_GROUPS.rule(Array.from({ length: 6 }, (_, i) => `sg-${i}`))).toBe(
      "1-5 security groups",
    );
    expect(resolved(stack, VPC_SUBNETS.condition(list))).toBe(
      "${((length(var.subnets) >= 1) && (length(var.subnets) <= 16))}",
    );
  });

  it("takes ids of 1-32 letters, digits and '-'", () => {
    expect(VPC_ID("subnet-0a1b2c3d")).toBeUndefined();
    expect(VPC_ID("sg 1")).toBe("an id of 1-32 letters, digits and '-'");
  });
});

import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import {
  acknowledge,
  acknowledgementFor,
  acknowledgementsIn,
} from "../../../modules/policy/acknowledgements";

describe("acknowledge", () => {
  const stack = new TerraformStack(Testing.app(), "stack");
  const parent = new Construct(stack, "parent");
  const child = new Construct(parent, "child");
  const grandchild = new Construct(child, "grandchild");
  acknowledge(parent, "kms-key-rotation", "Keys of this team are rotated by hand.");
  acknowledge(child, "kms-key-rotation", "This key is imported; its material cannot rotate.");
  acknowledge(child, "s3-bucket-versioning", "Scratch data, recreated on every run.");

  it("covers the construct and everything below it, the nearest acknowledgement first", () => {
    expect(acknowledgementFor(grandchild, "kms-key-rotation")).toEqual({
      ruleId: "kms-key-rotation",
      reason: "This key is imported; its material cannot rotate.",
      scope: child,
    });
    expect(acknowledgementFor(parent, "kms-key-rotation")?.scope).toBe(parent);
    expect(acknowledgementFor(parent, "s3-bucket-versioning")).toBe(undefined);
    expect(acknowledgementFor(stack, "kms-key-rotation")).toBe(undefined);
  });

  it("lists every acknowledgement below a scope", () => {
    expect(acknowledgementsIn(stack).map(({ ruleId, scope }) => [ruleId, scope.node.path])).toEqual(
      [
        ["kms-key-rotation", "stack/parent"],
        ["kms-key-rotation", "stack/parent/child"],
        ["s3-bucket-versioning", "stack/parent/child"],
      ],
    );
  });

  it("requires a rule id and a reason, and reports both problems at once", () => {
    expect(() => acknowledge(grandchild, "KMS5", "  ok  ")).toThrowError(
      [
        "Invalid configuration for 'stack/parent/child/grandchild' (2 problems):",
        '  - ruleId: got "KMS5"; allowed: a policy rule id such as s3-bucket-tls-only',
        '  - reason: got "  ok  "; allowed: a reason of at least 10 characters',
      ].join("\n"),
    );
  });

  it("refuses a second acknowledgement of the same rule on the same construct", () => {
    expect(() =>
      acknowledge(child, "s3-bucket-versioning", "Another reason, given twice."),
    ).toThrowError(
      [
        "Invalid configuration for 'stack/parent/child' (1 problem):",
        '  - ruleId: got "s3-bucket-versioning"; allowed: a rule not yet acknowledged on this construct',
      ].join("\n"),
    );
  });
});

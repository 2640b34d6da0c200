import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Aspects, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { PolicyChecks } from "../../modules/policy/policy-checks";
import { reportedAnnotations } from "../../modules/policy/reported-annotations";
import { localStatePath, ProjectStack } from "../../stacks/project-stack";
import { addresses, synthStack } from "../helpers/synth";

class Wrapper extends Construct {
  public readonly role: IamRole;
  public readonly referenced: string;
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.role = new IamRole(this, "role", { name: "r", assumeRolePolicy: "{}" });
    // Referring to the role fixes its logical id, as constructs do all the time.
    this.referenced = this.role.arn;
  }
}

class TestStack extends ProjectStack {
  public constructor(addressesToKeep: Record<string, string>) {
    super(Testing.app(), "test");
    this.keepAddresses(addressesToKeep);
    new Wrapper(this, "wrapper");
    new Wrapper(this, "other");
  }
}

describe("ProjectStack", () => {
  it("gives nested resources the addresses it is told to keep, even after they were referenced", () => {
    const json = synthStack(new TestStack({ "wrapper/role": "original_role" }));
    // The other role is named after its construct path (modules/core/terraform-names.ts).
    expect(addresses(json)).toEqual(["aws_iam_role.original_role", "aws_iam_role.other_role"]);
  });

  it("moves state from instance 0 of a resource the original counted, to its kept address", () => {
    class MovingStack extends ProjectStack {
      public constructor() {
        super(Testing.app(), "test");
        this.keepAddresses({ "wrapper/role": "original_role" });
        this.moveFromFirstInstance(new Wrapper(this, "wrapper").role);
      }
    }
    const json = synthStack(new MovingStack()) as { moved?: unknown };
    expect(json.moved).toEqual([
      { from: "aws_iam_role.original_role[0]", to: "aws_iam_role.original_role" },
    ]);
  });

  it("fails synth when a kept address names a construct path that does not exist", () => {
    const stack = new TestStack({ "wrapper/rol": "original_role" });
    expect(() => synthStack(stack)).toThrowError(
      "Stack 'test' keeps addresses for construct paths that do not exist: wrapper/rol",
    );
  });

  it("keeps state beside the project, relative to cdktf.out/stacks/<stack>", () => {
    expect(localStatePath("ml-module")).toBe("../../../terraform.ml-module.tfstate");
    expect(synthStack(new TestStack({})).terraform).toMatchObject({
      backend: { local: { path: "../../../terraform.test.tfstate" } },
      required_version: ">= 1.5",
    });
  });

  it("runs the policy checks on every synth; in the tests, as in cdktf synth, an error fails it", () => {
    const stack = new TestStack({});
    expect(Aspects.of(stack).all.filter((aspect) => aspect instanceof PolicyChecks)).toHaveLength(
      1,
    );
    new KmsKey(stack, "key", {});
    const finding =
      "[kms-key-rotation] aws_kms_key.key: Does not rotate its key material (enable_key_rotation is not set); set it to true.";
    expect(() => synthStack(stack)).toThrowError(
      `Stack 'test' has error annotations:\n[test/key] ${finding}`,
    );
    expect(reportedAnnotations(stack)).toEqual([
      { path: "test/key", level: "error", message: finding },
    ]);
  });
});

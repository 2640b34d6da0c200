/**
 * A Terraform `moved { from, to }` block, as an element of its own: `ProjectStack.moveFromFirstInstance` and the
 * constructs that take over state from other Terraform code (`SagemakerInference`'s `migrateFromModule`) write
 * theirs with it, in a `ProjectStack` or a plain `TerraformStack`.
 *
 * Not cdktf's `resource.moveFromId()`: a stack with cdktf resource moves runs `terraform version` at synth and fails
 * where terraform is not installed, though synthesizing needs no terraform (it is `required_version` on the machine
 * that applies that matters, and Terraform checks that itself). The JSON written is the same as cdktf's.
 */
import { TerraformElement, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";

export interface Move {
  /**
   * The address the state holds, which need not exist in this configuration, e.g. `aws_kms_key.key[0]` or
   * `module.inference.aws_sagemaker_model.models["churn"]`.
   */
  readonly from: string;
  /**
   * Where it moves: an address, or a resource of this stack, whose address is read when the stack is synthesized
   * (after `keepAddresses`, `overrideLogicalId` and every other naming has settled).
   */
  readonly to: string | TerraformResource;
}

/** `<type>.<name>` of a resource, e.g. `aws_sagemaker_model.churn_model`. */
export function resourceAddress(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

export class MovedBlock extends TerraformElement {
  public constructor(
    scope: Construct,
    id: string,
    private readonly move: Move,
  ) {
    super(scope, id);
  }

  /** The move's addresses. */
  public get addresses(): { readonly from: string; readonly to: string } {
    const { from, to } = this.move;
    return { from, to: typeof to === "string" ? to : resourceAddress(to) };
  }

  public override toTerraform(): Record<string, unknown> {
    return { moved: [this.addresses] };
  }

  /** For a plain TerraformStack's `--hcl`: addresses are references, as cdktf writes its own moves. */
  public override toHclTerraform(): Record<string, unknown> {
    const reference = (value: string) => ({
      value,
      isBlock: false,
      type: "simple",
      storageClassType: "reference",
    });
    const { from, to } = this.addresses;
    return { moved: [{ from: reference(from), to: reference(to) }] };
  }
}

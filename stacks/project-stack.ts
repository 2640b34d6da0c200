import { TerraformElement, TerraformStack, type TerraformResource } from "cdktf";
import type { Construct, Node } from "constructs";
import { PolicyChecks } from "../modules/policy/policy-checks";
import { prepareStackKeepingElements } from "../modules/policy/prepared-configuration";
import { addStateBackend } from "./state-backend";

export { localStatePath, REQUIRED_TERRAFORM_VERSION } from "./state-backend";

/**
 * A stack of this project: its state where the environment says (local in the project root by default, see
 * `state-backend.ts`), the Terraform version that needs, the policy checks (`modules/policy`, run on every
 * synth), and the original Terraform addresses of the resources it mirrors.
 */
export class ProjectStack extends TerraformStack {
  /** The stack's `terraform { required_version }`: higher when its state backend needs a newer Terraform. */
  public readonly requiredTerraformVersion: string;
  private readonly addresses = new Map<string, string>();

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.requiredTerraformVersion = addStateBackend(this).requiredTerraformVersion;
    this.addOverride("terraform.required_version", this.requiredTerraformVersion);
    PolicyChecks.applyTo(this);
  }

  /**
   * Gives resources their original Terraform names, so state from the original HCL can be moved over and
   * plan shows no change: `{ "sagemaker-execution-role/role": "sagemaker_role" }` synthesizes the construct
   * at `<stack>/sagemaker-execution-role/role` as `aws_iam_role.sagemaker_role`.
   *
   * Call it before creating the constructs: a resource's name is fixed the first time anything refers to it.
   * Synth fails if a path matches no construct.
   */
  protected keepAddresses(addresses: Readonly<Record<string, string>>): void {
    for (const [path, name] of Object.entries(addresses)) this.addresses.set(path, name);
  }

  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const kept = this.addresses.get(this.pathInStack(node));
    return kept ?? super.allocateLogicalId(element);
  }

  /**
   * Moves state from instance 0 of each resource (`aws_x.name[0]`) to the resource (`aws_x.name`): a `moved`
   * block for resources the original created with `count = condition ? 1 : 0` and this stack creates without a
   * count, when a typed switch turns them on. Call it after `keepAddresses` fixed their names.
   */
  protected moveFromFirstInstance(...resources: TerraformResource[]): void {
    for (const resource of resources) {
      const address = `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
      new MovedBlock(this, `moved_${address}`, { from: `${address}[0]`, to: address });
    }
  }

  /** cdktf's preparation, keeping what it resolves for the policy checks (see `prepareStackKeepingElements`). */
  public override prepareStack(): void {
    prepareStackKeepingElements(this);
  }

  public override toTerraform(): Record<string, unknown> {
    const missing = [...this.addresses.keys()].filter((path) => !findPath(this, path));
    if (missing.length > 0) {
      throw new Error(
        `Stack '${this.node.id}' keeps addresses for construct paths that do not exist: ${missing.join(", ")}`,
      );
    }
    return super.toTerraform();
  }

  /**
   * cdktf 0.21 renders any `terraform` attribute besides providers and backend wrongly in HCL (it prints
   * `0 = "required_version"`), so `cdktf synth --hcl` would write invalid HCL. Put the attribute back.
   */
  public override toHclTerraform(): { [key: string]: unknown } {
    const rendered = super.toHclTerraform();
    const hcl = String(rendered.hcl).replace(
      /^(\s*)0 = "required_version"$/m,
      `$1required_version = "${this.requiredTerraformVersion}"`,
    );
    return { ...rendered, hcl };
  }

  private pathInStack(node: Node): string {
    const scopes = node.scopes;
    return scopes
      .slice(scopes.indexOf(this) + 1)
      .map((scope) => scope.node.id)
      .join("/");
  }
}

function findPath(stack: TerraformStack, path: string): boolean {
  let current: Construct | undefined = stack;
  for (const id of path.split("/")) {
    current = current?.node.tryFindChild(id) as Construct | undefined;
  }
  return current !== undefined;
}

/**
 * A Terraform `moved { from, to }` block.
 *
 * Written as an element of its own instead of through cdktf's `resource.moveFromId()`: a stack with cdktf resource
 * moves runs `terraform version` at synth and fails where terraform is not installed, though synthesizing needs no
 * terraform (it is `required_version` on the machine that applies that matters, and Terraform checks that itself).
 * The JSON and HCL written are the same as cdktf's.
 */
class MovedBlock extends TerraformElement {
  public constructor(
    scope: Construct,
    id: string,
    private readonly move: { readonly from: string; readonly to: string },
  ) {
    super(scope, id);
  }

  public override toTerraform(): Record<string, unknown> {
    return { moved: [{ from: this.move.from, to: this.move.to }] };
  }

  public override toHclTerraform(): Record<string, unknown> {
    const reference = (value: string) => ({
      value,
      isBlock: false,
      type: "simple",
      storageClassType: "reference",
    });
    return { moved: [{ from: reference(this.move.from), to: reference(this.move.to) }] };
  }
}

import { TerraformElement, TerraformStack, type TerraformResource } from "cdktf";
import type { Construct, Node } from "constructs";
import { writeOneFormatOnly } from "../modules/core/hcl/one-format-synthesizer";
import { stackHcl } from "../modules/core/hcl/stack-hcl";
import { MovedBlock } from "../modules/core/moved-block";
import { readableName, TakenNames } from "../modules/core/terraform-names";
import { PolicyChecks } from "../modules/policy/policy-checks";
import { prepareStackKeepingElements } from "../modules/policy/prepared-configuration";
import { addStateBackend } from "./state-backend";

export { localStatePath, REQUIRED_TERRAFORM_VERSION } from "./state-backend";

/**
 * The base of every stack of this project, and of your own (docs/your-own-stacks.md): its state where the
 * environment says (local in the project root by default, at a relative path; see `state-backend.ts`), the
 * Terraform version that needs, the policy checks (`modules/policy`, run on every synth), the original Terraform
 * addresses of resources that already exist (`keepAddresses`), readable names for the others
 * (`modules/core/terraform-names.ts`), HCL that Terraform accepts (`modules/core/hcl`), and one format per stack
 * folder.
 */
export class ProjectStack extends TerraformStack {
  /** The stack's `terraform { required_version }`: higher when its state backend needs a newer Terraform. */
  public readonly requiredTerraformVersion: string;
  private readonly addresses = new Map<string, string>();
  private readonly names = new TakenNames(this.node.id);

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    this.requiredTerraformVersion = addStateBackend(this).requiredTerraformVersion;
    this.addOverride("terraform.required_version", this.requiredTerraformVersion);
    PolicyChecks.applyTo(this);
    writeOneFormatOnly(this);
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

  /** Every element's Terraform name, by the rule in `modules/core/terraform-names.ts`. */
  protected override allocateLogicalId(element: TerraformElement | Node): string {
    const node = TerraformElement.isTerraformElement(element) ? element.node : element;
    const scopes = node.scopes.slice(node.scopes.indexOf(this) + 1);
    const kept = this.addresses.get(scopes.map((scope) => scope.node.id).join("/"));
    if (kept !== undefined) return this.names.take(element, node, kept);
    const name = scopes.length <= 1 ? super.allocateLogicalId(element) : readableName(node, scopes);
    return this.names.take(element, node, name);
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
   * The HCL of `cdktf synth --hcl`, written from the stack's JSON (`modules/core/hcl`): cdktf 0.21's own HCL
   * writer renders preconditions, `depends_on`, `moved` blocks, `required_version`, empty and false variable
   * defaults and strings with quotes or backslashes wrongly, and Terraform refuses or misreads the result.
   */
  public override toHclTerraform(): { [key: string]: unknown } {
    const { hcl, metadata } = stackHcl(this, this.toTerraform());
    return { hcl, metadata };
  }
}

function findPath(stack: TerraformStack, path: string): boolean {
  let current: Construct | undefined = stack;
  for (const id of path.split("/")) {
    current = current?.node.tryFindChild(id) as Construct | undefined;
  }
  return current !== undefined;
}

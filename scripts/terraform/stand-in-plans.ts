/**
 * `terraform plan` of a stack's stand-in (see `stand-in.ts`), offline, as many times as there are cases: one
 * folder per stack holding the stand-in, one plan per case with its own variable file, plan file and state, run
 * side by side. Each plan says, in the stack's own terms, which validation or condition stopped it (with
 * Terraform's exact message), or what it would do: the output values, each resource's planned arguments and
 * computed stand-in values, and which instances move from which address.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { diagnostics, type OfflineTerraform, type TerraformRun } from "./offline-terraform";
import { instanceAddress, originalAddress, standInAddress } from "./stand-in-addresses";
import {
  standIn,
  type StandIn,
  type StandInOptions,
  type TerraformConfiguration,
} from "./stand-in";
import { checksOf, withOnlyConditions, type Check } from "./checks";

/** What one plan is asked to evaluate. */
export interface PlanRequest {
  /** Variable values (as a `.tfvars.json` holds them); the others keep their defaults. */
  readonly variables?: Readonly<Record<string, unknown>>;
  /**
   * Instances the state holds before the plan, by their address in the stack, e.g. `aws_iam_policy.p[0]`, or in a
   * module call the stack replaces, e.g. `module.old.aws_iam_policy.p["a"]`.
   */
  readonly priorInstances?: readonly string[];
  /**
   * What some of `priorInstances` hold, by the same address: their `input` and `triggers_replace` (otherwise
   * null), e.g. an endpoint as the original created it, to show what a plan replaces.
   */
  readonly priorAttributes?: Readonly<Record<string, PriorAttributes>>;
}

/** A stand-in instance's attributes in a prior state. */
export interface PriorAttributes {
  readonly input?: unknown;
  readonly triggers_replace?: unknown;
}

/** An error of a plan, in the stack's terms. */
export interface PlanError {
  /** The check that failed (see `checks.ts`), e.g. `var.region/validation[0]`; undefined for other errors. */
  readonly check: string | undefined;
  /** The message: the check's `error_message` as Terraform rendered it, or the whole diagnostic otherwise. */
  readonly message: string;
}

/** A planned change to one resource instance, in the stack's terms. */
export interface PlannedChange {
  /** e.g. `aws_kms_key.sagemaker_key[0]` */
  readonly address: string;
  /** Where the instance moves from (a `moved` block), if it does. */
  readonly previousAddress: string | undefined;
  /** Terraform's actions: `["create"]`, `["update"]`, `["no-op"]`, `["delete", "create"]`, ... */
  readonly actions: readonly string[];
  /** The resource's arguments and stand-in computed attributes as planned (the stand-in's `input`). */
  readonly attributes: unknown;
}

export interface PlanOutcome {
  readonly errors: readonly PlanError[];
  /** Output values (planned), when the plan succeeded. */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Every planned resource instance change, when the plan succeeded. */
  readonly changes: readonly PlannedChange[];
}

interface ShownPlan {
  planned_values?: { outputs?: Record<string, { value?: unknown }> };
  resource_changes?: {
    address: string;
    previous_address?: string;
    mode: string;
    change: { actions: string[]; after?: { input?: unknown } };
  }[];
}

interface JsonDiagnostic {
  severity: string;
  summary: string;
  detail?: string;
  snippet?: { context?: string; values?: { traversal: string }[] };
}

/** At most this many terraform processes at once, shared by every workspace of the process. */
const pool = new (class {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  public readonly size = Math.max(2, availableParallelism());

  public async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }
})();

/** A stack's stand-in in a folder of its own, planned once per request. */
export class StandInWorkspace {
  public readonly folder: string;
  public readonly standIn: StandIn;
  public readonly checks: readonly Check[];
  private plans = 0;

  private readonly variants = new Map<string, StandInWorkspace>();

  public constructor(
    private readonly terraform: OfflineTerraform,
    public readonly stackName: string,
    private readonly configuration: TerraformConfiguration,
    private readonly options: StandInOptions = {},
  ) {
    this.standIn = standIn(configuration, options);
    this.checks = checksOf(configuration);
    this.folder = mkdtempSync(join(tmpdir(), `stand-in-${stackName}-`));
    writeFileSync(
      join(this.folder, "main.tf.json"),
      `${JSON.stringify(this.standIn.configuration, null, 2)}\n`,
    );
  }

  /** `terraform init`: the stand-in needs no provider, so this only checks the configuration's structure. */
  public async init(): Promise<string[]> {
    const run = await pool.run(() =>
      this.terraform.runAsync(this.folder, ["init", "-input=false", "-no-color", "-backend=false"]),
    );
    return run.code === 0 ? [] : diagnostics(run);
  }

  public async plan(request: PlanRequest = {}): Promise<PlanOutcome> {
    const id = `plan-${(this.plans += 1)}`;
    const folder = join(this.folder, id);
    mkdirSync(folder);
    const stateFile = join(folder, "terraform.tfstate");
    if (request.priorInstances)
      writeFileSync(
        stateFile,
        JSON.stringify(this.state(request.priorInstances, request.priorAttributes ?? {})),
      );
    return this.planWithState(folder, stateFile, request.variables ?? {});
  }

  /** The plan with `variables` against the state in `stateFile` (none yet: an empty state). */
  private async planWithState(
    folder: string,
    stateFile: string,
    variables: Readonly<Record<string, unknown>>,
  ): Promise<PlanOutcome> {
    const variableFile = join(folder, "variables.tfvars.json");
    writeFileSync(variableFile, JSON.stringify(variables));
    const planFile = join(folder, "plan.tfplan");
    const args = ["plan", "-input=false", "-no-color", "-json", "-lock=false", "-refresh=false"];
    args.push(`-var-file=${variableFile}`, `-state=${stateFile}`, `-out=${planFile}`);
    return pool.run(async () => {
      const planned = await this.terraform.runAsync(this.folder, args);
      const errors = this.errors(planned);
      if (errors.length > 0 || planned.code !== 0) {
        return {
          errors: errors.length > 0 ? errors : [{ check: undefined, message: unexpected(planned) }],
          outputs: {},
          changes: [],
        };
      }
      const shown = await this.terraform.runAsync(this.folder, ["show", "-json", planFile]);
      if (shown.code !== 0)
        return {
          errors: [{ check: undefined, message: unexpected(shown) }],
          outputs: {},
          changes: [],
        };
      return { errors: [], ...this.read(JSON.parse(shown.stdout) as ShownPlan) };
    });
  }

  /**
   * `terraform apply` of the stand-in with `applied`'s variables (it creates `terraform_data` only, in a state file of
   * its own), then the plan of `next` against that state: what a deployment after a change does, replacement and
   * update, as far as the stand-in knows which arguments force a new resource (`FORCES_REPLACEMENT`).
   */
  public async planAfterApply(
    applied: Pick<PlanRequest, "variables">,
    next: Pick<PlanRequest, "variables">,
  ): Promise<PlanOutcome> {
    const id = `apply-${(this.plans += 1)}`;
    const folder = join(this.folder, id);
    mkdirSync(folder);
    const stateFile = join(folder, "terraform.tfstate");
    const appliedFile = join(folder, "applied.tfvars.json");
    writeFileSync(appliedFile, JSON.stringify(applied.variables ?? {}));
    const applyArgs = ["apply", "-auto-approve", "-input=false", "-no-color", "-lock=false"];
    applyArgs.push(`-var-file=${appliedFile}`, `-state=${stateFile}`);
    const run = await pool.run(() => this.terraform.runAsync(this.folder, applyArgs));
    if (run.code !== 0) {
      return { errors: [{ check: undefined, message: unexpected(run) }], outputs: {}, changes: [] };
    }
    return this.planWithState(folder, stateFile, next.variables ?? {});
  }

  /**
   * The stand-in of this stack with no other resource, data source or output condition than `checks` (the others
   * kept, but always true, so that indexes stay): to show a precondition that one upstream of it shadows in the
   * whole stack. Terraform plans nothing that depends on a resource whose condition failed, so in ml-module no
   * name too long for the model can reach the model's precondition before the role's (a shorter limit on the
   * same prefix) has stopped the plan.
   */
  public alone(checks: readonly string[]): StandInWorkspace {
    const key = [...checks].sort().join(" ");
    if (!this.variants.has(key)) {
      const configuration = withOnlyConditions(this.configuration, new Set(checks));
      this.variants.set(
        key,
        new StandInWorkspace(this.terraform, this.stackName, configuration, this.options),
      );
    }
    return this.variants.get(key)!;
  }

  public dispose(): void {
    for (const variant of this.variants.values()) variant.dispose();
    rmSync(this.folder, { recursive: true, force: true });
  }

  /**
   * A state file (format 4) holding an empty stand-in at each address, in the root module or in a module call
   * (`module.old.aws_s3_bucket.b["a"]`).
   */
  private state(
    addresses: readonly string[],
    attributes: Readonly<Record<string, PriorAttributes>>,
  ): object {
    const byResource = new Map<
      string,
      { module: string | undefined; name: string; instances: unknown[] }
    >();
    for (const address of addresses) {
      const parsed = instanceAddress(standInAddress(address));
      if (parsed?.type !== "terraform_data")
        throw new Error(`${address} is not a resource address`);
      const { module, name, key } = parsed;
      const resource = `${module ?? ""} ${name}`;
      if (!byResource.has(resource)) byResource.set(resource, { module, name, instances: [] });
      byResource.get(resource)!.instances.push({
        ...(key === undefined ? {} : { index_key: key }),
        schema_version: 0,
        attributes: {
          id: `stand-in-${address}`,
          input: dynamicValue(attributes[address]?.input),
          output: dynamicValue(attributes[address]?.input),
          triggers_replace: dynamicValue(attributes[address]?.triggers_replace),
        },
        sensitive_attributes: [],
      });
    }
    return {
      version: 4,
      terraform_version: "1.5.0",
      serial: 1,
      lineage: "00000000-0000-4000-8000-000000000000",
      outputs: {},
      resources: [...byResource.values()].map(({ module, name, instances }) => ({
        ...(module === undefined ? {} : { module }),
        mode: "managed",
        type: "terraform_data",
        name,
        provider: 'provider["terraform.io/builtin/terraform"]',
        instances,
      })),
    };
  }

  private errors(run: TerraformRun): PlanError[] {
    return jsonDiagnostics(run)
      .filter((diagnostic) => diagnostic.severity === "error")
      .map((diagnostic) => this.error(diagnostic));
  }

  /** The check a diagnostic comes from, and its message as the check's `error_message` rendered it. */
  private error(diagnostic: JsonDiagnostic): PlanError {
    const detail = (diagnostic.detail ?? "").replace(
      /\n\nThis was checked by the validation rule at [^\n]*$/,
      "",
    );
    const context = diagnostic.snippet?.context ?? "";
    const traversals = (diagnostic.snippet?.values ?? []).map((value) => value.traversal);
    const candidates = this.checks.filter((check) => {
      if (!check.message.test(detail)) return false;
      switch (diagnostic.summary) {
        case "Invalid value for variable":
          return check.kind === "validation" && traversals.includes(check.subject);
        case "Resource precondition failed":
        case "Resource postcondition failed":
          return (
            `resource.${this.standInAddress(check.subject)}.lifecycle.${check.kind}[${check.index}]` ===
            context
          );
        case "Module output value precondition failed":
          return `${check.subject}.precondition[${check.index}]` === context;
        default:
          return false;
      }
    });
    if (candidates.length === 1) return { check: candidates[0]!.id, message: detail };
    // Where in the stand-in a variable is declared says nothing about the stack, and moves with every change to it.
    const shown = detail.replace(/ defined at [^\s:]+:\d+,\d+-\d+:/, ":");
    return {
      check: undefined,
      message: `${diagnostic.summary}: ${shown}${context ? ` (${context})` : ""}`,
    };
  }

  private standInAddress(address: string): string {
    return this.standIn.resources.get(address) ?? address;
  }

  private read(plan: ShownPlan): Omit<PlanOutcome, "errors"> {
    const outputs = Object.fromEntries(
      Object.entries(plan.planned_values?.outputs ?? {}).map(([name, output]) => [
        name,
        output.value ?? null,
      ]),
    );
    const changes = (plan.resource_changes ?? [])
      .filter((change) => change.mode === "managed")
      .map((change) => ({
        address: this.original(change.address),
        previousAddress:
          change.previous_address === undefined
            ? undefined
            : this.original(change.previous_address),
        actions: change.change.actions,
        attributes: change.change.after?.input ?? null,
      }));
    return { outputs, changes };
  }

  /**
   * `terraform_data.aws_kms_key__k[0]` -> `aws_kms_key.k[0]`, `terraform_data.data_aws_region__r` ->
   * `data.aws_region.r`; the stack's own terraform_data as it is.
   */
  private original(address: string): string {
    const match = /^(terraform_data\.[^[]+)(.*)$/.exec(address);
    // Else an address in a module call, which the stack does not have (the old address of a move out of it).
    if (!match) return originalAddress(address);
    const known = [...this.standIn.resources].find(([, stood]) => stood === match[1]);
    if (known) return `${known[0]}${match[2]}`;
    const own =
      this.configuration.resource?.terraform_data?.[match[1]!.slice("terraform_data.".length)];
    // Else a resource the stack no longer has (the old address of a move).
    return own ? address : originalAddress(address);
  }
}

/**
 * A value of `terraform_data`'s dynamically typed attributes as a state file holds it: `{ value, type }`, the type
 * in cty's JSON form (objects and tuples, as Terraform infers them from literal values); null for none.
 */
function dynamicValue(value: unknown): unknown {
  return value === undefined || value === null ? null : { value, type: ctyType(value) };
}

function ctyType(value: unknown): unknown {
  if (value === null) return "dynamic";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return ["tuple", value.map(ctyType)];
  return [
    "object",
    Object.fromEntries(Object.entries(value as object).map(([key, item]) => [key, ctyType(item)])),
  ];
}

/** The diagnostics of a command run with `-json`. */
function jsonDiagnostics(run: TerraformRun): JsonDiagnostic[] {
  return run.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { type?: string; diagnostic?: JsonDiagnostic })
    .flatMap((message) =>
      message.type === "diagnostic" && message.diagnostic ? [message.diagnostic] : [],
    );
}

function unexpected(run: TerraformRun): string {
  const found = [
    ...jsonDiagnostics(run).map((d) => `${d.summary}: ${d.detail ?? ""}`),
    ...diagnostics(run),
  ];
  return found.length > 0
    ? found.join("\n")
    : `terraform exited with ${run.code}: ${run.stderr.trim()}`;
}

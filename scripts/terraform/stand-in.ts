/**
 * A provider-free stand-in of a synthesized stack, which `terraform plan` can evaluate offline.
 *
 * No provider can be downloaded on our machines, so nothing of a stack that uses one can be planned. Terraform's
 * built-in `terraform_data` needs no provider; the stand-in keeps everything Terraform itself evaluates and
 * replaces only what a provider would do:
 * - each resource becomes `terraform_data.<type>__<name>` whose `input` holds its arguments (nested blocks as
 *   lists, as expressions read them) and representative values of the computed attributes (`arn`, `id`,
 *   `repository_url`, ...), with the same `count`/`for_each`, `depends_on` and `lifecycle` conditions;
 * - each data source becomes `local.data_<type>__<name>` with representative values (account 123456789012, the
 *   partition and DNS suffix of the provider's region, the policy document rendered as JSON, the outputs of the
 *   stack whose state `terraform_remote_state` reads);
 * - every reference follows: `aws_s3_bucket.b[0].arn` becomes `terraform_data.aws_s3_bucket__b[0].input.arn`,
 *   `data.aws_region.current.region` becomes `local.data_aws_region__current.region` (`expressions.ts` finds
 *   them, in any expression);
 * - variables (with their validations), locals, outputs, `moved` blocks and `check` blocks are kept, with
 *   their references followed; providers and the backend are dropped.
 *
 * `input` is known at plan time, unlike `terraform_data`'s `output`, so preconditions, postconditions and
 * outputs that read computed attributes are all evaluated by `terraform plan`.
 *
 * A change to `input` updates a `terraform_data` in place. Where the stand-in knows which arguments of a resource type
 * force a new resource ({@link FORCES_REPLACEMENT}), they are also its `triggers_replace`, so that a plan against a
 * state shows a replacement where the AWS provider would plan one (`+/-` with `create_before_destroy`); the resource's
 * `ignore_changes` then applies to both `input` and `triggers_replace`, at the same paths.
 */
import { RESOURCE_META_ARGUMENTS } from "../../modules/core/meta-arguments";
import { hclExpression, literalTemplate, rewriteTemplate } from "./expressions";
import { blockSchema, type BlockSchema, type NestedBlock } from "./provider-schema";
import { dataLocalName, standInAddress, standInName } from "./stand-in-addresses";
import { StandInReferences } from "./stand-in-references";
import {
  computedAttributes,
  dataSourceAttributes,
  placeholder,
  placementLocal,
  type Placement,
} from "./representative-values";

type Json = Record<string, unknown>;
type Blocks = Record<string, Record<string, Json>>;

/** The parts of synthesized Terraform JSON the stand-in reads. */
export interface TerraformConfiguration {
  readonly resource?: Blocks;
  readonly data?: Blocks;
  readonly variable?: Record<string, Json>;
  readonly locals?: Json;
  readonly output?: Record<string, Json>;
  readonly provider?: Record<string, Json[]>;
  readonly terraform?: Json;
  readonly moved?: Json[];
  readonly check?: Record<string, Json>;
}

export interface StandInOptions {
  /**
   * The outputs of the stack a `terraform_remote_state` data source reads (its `backend` and `config`), or
   * undefined when none is known (the stand-in cannot be written then).
   */
  readonly remoteStateOutputs?: (source: {
    readonly name: string;
    readonly backend: string;
    readonly config: unknown;
  }) => Json | undefined;
}

export interface StandIn {
  /** Terraform JSON with no provider: `main.tf.json` of the stand-in. */
  readonly configuration: Json;
  /**
   * Each resource's address in the stack and in the stand-in, e.g. `aws_s3_bucket.b` ->
   * `terraform_data.aws_s3_bucket__b`; also data sources with conditions, whose stand-in resource carries them.
   */
  readonly resources: ReadonlyMap<string, string>;
}

/**
 * The arguments that force a new resource, for the resource types whose replacement matters to the stacks
 * (hashicorp/terraform-provider-aws, internal/service/sagemaker): every argument of `aws_sagemaker_model`
 * (model.go) and of `aws_sagemaker_endpoint_configuration` (endpoint_configuration.go) but their tags; of
 * `aws_sagemaker_endpoint` (endpoint.go) only `name` and `deployment_config.auto_rollback_configuration`
 * (`endpoint_config_name` and the rest of `deployment_config` are updated in place by `UpdateEndpoint`).
 */
export const FORCES_REPLACEMENT: Readonly<
  Record<string, { readonly allBut: readonly string[] } | { readonly only: readonly string[] }>
> = {
  aws_sagemaker_model: { allBut: ["tags", "tags_all"] },
  aws_sagemaker_endpoint_configuration: { allBut: ["tags", "tags_all"] },
  aws_sagemaker_endpoint: { only: ["name", "deployment_config.auto_rollback_configuration"] },
};

/**
 * The arguments of a resource of `type` that force its replacement, as `triggers_replace` holds them; undefined for a
 * type the stand-in has no such knowledge of. A nested argument (`deployment_config.auto_rollback_configuration`) is
 * kept at its path, in a list of one, and the block is an empty list when it does not hold it: the AWS provider
 * reads a missing nested block as an empty one, so that adding a `deployment_config` without rollback alarms to an
 * endpoint is an update, and adding one with them a replacement.
 */
export function replacementTriggers(type: string, attributes: Json): Json | undefined {
  const rule = FORCES_REPLACEMENT[type];
  if (!rule) return undefined;
  if ("allBut" in rule) {
    return Object.fromEntries(
      Object.entries(attributes).filter(([key]) => !rule.allBut.includes(key)),
    );
  }
  const triggers: Json = {};
  for (const path of rule.only) {
    const [block, nested] = path.split(".") as [string, string | undefined];
    if (nested === undefined) {
      triggers[block] = attributes[block] ?? null;
      continue;
    }
    const value = attributes[block];
    const first = (Array.isArray(value) ? value[0] : value) as Json | undefined;
    const inner = first?.[nested];
    triggers[block] = inner === undefined ? [] : [{ [nested]: inner }];
  }
  return triggers;
}

/** Thrown for a configuration the stand-in cannot represent; names what and why. */
export class StandInError extends Error {}

const TOP_LEVEL_KEPT = [
  "variable",
  "locals",
  "output",
  "resource",
  "data",
  "moved",
  "check",
  "provider",
  "terraform",
  "//",
];

export function standIn(
  configuration: TerraformConfiguration,
  options: StandInOptions = {},
): StandIn {
  return new StandInWriter(configuration, options).write();
}

class StandInWriter {
  private readonly resources: Blocks;
  private readonly data: Blocks;
  private readonly references: StandInReferences;
  /** Attributes read of each resource, by stand-in name. */
  private readonly read: Map<string, Set<string>>;

  public constructor(
    private readonly configuration: TerraformConfiguration,
    private readonly options: StandInOptions,
  ) {
    const unsupported = Object.keys(configuration).filter((key) => !TOP_LEVEL_KEPT.includes(key));
    if (unsupported.length > 0) {
      throw new StandInError(
        `The stand-in cannot represent top-level '${unsupported.join("', '")}' blocks.`,
      );
    }
    this.resources = Object.fromEntries(
      Object.entries(configuration.resource ?? {}).filter(([type]) => type !== "terraform_data"),
    );
    this.data = configuration.data ?? {};
    this.references = new StandInReferences(this.resources, this.data);
    const { resource, data, locals, output, check } = configuration;
    this.read = this.references.reads(resource, data, locals, output, check);
  }

  public write(): StandIn {
    const configuration: Json = {};
    const required = this.configuration.terraform?.required_version;
    if (required !== undefined) configuration.terraform = { required_version: required };
    if (this.configuration.variable)
      configuration.variable = withoutComments(this.configuration.variable);
    configuration.locals = {
      ...this.placementLocals(),
      ...this.dataLocals(),
      ...this.references.rewrite(this.configuration.locals ?? {}),
    };
    const standIns = this.standIns();
    if (Object.keys(standIns).length > 0) configuration.resource = { terraform_data: standIns };
    const outputs = this.outputs();
    if (Object.keys(outputs).length > 0) configuration.output = outputs;
    if (this.configuration.moved)
      configuration.moved = this.configuration.moved.map((block) => this.moved(block));
    if (this.configuration.check) configuration.check = this.checks();
    const resources = new Map<string, string>();
    for (const [type, byName] of Object.entries(this.resources)) {
      for (const name of Object.keys(byName))
        resources.set(`${type}.${name}`, `terraform_data.${standInName(type, name)}`);
    }
    for (const [type, byName] of Object.entries(this.data)) {
      for (const [name, body] of Object.entries(byName)) {
        if (this.lifecycle(body.lifecycle))
          resources.set(`data.${type}.${name}`, `terraform_data.${dataLocalName(type, name)}`);
      }
    }
    return { configuration, resources };
  }

  private providerSource(localName: string): string {
    const required = this.configuration.terraform?.required_providers as
      Record<string, { source?: string }> | undefined;
    return required?.[localName]?.source ?? `hashicorp/${localName}`;
  }

  /** The placement (region, partition, ...) of a block: its `region` argument, else its provider's region. */
  private placement(type: string, body: Json): Placement {
    const local = `local.${this.placementLocalName(type, body)}`;
    const region =
      typeof body.region === "string"
        ? this.references.rewrite(body.region)
        : `\${${local}.region}`;
    return {
      region,
      partition: `\${${local}.partition}`,
      dnsSuffix: `\${${local}.dns_suffix}`,
      account: `\${${local}.account_id}`,
    };
  }

  private placementLocalName(type: string, body: Json): string {
    const provider = typeof body.provider === "string" ? body.provider : type.split("_")[0]!;
    return `stand_in_provider_${provider.replace(/\./g, "__")}`;
  }

  /** One local per provider configuration: its region and what follows from it. */
  private placementLocals(): Json {
    const locals: Json = {};
    for (const [providerName, configurations] of Object.entries(
      this.configuration.provider ?? {},
    )) {
      for (const configuration of configurations) {
        const alias = typeof configuration.alias === "string" ? `.${configuration.alias}` : "";
        const region =
          typeof configuration.region === "string"
            ? this.references.rewrite(configuration.region)
            : "us-east-1";
        locals[this.placementLocalName(providerName, { provider: `${providerName}${alias}` })] =
          placementLocal(region);
      }
    }
    // Blocks of a provider without a configuration block still need a placement (the provider's defaults).
    const types = [...Object.keys(this.resources), ...Object.keys(this.data)];
    for (const type of types) {
      const name = this.placementLocalName(type, {});
      if (!(name in locals)) locals[name] = placementLocal("us-east-1");
    }
    return locals;
  }

  private schemaOf(kind: "resource" | "data", type: string, body: Json): BlockSchema | undefined {
    const provider =
      typeof body.provider === "string" ? body.provider.split(".")[0]! : type.split("_")[0]!;
    return blockSchema(this.providerSource(provider), kind, type);
  }

  /** The arguments of a block as its attributes read: no meta-arguments, nested blocks as lists. */
  private attributesOf(kind: "resource" | "data", type: string, body: Json): Json {
    const schema = this.schemaOf(kind, type, body);
    const attributes: Json = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === "//" || RESOURCE_META_ARGUMENTS.includes(key)) continue;
      attributes[key] = asRead(value, schema?.blocks.get(key));
    }
    return attributes;
  }

  private standIns(): Json {
    const standIns: Json = {};
    for (const [name, body] of Object.entries(this.configuration.resource?.terraform_data ?? {})) {
      standIns[name] = this.references.rewrite(body, true);
    }
    for (const [type, byName] of Object.entries(this.resources)) {
      for (const [name, body] of Object.entries(byName)) {
        standIns[standInName(type, name)] = this.standInResource(type, name, body);
      }
    }
    // A local cannot have conditions: a data source's are carried by a stand-in resource holding its values.
    for (const [type, byName] of Object.entries(this.data)) {
      for (const [name, body] of Object.entries(byName)) {
        const lifecycle = this.lifecycle(body.lifecycle);
        if (!lifecycle) continue;
        const carrier: Json = { input: `\${local.${dataLocalName(type, name)}}`, lifecycle };
        if (body.count !== undefined) carrier.count = this.references.rewrite(body.count);
        standIns[dataLocalName(type, name)] = carrier;
      }
    }
    return standIns;
  }

  private standInResource(type: string, name: string, body: Json): Json {
    const schema = this.schemaOf("resource", type, body);
    const attributes = this.attributesOf("resource", type, body);
    const subject = { type, name, arguments: attributes, placement: this.placement(type, body) };
    const computed = computedAttributes(subject);
    // Attributes read that neither the arguments nor the computed values give: a placeholder of the provider's
    // kind, or nothing at all when the provider has no such attribute (Terraform then reports the reference).
    for (const attribute of this.read.get(standInName(type, name)) ?? []) {
      if (attribute in attributes || attribute in computed) continue;
      const kind = schema?.blocks.get(attribute)?.asList
        ? "list"
        : schema?.attributes.get(attribute);
      if (kind !== undefined || !schema)
        computed[attribute] = placeholder(kind ?? "string", attribute);
    }
    const standIn: Json = { input: this.references.rewrite({ ...attributes, ...computed }, true) };
    const triggers = replacementTriggers(type, attributes);
    if (triggers) standIn.triggers_replace = this.references.rewrite(triggers, true);
    for (const meta of ["count", "for_each"]) {
      if (body[meta] !== undefined) standIn[meta] = this.references.rewrite(body[meta]);
    }
    const dependsOn = this.references.dependsOn(body.depends_on);
    if (dependsOn) standIn.depends_on = dependsOn;
    const lifecycle = this.lifecycle(body.lifecycle, triggers !== undefined);
    if (lifecycle) standIn.lifecycle = lifecycle;
    return standIn;
  }

  /**
   * The lifecycle Terraform evaluates: conditions, create_before_destroy, prevent_destroy; and, for a resource whose
   * replacement the stand-in knows (`triggered`), `ignore_changes` at the same paths of `input` and
   * `triggers_replace`.
   */
  private lifecycle(lifecycle: unknown, triggered = false): Json | undefined {
    if (!lifecycle || typeof lifecycle !== "object") return undefined;
    const kept: Json = {};
    for (const [key, value] of Object.entries(lifecycle as Json)) {
      // replace_triggered_by, and ignore_changes elsewhere, name provider attributes terraform_data does not have.
      if (["precondition", "postcondition"].includes(key))
        kept[key] = this.references.rewrite(value, true);
      if (["create_before_destroy", "prevent_destroy"].includes(key)) kept[key] = value;
      if (key === "ignore_changes" && triggered && Array.isArray(value)) {
        kept[key] = value.flatMap((path) => [`input.${path}`, `triggers_replace.${path}`]);
      }
    }
    return Object.keys(kept).length > 0 ? kept : undefined;
  }

  private dataLocals(): Json {
    const locals: Json = {};
    for (const [type, byName] of Object.entries(this.data)) {
      for (const [name, body] of Object.entries(byName)) {
        locals[dataLocalName(type, name)] = this.dataLocal(type, name, body);
      }
    }
    return locals;
  }

  /** A data source as a local: an HCL expression of its arguments and representative attributes. */
  private dataLocal(type: string, name: string, body: Json): string {
    if (body.for_each !== undefined) {
      throw new StandInError(
        `data.${type}.${name}: the stand-in cannot represent a data source with for_each.`,
      );
    }
    const attributes = this.attributesOf("data", type, body);
    const values =
      type === "terraform_remote_state"
        ? { ...attributes, outputs: this.remoteStateOutputs(name, body) }
        : {
            ...attributes,
            ...dataSourceAttributes({
              type,
              name,
              arguments: attributes,
              placement: this.placement(type, body),
            }),
          };
    const object = hclExpression(this.references.rewrite(values));
    if (body.count === undefined) return `\${${object}}`;
    const counted = rewriteTemplate(`\${${object}}`, (traversal) =>
      traversal.root === "count" &&
      traversal.steps[0]?.kind === "attribute" &&
      traversal.steps[0].name === "index"
        ? [{ start: traversal.start, end: traversal.end, text: "stand_in_count_index" }]
        : [],
    ).slice(2, -1);
    return `\${[for stand_in_count_index in range(${hclExpression(this.references.rewrite(body.count))}) : ${counted}]}`;
  }

  private remoteStateOutputs(name: string, body: Json): Json {
    const source = { name, backend: String(body.backend), config: body.config };
    const outputs = this.options.remoteStateOutputs?.(source);
    if (!outputs) {
      throw new StandInError(
        `data.terraform_remote_state.${name}: no stack is known whose state is the ${source.backend} backend ${JSON.stringify(source.config)}.`,
      );
    }
    return literalValue(outputs) as Json;
  }

  private outputs(): Json {
    const outputs: Json = {};
    for (const [name, body] of Object.entries(this.configuration.output ?? {})) {
      const { depends_on: dependsOn, ...rest } = body;
      const output = this.references.rewrite(rest) as Json;
      const kept = this.references.dependsOn(dependsOn);
      if (kept) output.depends_on = kept;
      outputs[name] = output;
    }
    return outputs;
  }

  private moved(block: Json): Json {
    return { from: standInAddress(String(block.from)), to: standInAddress(String(block.to)) };
  }

  private checks(): Json {
    const checks: Json = {};
    for (const [name, body] of Object.entries(this.configuration.check ?? {})) {
      if (body.data !== undefined) {
        throw new StandInError(
          `check.${name}: the stand-in cannot represent a scoped data source.`,
        );
      }
      checks[name] = this.references.rewrite(body);
    }
    return checks;
  }
}

/**
 * A nested block's value as expressions read it: cdktf writes a block that may occur once as an object, which
 * Terraform reads as a list of one (`primary_container[0].image`); blocks nested in it likewise.
 */
function asRead(value: unknown, block: NestedBlock | undefined): unknown {
  if (!block || value === null || typeof value !== "object") return value;
  const readInside = (item: unknown): unknown =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item).map(([key, inner]) => [key, asRead(inner, block.blocks.get(key))]),
        )
      : item;
  if (Array.isArray(value)) return value.map(readInside);
  return block.asList ? [readInside(value)] : readInside(value);
}

function withoutComments<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutComments) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "//")
        .map(([key, item]) => [key, withoutComments(item)]),
    ) as T;
  }
  return value;
}

/** A JSON value whose strings Terraform must read literally (no templates): `${` escaped. */
function literalValue(value: unknown): unknown {
  if (typeof value === "string") return literalTemplate(value);
  if (Array.isArray(value)) return value.map(literalValue);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, literalValue(item)]),
    );
  }
  return value;
}

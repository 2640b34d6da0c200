/**
 * Names derived from content: how a change to a model or an endpoint configuration reaches its endpoint.
 *
 * Every argument of `aws_sagemaker_model` and of `aws_sagemaker_endpoint_configuration` forces a new resource, except
 * their tags (hashicorp/terraform-provider-aws, internal/service/sagemaker/model.go and endpoint_configuration.go).
 * Under a fixed name a changed model or configuration is destroyed and created again under the same name: the
 * endpoint's `endpoint_config_name` does not change, so the endpoint is never updated and keeps serving the old
 * fleet. Named after their content, they get a new name whenever a replacing argument changes:
 *
 * - the name is `<base>-<8 hex>`, the hex the start of `sha1(jsonencode(local.<content>))`, computed by Terraform, so
 *   a Terraform variable (an image URI, a HuggingFace model id, an instance type) changes it as a literal does;
 * - `local.<content>` holds the base name and every argument of the resource but its name and tags (read from the
 *   resource itself when the stack is synthesized, so an argument added later is covered too), and the model's
 *   `revision` where one is given; an endpoint configuration's arguments hold its models' names, so a new model
 *   gives its configurations new names too;
 * - unchanged inputs give the same local and the same name: the JSON is byte-identical and the plan shows no change;
 * - `create_before_destroy`: the new model and configuration exist before the endpoint moves to them (the AWS
 *   provider's own acceptance tests pair `name_prefix` with it for the same reason; without it the endpoint update
 *   fails with "Could not find endpoint configuration"), and the old ones are destroyed after it moved;
 * - SageMaker names have at most 63 characters: a base of more than 54 is cut to 54, so that `-` and the 8 hex always
 *   fit. The base itself is checked as before (at synth when known, by a precondition when Terraform builds it); the
 *   hash, which covers the whole base, keeps two names with the same first 54 characters apart.
 *
 * `name_prefix` (a timestamp suffix of 26 characters, configurations only) was not chosen: the recipe's configuration
 * name alone is 54 characters in dev, so nothing would fit, and a timestamp changes the name on every replacement
 * rather than for a change of content, so it could not show in `cdktf diff` which inputs changed.
 */
import { Fn, Lazy, propertyAccess, TerraformLocal, Token, type TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { SAGEMAKER_NAME_MAX_LENGTH } from "../core/limits/sagemaker";
import { RESOURCE_META_ARGUMENTS } from "../core/meta-arguments";
import { named, type ResourceId } from "./layout";

/** How many hex digits of the content's SHA-1 end a derived name. */
export const CONTENT_HASH_LENGTH = 8;

/** The longest base that fits before `-` and the hash. */
export const CONTENT_NAME_BASE_LENGTH = SAGEMAKER_NAME_MAX_LENGTH - CONTENT_HASH_LENGTH - 1;

/** What is not part of the content: the name itself, the tags (updated in place), and Terraform's meta-arguments. */
const NOT_CONTENT = new Set([
  "name",
  "name_prefix",
  "tags",
  "tags_all",
  "//",
  ...RESOURCE_META_ARGUMENTS,
]);

/** A resource named after its content, and the local that holds the content. */
export interface ContentNamed {
  /** `local.<content>`: `{ base_name, arguments, revision? }`. */
  readonly content: TerraformLocal;
}

/**
 * Names `resource` `<base>-<hash of its content>` and creates it before the one it replaces is destroyed. `id` is the
 * local's construct id (and keys), `revision` anything else the name must follow (a model artifact updated in place
 * at a fixed S3 key).
 */
export function nameAfterContent(
  scope: Construct,
  resource: TerraformResource & { name: string },
  options: { readonly base: string; readonly id: ResourceId; readonly revision?: string },
): ContentNamed {
  const { base, revision } = options;
  const content = named(
    new TerraformLocal(
      scope,
      options.id.id,
      Lazy.anyValue({
        produce: () => ({
          base_name: base,
          arguments: argumentsOf(resource),
          ...(revision !== undefined ? { revision } : {}),
        }),
      }),
    ),
    options.id,
  );
  const hash = Fn.substr(Fn.sha1(Fn.jsonencode(content.asAnyMap)), 0, CONTENT_HASH_LENGTH);
  const start = Token.isUnresolved(base)
    ? Fn.substr(
        Token.asString(propertyAccess(Token.asAny(content.fqn), ["base_name"])),
        0,
        CONTENT_NAME_BASE_LENGTH,
      )
    : base.slice(0, CONTENT_NAME_BASE_LENGTH);
  resource.name = `${start}-${hash}`;
  resource.lifecycle = { ...resource.lifecycle, createBeforeDestroy: true };
  return { content };
}

/** The resource's arguments as Terraform JSON writes them, without its name, tags and meta-arguments. */
function argumentsOf(resource: TerraformResource): Record<string, unknown> {
  const synthesized = resource.toTerraform() as {
    resource: Record<string, Record<string, Record<string, unknown>>>;
  };
  const body = synthesized.resource[resource.terraformResourceType]![resource.friendlyUniqueId]!;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !NOT_CONTENT.has(key)));
}

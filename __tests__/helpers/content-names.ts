/**
 * Models and endpoint configurations are named after their content (modules/sagemaker-inference/content-names.ts):
 * `<base>-${substr(sha1(jsonencode(local.<content>)), 0, 8)}`, created before they are destroyed. The tests of what
 * else they hold read them through {@link withBaseNames}, which checks that form exactly and names each by its base;
 * the form itself, the content and the lifecycle have tests of their own.
 */
import type { Attributes, SynthesizedStack } from "./synth";

/** The types named after their content. */
export const CONTENT_NAMED = ["aws_sagemaker_model", "aws_sagemaker_endpoint_configuration"];

/** The name Terraform derives from `local.<local>`, starting with `start` (a base of at most 54 characters). */
export function contentName(start: string, local: string): string {
  return `${start}-\${substr(sha1(jsonencode(local.${local})), 0, 8)}`;
}

/** The start of a name whose base Terraform builds: its first 54 characters. */
export function builtStart(local: string): string {
  return `\${substr(local.${local}.base_name, 0, 54)}`;
}

const FORM = /^(.*)-\$\{substr\(sha1\(jsonencode\(local\.([A-Za-z0-9_-]+)\)\), 0, 8\)\}$/;

/**
 * `json` with each model and endpoint configuration named by its base, once its name is checked to be the content
 * name of a local holding that base, and its `create_before_destroy` removed once checked to be true. Throws, saying
 * what differs, otherwise.
 */
export function withBaseNames(json: SynthesizedStack): SynthesizedStack {
  const locals = (json.locals ?? {}) as Record<string, { base_name?: unknown }>;
  const resource = Object.fromEntries(
    Object.entries(json.resource ?? {}).map(([type, byName]) => [
      type,
      CONTENT_NAMED.includes(type)
        ? Object.fromEntries(
            Object.entries(byName).map(([name, body]) => [
              name,
              baseNamed(`${type}.${name}`, body, locals),
            ]),
          )
        : byName,
    ]),
  );
  return { ...json, resource };
}

function baseNamed(
  address: string,
  body: Attributes,
  locals: Record<string, { base_name?: unknown }>,
): Attributes {
  const match = FORM.exec(String(body.name));
  const local = match && locals[match[2]!];
  if (!match || !local) {
    throw new Error(`${address} is not named after its content: ${JSON.stringify(body.name)}`);
  }
  const base = String(local.base_name);
  const start = base.includes("${") ? builtStart(match[2]!) : base.slice(0, 54);
  if (match[1] !== start) {
    throw new Error(`${address}'s name starts with ${match[1]}, not ${start}`);
  }
  const lifecycle = body.lifecycle as Record<string, unknown> | undefined;
  if (lifecycle?.create_before_destroy !== true) {
    throw new Error(`${address} is not created before it is destroyed`);
  }
  const rest = Object.fromEntries(
    Object.entries(lifecycle).filter(([key]) => key !== "create_before_destroy"),
  );
  const attributes = Object.fromEntries(
    Object.entries(body).filter(([key]) => key !== "lifecycle"),
  );
  return {
    ...attributes,
    name: base,
    ...(Object.keys(rest).length > 0 ? { lifecycle: rest } : {}),
  };
}

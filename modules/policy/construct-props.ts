/**
 * Which construct prop sets a Terraform attribute of a resource a construct creates, so that a policy finding
 * tells the user what to change in their code (`encryptionKey`), not only in the Terraform (`kms_key_arn`).
 *
 * The construct records it when it creates the resource:
 *
 * ```ts
 * settableThrough(configuration, this, { kms_key_arn: `endpoints.${key}.encryptionKey` });
 * ```
 *
 * and a rule phrases its advice with `howToSet(element, "kms_key_arn")`.
 */
import type { IConstruct } from "constructs";
import type { ConfiguredElement } from "./configuration";

interface Setting {
  readonly prop: string;
  readonly owner: string;
}

const settingsByResource = new WeakMap<IConstruct, Map<string, Setting>>();

/**
 * Records that `owner`'s props set `resource`'s attributes: Terraform attribute (dotted for nested blocks, as
 * rules name them: `data_capture_config.kms_key_id`) -> prop path (`endpoints.realtime.encryptionKey`).
 */
export function settableThrough(
  resource: IConstruct,
  owner: IConstruct,
  props: Readonly<Record<string, string>>,
): void {
  const settings = settingsByResource.get(resource) ?? new Map<string, Setting>();
  for (const [attribute, prop] of Object.entries(props)) {
    settings.set(attribute, { prop, owner: owner.node.path });
  }
  settingsByResource.set(resource, settings);
}

/**
 * The construct prop that sets `attribute` of the element, with its construct
 * (`endpoints.realtime.encryptionKey on stack/inference`), when a construct recorded one.
 */
export function constructPropFor(
  element: ConfiguredElement,
  attribute: string,
): string | undefined {
  const setting = settingsByResource.get(element.construct)?.get(attribute);
  return setting && `${setting.prop} on ${setting.owner}`;
}

/**
 * How to set `attribute` of the element: the construct prop with the attribute in parentheses
 * (`endpoints.realtime.encryptionKey on stack/inference (kms_key_arn)`), or the attribute alone.
 */
export function howToSet(element: ConfiguredElement, attribute: string): string {
  const prop = constructPropFor(element, attribute);
  return prop ? `${prop} (${attribute})` : attribute;
}

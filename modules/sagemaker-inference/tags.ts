import { checkTags, MAX_TAGS } from "../core/limits/tags";
import { mergeTags } from "../core/tags";
import type { Problems } from "../core/validation";
import type { Tags } from "./props";

/**
 * The tag the FriendsOfTerraform module puts on its models, endpoint configurations and endpoints (it leaves its
 * scalable targets and alarms untagged; this construct tags them too).
 */
export const MANAGED_BY_TAG: Tags = { "managed-by": "Terraform" };

/**
 * The tags of one resource, as the module merges them: `managed-by = "Terraform"`, then the entry's
 * additional tags (in the order given, e.g. an endpoint's, then its configuration's own), then the tags for all
 * resources, then (with `nameTag`) `Name` = the resource's `name`; later ones win. `undefined` when there are none.
 * Maps known only at apply time are merged by Terraform.
 */
export type TagsFor = (
  name: string | undefined,
  ...additionalTags: (Tags | undefined)[]
) => Record<string, string> | undefined;

export function tagsFor(
  additionalTagsAll: Tags | undefined,
  managedByTag: boolean,
  nameTag: boolean,
): TagsFor {
  const base = managedByTag ? MANAGED_BY_TAG : undefined;
  return (name, ...additionalTags) => {
    const named = nameTag && name !== undefined ? { Name: name } : undefined;
    const tags = mergeTags(base, ...additionalTags, additionalTagsAll, named);
    return Object.keys(tags).length > 0 ? tags : undefined;
  };
}

/**
 * Checks an entry's own tags, and the count of the tags its resources end up with (with `managed-by`, `Name`, the
 * `inherited` tags of the entry above, e.g. an endpoint's for its configuration's own, and `additionalTagsAll`).
 * A map known only at apply time is one token: its size is left to AWS.
 */
export function validateTagCount(
  problems: Problems,
  field: string,
  additionalTags: Tags | undefined,
  tags: TagsFor,
  inherited?: Tags,
): void {
  checkTags(problems, field, additionalTags);
  const count = Object.keys(tags("", inherited, additionalTags) ?? {}).length;
  if (count > MAX_TAGS) {
    problems.add(
      field,
      `${count} tags`,
      `at most ${MAX_TAGS} tags per resource, counting all the tags it gets`,
    );
  }
}

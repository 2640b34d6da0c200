import { mergeTags } from "../core/tags";
import type { Tags } from "./props";

/** The tag the FriendsOfTerraform module puts on every taggable resource. */
export const MANAGED_BY_TAG: Tags = { "managed-by": "Terraform" };

/**
 * The tags of one resource, as the module merges them: `managed-by = "Terraform"`, then the entry's
 * additional tags, then the tags for all resources (later ones win). `undefined` when there are none. Maps
 * known only at apply time are merged by Terraform.
 */
export type TagsFor = (additionalTags?: Tags) => Record<string, string> | undefined;

export function tagsFor(additionalTagsAll: Tags | undefined, managedByTag: boolean): TagsFor {
  const base = managedByTag ? MANAGED_BY_TAG : undefined;
  return (additionalTags) => {
    const tags = mergeTags(base, additionalTags, additionalTagsAll);
    return Object.keys(tags).length > 0 ? tags : undefined;
  };
}

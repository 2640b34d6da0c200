import type { UniqueNames } from "../core/validation";
import type { ModelProps } from "./props";
import type { TagsFor } from "./tags";

/** What the checks of one entry need from the whole construct: the models, the tags, names unique across it. */
export interface ValidationContext {
  readonly models: Readonly<Record<string, ModelProps>>;
  readonly tags: TagsFor;
  readonly modelNames: UniqueNames;
  readonly endpointNames: UniqueNames;
  readonly configurationNames: UniqueNames;
  /** Alarm names are unique in an account and region. */
  readonly alarmNames: UniqueNames;
  /** "a model defined in models (a, b, c)", for a variant that names another. */
  readonly modelReference: () => string;
}

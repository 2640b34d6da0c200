import type { UniqueNames } from "../core/validation";
import type { ResolvedModel } from "./models";
import type { TagsFor } from "./tags";

/** What the checks of one entry need from the whole construct: the models, the tags, names unique across it. */
export interface ValidationContext {
  /** The models, resolved, by key. */
  readonly models: Readonly<Record<string, ResolvedModel>>;
  readonly tags: TagsFor;
  readonly modelNames: UniqueNames;
  readonly endpointNames: UniqueNames;
  readonly configurationNames: UniqueNames;
  /** Alarm names are unique in an account and region. */
  readonly alarmNames: UniqueNames;
  /** "a model defined in models (a, b, c)", for a variant that names another. */
  readonly modelReference: () => string;
}

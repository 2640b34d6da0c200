import { checkTags } from "../core/limits/tags";
import { Problems } from "../core/validation";
import type { SagemakerInferenceProps } from "./props";
import type { TagsFor } from "./tags";
import { validateEndpoints } from "./validate-endpoints";
import { validateModels } from "./validate-models";

/** Every problem of the props, in the order of the props: tags for all, models, endpoints. */
export function validateInference(props: SagemakerInferenceProps, tagsFor: TagsFor): Problems {
  const problems = new Problems();
  checkTags(problems, "additionalTagsAll", props.additionalTagsAll);
  validateModels(problems, props.models, tagsFor);
  validateEndpoints(problems, props.models, props.endpoints ?? {}, tagsFor);
  return problems;
}

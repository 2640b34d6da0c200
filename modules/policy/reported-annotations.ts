import { AnnotationMetadataEntryType } from "cdktf";
import type { IConstruct } from "constructs";

/** An annotation on a construct, as `cdktf synth` prints it: `ERROR [path]: message`. */
export interface ReportedAnnotation {
  /** Construct path, e.g. `iam/sagemaker-execution-role/role`. */
  readonly path: string;
  readonly level: "error" | "warning" | "info";
  readonly message: string;
}

const LEVELS: Readonly<Record<string, ReportedAnnotation["level"]>> = {
  [AnnotationMetadataEntryType.ERROR]: "error",
  [AnnotationMetadataEntryType.WARN]: "warning",
  [AnnotationMetadataEntryType.INFO]: "info",
};

/**
 * Every annotation on `scope` and below it, in tree order. Aspects (the policy checks among them) add theirs
 * during synth, so read them after `app.synth()` or `Testing.synth(stack)`.
 */
export function reportedAnnotations(scope: IConstruct): ReportedAnnotation[] {
  return scope.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => LEVELS[entry.type] !== undefined)
      .map((entry) => ({
        path: construct.node.path,
        level: LEVELS[entry.type]!,
        message: String(entry.data),
      })),
  );
}

/**
 * The references of a stack pointed at its stand-ins (see `stand-in.ts`), wherever they are in its templates:
 * `aws_s3_bucket.b[0].arn` -> `terraform_data.aws_s3_bucket__b[0].input.arn`,
 * `data.aws_region.current.region` -> `local.data_aws_region__current.region`, and in a resource's conditions
 * `self.arn` -> `self.input.arn`. `expressions.ts` finds the references.
 */
import {
  rewriteExpression,
  rewriteTemplate,
  templateTraversals,
  type Edit,
  type Traversal,
} from "./expressions";
import { dataLocalName, standInName } from "./stand-in-addresses";

type Blocks = Record<string, Record<string, Record<string, unknown>>>;

export class StandInReferences {
  /**
   * @param resources the stack's resources that stand in as terraform_data, by type and name
   * @param data the stack's data sources, by type and name
   */
  public constructor(
    private readonly resources: Blocks,
    private readonly data: Blocks,
  ) {}

  /** Which attributes of each resource `values` read (at any depth), by stand-in name. */
  public reads(...values: unknown[]): Map<string, Set<string>> {
    const read = new Map<string, Set<string>>();
    const visit = (value: unknown): void => {
      if (typeof value === "string") {
        for (const traversal of safeTraversals(value)) {
          const target = this.resourceTarget(traversal);
          if (!target?.attribute) continue;
          if (!read.has(target.standIn)) read.set(target.standIn, new Set());
          read.get(target.standIn)!.add(target.attribute);
        }
      } else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") Object.values(value).forEach(visit);
    };
    values.forEach(visit);
    return read;
  }

  /** The resource a traversal refers to, with the stand-in name and the attribute read (if any). */
  private resourceTarget(traversal: Traversal):
    | {
        standIn: string;
        nameEnd: number;
        attributeAt: number | undefined;
        attribute: string | undefined;
      }
    | undefined {
    const [first, second, third] = traversal.steps;
    if (first?.kind !== "attribute" || !this.resources[traversal.root]?.[first.name])
      return undefined;
    const indexed = second?.kind === "index" || second?.kind === "splat";
    const attributeStep = indexed ? third : second;
    return {
      standIn: standInName(traversal.root, first.name),
      nameEnd: first.end,
      attributeAt: attributeStep?.kind === "attribute" ? attributeStep.start : undefined,
      attribute: attributeStep?.kind === "attribute" ? attributeStep.name : undefined,
    };
  }

  /** The edits that point one traversal at the stand-ins; `self` refers to the resource being written, if any. */
  private edits(traversal: Traversal, inResource: boolean): Edit[] {
    const target = this.resourceTarget(traversal);
    if (target) {
      const edits: Edit[] = [
        { start: traversal.start, end: target.nameEnd, text: `terraform_data.${target.standIn}` },
      ];
      if (target.attributeAt !== undefined)
        edits.push({ start: target.attributeAt, end: target.attributeAt, text: ".input" });
      return edits;
    }
    const [type, name] = traversal.steps;
    if (
      traversal.root === "data" &&
      type?.kind === "attribute" &&
      name?.kind === "attribute" &&
      this.data[type.name]?.[name.name]
    ) {
      return [
        {
          start: traversal.start,
          end: name.end,
          text: `local.${dataLocalName(type.name, name.name)}`,
        },
      ];
    }
    if (inResource && traversal.root === "self" && traversal.steps[0]?.kind === "attribute") {
      return [{ start: traversal.rootEnd, end: traversal.rootEnd, text: ".input" }];
    }
    return [];
  }

  /** Every template in `value` (strings, at any depth) with its references pointed at the stand-ins. */
  public rewrite<T>(value: T, inResource = false): T {
    if (typeof value === "string") {
      return rewriteTemplate(value, (traversal) => this.edits(traversal, inResource)) as T;
    }
    if (Array.isArray(value)) return value.map((item) => this.rewrite(item, inResource)) as T;
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== "//")
          .map(([key, item]) => [key, this.rewrite(item, inResource)]),
      ) as T;
    }
    return value;
  }

  /** A `depends_on` list: resources point at their stand-ins; data sources (now locals) are dropped. */
  public dependsOn(entries: unknown): string[] | undefined {
    if (!Array.isArray(entries)) return undefined;
    const kept = entries
      .map(String)
      .filter((entry) => !entry.startsWith("data."))
      .map((entry) => rewriteExpression(entry, (traversal) => this.edits(traversal, false)));
    return kept.length > 0 ? kept : undefined;
  }
}

/** Traversals of a string, or none when it is not a template Terraform would parse (e.g. a literal default). */
function safeTraversals(value: string): Traversal[] {
  if (!value.includes("${") && !value.includes("%{")) return [];
  return templateTraversals(value);
}

import {
  TerraformDataSource,
  TerraformResource,
  Tokenization,
  type TerraformElement,
  type TerraformStack,
} from "cdktf";
import { SYNTH_RESOLVER, type ResolvedElements } from "./prepared-configuration";
import { isExpression } from "./values";

/** Arguments of a resource or data source, keyed as in the Terraform JSON (snake_case). */
export type Attributes = Readonly<Record<string, unknown>>;

/** One resource or data source of a stack, with its arguments as Terraform will see them. */
export interface ConfiguredElement {
  /** Terraform address: `aws_iam_role.sagemaker_role`, `data.aws_iam_policy_document.trust`. */
  readonly address: string;
  /** The address without the name: `aws_iam_role`, `data.aws_iam_policy_document`. */
  readonly addressType: string;
  /** The construct that synthesizes it; findings are reported on it. */
  readonly construct: TerraformElement;
  /**
   * Its arguments with every token resolved: literal text stays as written, a reference becomes
   * `${aws_s3_bucket.models.id}`, a function call `${jsonencode(...)}`.
   */
  readonly attributes: Attributes;
}

/** A value that is exactly one reference to an attribute of another element, e.g. `${aws_s3_bucket.b.id}`. */
export interface Reference {
  readonly element: ConfiguredElement;
  readonly attribute: string;
}

const WHOLE_REFERENCE = /^\$\{((?:data\.)?[\w-]+\.[\w-]+)\.(\w+)\}$/;

/**
 * The resources and data sources of one stack, read from what each construct synthesizes (`toTerraform()`,
 * resolved the way `cdktf synth` resolves it), so rules see every element, whichever construct made it.
 */
export class StackConfiguration {
  /**
   * Reads every resource and data source of `stack`. `resolved`, when given, holds what elements synthesize,
   * resolved already in this synth (see `prepareStackKeepingElements`); the others are resolved here.
   */
  public static read(stack: TerraformStack, resolved?: ResolvedElements): StackConfiguration {
    const elements: ConfiguredElement[] = [];
    for (const construct of stack.node.findAll()) {
      if (TerraformResource.isTerraformResource(construct)) {
        elements.push(...configured(stack, construct, "resource", "", resolved));
      } else if (TerraformDataSource.isTerraformDataSource(construct)) {
        elements.push(...configured(stack, construct, "data", "data.", resolved));
      }
    }
    return new StackConfiguration(elements);
  }

  private readonly byAddress: ReadonlyMap<string, ConfiguredElement>;
  // Rules look elements up by type for every element they check: an index keeps that constant-time
  // for stacks of thousands of resources.
  private readonly byType = new Map<string, ConfiguredElement[]>();

  private constructor(public readonly elements: readonly ConfiguredElement[]) {
    this.byAddress = new Map(elements.map((element) => [element.address, element]));
    for (const element of elements) {
      const ofType = this.byType.get(element.addressType);
      if (ofType) ofType.push(element);
      else this.byType.set(element.addressType, [element]);
    }
  }

  /** Every element of a type: `ofType("aws_s3_bucket_policy")`, `ofType("data.aws_iam_policy_document")`. */
  public ofType(addressType: string): readonly ConfiguredElement[] {
    return this.byType.get(addressType) ?? [];
  }

  /** The element and attribute `value` refers to, when it is exactly one reference into this stack. */
  public referencedBy(value: unknown): Reference | undefined {
    if (typeof value !== "string") return undefined;
    const match = WHOLE_REFERENCE.exec(value);
    const element = match ? this.byAddress.get(match[1]!) : undefined;
    return element ? { element, attribute: match![2]! } : undefined;
  }

  /**
   * Whether `value` identifies `target`: a reference to one of its attributes (`${aws_s3_bucket.b.id}`), or
   * the same literal text as its name argument `nameArgument` (`bucket`, `name`).
   */
  public identifies(value: unknown, target: ConfiguredElement, nameArgument: string): boolean {
    if (this.referencedBy(value)?.element === target) return true;
    const name = target.attributes[nameArgument];
    return typeof name === "string" && !isExpression(name) && value === name;
  }

  /** The elements of `addressType` whose argument `argument` identifies `target` (see `identifies`). */
  public companionsOf(
    target: ConfiguredElement,
    nameArgument: string,
    addressType: string,
    argument: string,
  ): ConfiguredElement[] {
    return this.ofType(addressType).filter((element) =>
      this.identifies(element.attributes[argument], target, nameArgument),
    );
  }
}

function configured(
  stack: TerraformStack,
  construct: TerraformElement,
  block: "resource" | "data",
  prefix: string,
  resolved: ResolvedElements | undefined,
): ConfiguredElement[] {
  const synthesized = (resolved?.get(construct) ??
    Tokenization.resolve(construct.toTerraform(), {
      scope: stack,
      preparing: false,
      resolver: SYNTH_RESOLVER,
    })) as Record<string, Record<string, Record<string, Record<string, unknown>>> | undefined>;
  return Object.entries(synthesized[block] ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, synthesizedAttributes]) => {
      const attributes = { ...synthesizedAttributes };
      delete attributes["//"];
      return {
        address: `${prefix}${type}.${name}`,
        addressType: `${prefix}${type}`,
        construct,
        attributes,
      };
    }),
  );
}

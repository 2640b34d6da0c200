/**
 * The kinds of value a setting takes (a string, a number, a list of ..., a map of name -> ..., an object of
 * settings), checked at synth before any other check reads the value: props from JSON or YAML, JavaScript or a cast
 * can hold anything, and a check or a builder that reads `image.length` or `Object.entries(variants)` on a value of
 * another kind fails with a TypeError instead of naming the setting. Each props interface declares the kind of each
 * of its settings in its key set (`knownKeys<T>`, known-keys.ts), where the compiler checks the kinds against the
 * interface.
 *
 * A cdktf token stands for any value of its kind: a string token is a string, a number token a number, a list token
 * a list whose entries are not looked into, and a token object (`IResolvable`) a map or object not looked into.
 */
import { Token, type IResolvable, type ITerraformDependable } from "cdktf";
import { Problems } from "./validation";

/** The problems of a value's shape: settings of the wrong kind or missing, and unknown settings. */
export class ShapeProblems {
  public readonly problems = new Problems();
  private wrongKinds = 0;

  /**
   * A value of the wrong kind, or a required setting left out: the value checks must not read it. Without a
   * problem, for one already reported another way (a required setting misspelt, reported as the unknown key).
   */
  public wrongKind(...problem: [field: string, value: unknown, allowed: string] | []): void {
    this.wrongKinds++;
    if (problem.length === 3) this.problems.add(problem[0], problem[1], problem[2]);
  }

  /** A setting the props do not have: reported, but harmless to the value checks, which do not read it. */
  public unknownKey(field: string, value: unknown, allowed: string): void {
    this.problems.add(field, value, allowed);
  }

  /** Whether a value is of the wrong kind or a required setting is missing. */
  public get hasWrongKinds(): boolean {
    return this.wrongKinds > 0;
  }
}

/** A kind of value, `V` being the type of the values it takes. */
export interface Kind<V> {
  /** What the kind allows, completing "allowed: ...": `a string`, `a map of name -> { ... }`. */
  readonly allowed: string;
  /** The kind as a list's entries read: `strings`, `{ ... }`. */
  readonly plural: string;
  /** The kind as a map's values read: `string`, `{ ... }`. */
  readonly singular: string;
  /** Whether `value` is of the kind at its top (a list, before its entries are looked into). */
  matches(value: unknown): boolean;
  /** The problems inside a value that {@link matches}: its entries', its settings'. */
  checkInside(shape: ShapeProblems, field: string, value: unknown): void;
  /**
   * Never set: carries `V` for the compiler, which takes a kind for a setting of type `P` when `P` is a `V`
   * (`STRING` for `"Serial" | "Direct"`, not `NUMBER` for a string).
   */
  readonly accepts?: (value: V) => void;
}

/** An optional setting's kind: it may be left out (`undefined`), never set to a value of another kind. */
export interface Optional<V> {
  readonly optional: Kind<V>;
}

/** The setting may be left out. */
export function optional<V>(kind: Kind<V>): Optional<V> {
  return { optional: kind };
}

/** Reports `value` when it is not of `kind`, else the problems inside it. */
export function checkKind<V>(
  shape: ShapeProblems,
  field: string,
  value: unknown,
  kind: Kind<V>,
): void {
  if (!kind.matches(value)) shape.wrongKind(field, value, kind.allowed);
  else kind.checkInside(shape, field, value);
}

function simple<V>(
  allowed: string,
  singular: string,
  plural: string,
  matches: (value: unknown) => boolean,
): Kind<V> {
  return { allowed, singular, plural, matches, checkInside: () => undefined };
}

export const STRING = simple<string>("a string", "string", "strings", (v) => typeof v === "string");

/** A finite number: `NaN` and `Infinity` reach no AWS setting. A number token is a finite number. */
export const NUMBER = simple<number>(
  "a number",
  "number",
  "numbers",
  (v) => typeof v === "number" && Number.isFinite(v),
);

export const BOOLEAN = simple<boolean>(
  "true or false",
  "true or false",
  "true or false",
  (v) => typeof v === "boolean",
);

/** A boolean or a Terraform expression (`boolean | IResolvable`). */
export const BOOLEAN_OR_EXPRESSION = simple<boolean | IResolvable>(
  "true, false or a Terraform expression",
  "true, false or a Terraform expression",
  "true, false or Terraform expressions",
  (v) => typeof v === "boolean" || Token.isUnresolved(v),
);

/** A Terraform expression (`IResolvable`), e.g. a condition. */
export const EXPRESSION = simple<IResolvable>(
  "a Terraform expression",
  "Terraform expression",
  "Terraform expressions",
  (v) => Token.isUnresolved(v),
);

/** What Terraform can depend on: a resource, data source or module (`ITerraformDependable`). */
export const DEPENDABLE = simple<ITerraformDependable>(
  "a Terraform resource, data source or module",
  "Terraform resource, data source or module",
  "Terraform resources, data sources or modules",
  (v) =>
    typeof v === "object" &&
    v !== null &&
    typeof (v as { readonly fqn?: unknown }).fqn === "string",
);

/** Whether `value` is a plain object or a token standing for one (not a list, not null). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A list of `entry`; a list token's entries are not looked into. */
export function listOf<V>(entry: Kind<V>): Kind<readonly V[]> {
  return {
    allowed: `a list of ${entry.plural}`,
    singular: `list of ${entry.plural}`,
    plural: `lists of ${entry.plural}`,
    matches: Array.isArray,
    checkInside(shape, field, value) {
      if (Token.isUnresolved(value)) return;
      (value as readonly unknown[]).forEach((item, index) =>
        checkKind(shape, `${field}.${index}`, item, entry),
      );
    },
  };
}

/** A map of the user's names to `entry`s (models by name, tags); a token map is not looked into. */
export function mapOf<V>(entry: Kind<V>): Kind<Readonly<Record<string, V>>> {
  return {
    allowed: `a map of name -> ${entry.singular}`,
    singular: `map of name -> ${entry.singular}`,
    plural: `maps of name -> ${entry.singular}`,
    matches: isObject,
    checkInside(shape, field, value) {
      if (Token.isUnresolved(value)) return;
      for (const [name, item] of Object.entries(value as Readonly<Record<string, unknown>>)) {
        checkKind(shape, `${field}.${name}`, item, entry);
      }
    },
  };
}

/** A value of one kind or the other (`BlueGreenProps | "none"`): looked into as the first it matches. */
export function either<A, B>(first: Kind<A>, second: Kind<B>): Kind<A | B> {
  return {
    allowed: `${first.allowed} or ${second.allowed}`,
    singular: `${first.singular} or ${second.singular}`,
    plural: `${first.plural} or ${second.plural}`,
    matches: (value) => first.matches(value) || second.matches(value),
    checkInside(shape, field, value) {
      (first.matches(value) ? first : second).checkInside(shape, field, value);
    },
  };
}

/** `kind`, or `null` where the interface takes `null` (`variantName?: string | null`). */
export function nullable<V>(kind: Kind<V>): Kind<V | null> {
  return {
    allowed: `${kind.allowed} or null`,
    singular: `${kind.singular} or null`,
    plural: `${kind.plural} or null`,
    matches: (value) => value === null || kind.matches(value),
    checkInside(shape, field, value) {
      if (value !== null) kind.checkInside(shape, field, value);
    },
  };
}

/** `kind`, with what it allows in the words of the setting (`a baking period for each batch`). */
export function describedAs<V>(kind: Kind<V>, allowed: string): Kind<V> {
  return {
    allowed,
    singular: kind.singular,
    plural: kind.plural,
    matches: (value) => kind.matches(value),
    checkInside: (shape, field, value) => kind.checkInside(shape, field, value),
  };
}

/** One of a few strings (`"none"`): for a string setting whose other values are refused by its own check, use STRING. */
export function choice<V extends string>(...values: readonly V[]): Kind<V> {
  const words = values.map((value) => JSON.stringify(value)).join(", ");
  return simple<V>(values.length === 1 ? words : `one of ${words}`, words, words, (v) =>
    (values as readonly unknown[]).includes(v),
  );
}

/** A map of tag names to values. */
export const TAGS = mapOf(STRING);
export const STRINGS = listOf(STRING);

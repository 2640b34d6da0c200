/**
 * The settings a props object may have and the kind of value each takes, declared once per props interface, so that
 * a key the interface does not have is refused at synth, and so is a missing required setting or a value of the
 * wrong kind (kinds.ts). TypeScript refuses it in a literal; props read from JSON or YAML, built in JavaScript or
 * passed through a cast would otherwise lose it without a word (`instanceCont` for `instanceCount`, and the instance
 * count silently stays 1).
 */
import { Token } from "cdktf";
import type { IConstruct } from "constructs";
import { checkKind, isObject, ShapeProblems, type Kind, type Optional } from "./kinds";
import { Problems } from "./validation";

/** The keys of `T`; of every member, for a union (`TrafficRoutingProps`). */
type AllKeys<T> = T extends unknown ? keyof T : never;

/** The type of key `K` in `T`; for a union, of every member, `undefined` for the members without it. */
type ValueOf<T, K extends PropertyKey> = T extends unknown
  ? K extends keyof T
    ? T[K]
    : undefined
  : never;

/** The kind of a setting of type `V`: `optional(kind)` when it may be left out, the kind itself when required. */
export type Field<V> = undefined extends V ? Optional<Exclude<V, undefined>> : Kind<V>;

/**
 * Every key of `T` with the kind of its value. The compiler checks a set both ways: one that misses a key of `T`
 * (a prop added to the interface but not to its set) or holds a key `T` does not have fails `tsc`; and each kind
 * against the key's type: a kind that does not take the type (`NUMBER` for a string), a required kind for an optional
 * setting or `optional(...)` for a required one fails it too.
 */
export type KeySet<T> = { readonly [K in AllKeys<T>]-?: Field<ValueOf<T, K>> };

/**
 * Why a key that is not a setting here is refused, for keys that are settings elsewhere (a provisioned endpoint's
 * setting on a serverless one): completes "allowed: ...". The generic message covers every other key.
 */
export type RefusedKeys = Readonly<Partial<Record<string, string>>>;

/**
 * The settings of a props interface `T`, with the check that refuses any other key; also the kind of a `T` value,
 * an object of those settings, for the set of the props that hold one.
 */
export class KnownKeys<T> implements Kind<T> {
  public readonly allowed = "an object { ... }";
  public readonly singular = "{ ... }";
  public readonly plural = "{ ... }";
  declare public readonly accepts?: (value: T) => void;
  private readonly names: readonly string[];
  private readonly fields: readonly (readonly [string, Kind<unknown>, boolean])[];

  /** @param refused why a key that is a setting elsewhere is refused here (see {@link check}) */
  public constructor(
    set: KeySet<T>,
    private readonly refused?: RefusedKeys,
  ) {
    this.names = Object.keys(set);
    this.fields = Object.entries(
      set as Readonly<Record<string, Kind<unknown> | Optional<unknown>>>,
    ).map(([key, field]) =>
      "optional" in field ? ([key, field.optional, false] as const) : ([key, field, true] as const),
    );
  }

  public matches(value: unknown): boolean {
    return isObject(value);
  }

  /** Each setting of `props`: missing when required, or of the wrong kind; and each unknown key. */
  public checkInside(shape: ShapeProblems, field: string, value: unknown): void {
    if (Token.isUnresolved(value)) return;
    const props = value as Readonly<Record<string, unknown>>;
    const unknown = new Problems();
    this.check(unknown, field, props as T);
    for (const p of unknown.list) shape.unknownKey(p.field, p.value, p.allowed);
    // A required setting misspelt is reported once, as the unknown key with the setting meant.
    const meant = new Set(
      Object.keys(props).flatMap((key) =>
        this.names.includes(key) ? [] : [closestName(key, this.names)],
      ),
    );
    for (const [key, kind, required] of this.fields) {
      const path = field ? `${field}.${key}` : key;
      const given = props[key];
      if (given === null && required && !kind.matches(given))
        shape.wrongKind(path, given, `${kind.allowed} (required)`);
      else if (given !== undefined) checkKind(shape, path, given, kind);
      else if (required && meant.has(key)) shape.wrongKind();
      else if (required) shape.wrongKind(path, given, `${kind.allowed} (required)`);
    }
  }

  /**
   * The problems of the shape of `props` (at `field`, empty for a construct's own) at every level: settings missing
   * or of the wrong kind, with the unknown settings; `undefined` when every setting is of its kind, so that the
   * value checks may read them (they report the unknown settings then). Props left out are an empty object.
   */
  public shapeProblems(field: string, props: T | undefined): Problems | undefined {
    const shape = new ShapeProblems();
    const given: unknown = props ?? {};
    if (this.matches(given)) this.checkInside(shape, field, given);
    else shape.wrongKind(field || "(props)", given, this.allowed);
    return shape.hasWrongKinds ? shape.problems : undefined;
  }

  /**
   * Throws the problems of the shape of a construct's props, after `own` (the construct's other problems found so
   * far), when a setting is missing or of the wrong kind: nothing after may read them.
   */
  public refuseWrongShape(scope: IConstruct, props: T | undefined, own?: Problems): void {
    const shape = this.shapeProblems("", props);
    if (shape) (own ?? new Problems()).merge("", shape).throwIfAny(scope);
  }

  /**
   * Adds one problem per key of `props` that is not a setting of `T`, on the field `<field>.<key>` (`<key>` when
   * `field` is empty, for a construct's own props), with the value given: the reason in `refused` when it has the
   * key, else the closest setting, else the settings there are.
   *
   * Keys whose value is `undefined` are skipped: they set nothing, whatever their name, JSON and YAML cannot write
   * them, and JavaScript writes them for a setting left out (`{ size: given.size }`). Props that are not a plain
   * object (missing, a token) are left to the checks of their values.
   */
  public check(
    problems: Problems,
    field: string,
    props: T | undefined,
    refused: RefusedKeys | undefined = this.refused,
  ): void {
    if (typeof props !== "object" || props === null || Array.isArray(props)) return;
    if (Token.isUnresolved(props)) return;
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || this.names.includes(key)) continue;
      const reason = refused && Object.hasOwn(refused, key) ? refused[key] : undefined;
      problems.add(field ? `${field}.${key}` : key, value, reason ?? this.unknown(key));
    }
  }

  /** For a construct whose props have no other check: throws its props' unknown keys as its one error. */
  public refuseUnknown(
    scope: IConstruct,
    props: T | undefined,
    refused: RefusedKeys | undefined = this.refused,
  ): void {
    const problems = new Problems();
    this.check(problems, "", props, refused);
    problems.throwIfAny(scope);
  }

  /** {@link check} on each entry of a list (`<field>.<index>`); a list known only at apply time is skipped. */
  public checkEach(
    problems: Problems,
    field: string,
    list: readonly T[] | undefined,
    refused: RefusedKeys | undefined = this.refused,
  ): void {
    if (!Array.isArray(list) || Token.isUnresolved(list)) return;
    list.forEach((props, index) => this.check(problems, `${field}.${index}`, props, refused));
  }

  private unknown(key: string): string {
    const suggestion = otherNameOf(key, this.names) ?? closestName(key, this.names);
    return suggestion === undefined
      ? `no such setting (known: ${this.names.join(", ")})`
      : `no such setting; did you mean ${JSON.stringify(suggestion)}?`;
  }
}

/**
 * The settings of `T` and their kinds, in the order the interface declares them (the order the error lists them
 * in): `knownKeys<ModelProps>({ iamRoleArn: STRING, containerDefinitions: mapOf(CONTAINER_KEYS), name:
 * optional(STRING), ... })`, with why a key from elsewhere is refused here, if any.
 */
export function knownKeys<T>(set: KeySet<T>, refused?: RefusedKeys): KnownKeys<T> {
  return new KnownKeys<T>(set, refused);
}

/**
 * The names other tools give some of our settings, too far from ours for {@link closestName} to find: aws-cdk's
 * sagemaker-alpha and the SageMaker API (`executionRoleArn`, `modelDataUrl`), the AWS provider (`model_data_url`,
 * `kms_key_arn`, compared as {@link normalized}), and this project's own earlier names (docs/sagemaker-inference.md,
 * "Names with units, ARNs that say so").
 */
const OTHER_NAMES: Readonly<Record<string, readonly string[]>> = {
  iamRoleArn: ["executionRoleArn", "roleArn", "role"],
  modelDataLocation: ["modelDataUrl", "modelDataSource", "modelData"],
  encryptionKeyArn: ["kmsKeyArn", "kmsKeyId", "kmsKey"],
};

/** Ours of the settings `names`, when `key` is another tool's name for it. */
function otherNameOf(key: string, names: readonly string[]): string | undefined {
  const given = normalized(key);
  return names.find((name) => OTHER_NAMES[name]?.some((other) => normalized(other) === given));
}

/** A key as it compares: its case, `_` and `-` ignored, so that `memory_size_in_mb` is `memorySizeInMB`. */
function normalized(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, "");
}

/**
 * The setting `key` was most likely meant to be, compared without case, `_` and `-`: the one at the smallest edit
 * distance, among those within a third of the longer of the two names (at least 1: `maxCapacity` is within 5 of
 * `maximumCapacity`, `mode` not within 1 of `name`) and those one of whose words make up the other (at least 4
 * characters: `tags` in `additionalTags`, `waitInterval` in `waitIntervalInSeconds`; not `type` in
 * `capacityPercent`). Ties go to the setting declared first.
 */
export function closestName(key: string, names: readonly string[]): string | undefined {
  const given = normalized(key);
  let best: { readonly name: string; readonly distance: number } | undefined;
  for (const name of names) {
    const known = normalized(name);
    const distance = editDistance(given, known);
    const nearEnough = Math.max(1, Math.floor(Math.max(given.length, known.length) / 3));
    if (distance > nearEnough && !isPartOf(given, name) && !isPartOf(known, key)) continue;
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

/** The words of a name: `memorySizeInMB` is memory, size, in, mb; `min_capacity` is min, capacity. */
const WORDS = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g;

/** Whether `part` (normalized, at least 4 characters) is one or more consecutive words of `name`. */
function isPartOf(part: string, name: string): boolean {
  if (part.length < 4) return false;
  const words = (name.match(WORDS) ?? []).map((word) => word.toLowerCase());
  return words.some((_, start) => {
    let joined = "";
    for (const word of words.slice(start)) {
      joined += word;
      if (joined === part) return true;
      if (joined.length >= part.length) return false;
    }
    return false;
  });
}

/**
 * The fewest insertions, deletions, substitutions and swaps of two neighbouring characters that turn `a` into `b`
 * (optimal string alignment distance).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(row[j - 1]! + 1, rows[i - 1]![j]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, rows[i - 2]![j - 2]! + 1);
      }
      row.push(distance);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

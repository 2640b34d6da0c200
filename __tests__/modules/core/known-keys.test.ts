/**
 * The key sets of props interfaces and the check that refuses any other key.
 *
 * That every key set covers its interface, no more and no less, is checked by the compiler: `npm run typecheck`
 * (part of `npm test`) compiles every `knownKeys<T>({ ... })` against `KeySet<T>`. The `@ts-expect-error` lines below
 * prove that it refuses a set with a key missing or a key too many: were either accepted, the directive itself
 * would fail the type check.
 */
import { Testing, TerraformStack, Token } from "cdktf";
import { describe, expect, it } from "vitest";
import {
  closestName,
  editDistance,
  knownKeys,
  type KeySet,
} from "../../../modules/core/known-keys";
import { NUMBER, optional, STRING } from "../../../modules/core/kinds";
import { formatValidationMessage, Problems } from "../../../modules/core/validation";

interface Size {
  readonly instanceCount?: number;
  readonly capacityPercent?: number;
}
interface Variant {
  readonly instanceType: string;
  readonly initialInstanceCount?: number;
  readonly size?: Size;
}

const SIZE_KEYS = knownKeys<Size>({
  instanceCount: optional(NUMBER),
  capacityPercent: optional(NUMBER),
});
const VARIANT_KEYS = knownKeys<Variant>({
  instanceType: STRING,
  initialInstanceCount: optional(NUMBER),
  size: optional(SIZE_KEYS),
});

/** The problems the check finds in `props`, as the error lists them. */
function problemsOf(field: string, props: unknown, refused?: Record<string, string>): string[] {
  const problems = new Problems();
  VARIANT_KEYS.check(problems, field, props as Variant, refused);
  return formatValidationMessage("c", problems.list).split("\n").slice(1);
}

describe("knownKeys: the compiler checks each set against its interface", () => {
  it("refuses a set that misses a key, or holds one the interface does not have", () => {
    // @ts-expect-error initialInstanceCount is missing
    const missing: KeySet<Variant> = { instanceType: STRING, size: optional(SIZE_KEYS) };
    const extra: KeySet<Variant> = {
      instanceType: STRING,
      initialInstanceCount: optional(NUMBER),
      size: optional(SIZE_KEYS),
      // @ts-expect-error instanceCount is not a key of Variant
      instanceCount: optional(NUMBER),
    };
    expect([Object.keys(missing), Object.keys(extra)]).toEqual([
      ["instanceType", "size"],
      ["instanceType", "initialInstanceCount", "size", "instanceCount"],
    ]);
  });

  it("takes the keys of every member of a union", () => {
    type Routing = { readonly type: "ALL" } | { readonly type: "CANARY"; readonly size: number };
    // @ts-expect-error size, of the CANARY member, is missing
    const missing: KeySet<Routing> = { type: STRING };
    expect(Object.keys(missing)).toEqual(["type"]);
    // size is optional: the ALL member has none
    expect(() => knownKeys<Routing>({ type: STRING, size: optional(NUMBER) })).not.toThrow();
  });
});

describe("KnownKeys.check", () => {
  it("adds one problem per unknown key, with its full path, its value and the setting meant", () => {
    expect(
      problemsOf("endpoints.e.variant", {
        instanceType: "ml.m5.large",
        instancetype: "ml.c5.large",
        initial_instance_count: 2,
        size: { instanceCount: 1 },
      }),
    ).toEqual([
      '  - endpoints.e.variant.instancetype: got "ml.c5.large"; allowed: no such setting; did you mean "instanceType"?',
      '  - endpoints.e.variant.initial_instance_count: got 2; allowed: no such setting; did you mean "initialInstanceCount"?',
    ]);
  });

  it("lists the settings when none is close, in the order they are declared", () => {
    expect(problemsOf("", { instanceType: "ml.m5.large", weight: 3 })).toEqual([
      "  - weight: got 3; allowed: no such setting (known: instanceType, initialInstanceCount, size)",
    ]);
  });

  it("gives the reason a key is refused where one is given, and the closest setting for the others", () => {
    expect(
      problemsOf(
        "v",
        { instanceType: "ml.m5.large", memorySizeInMB: 2048, sise: {} },
        { memorySizeInMB: "no memory size: a serverless variant's setting" },
      ),
    ).toEqual([
      "  - v.memorySizeInMB: got 2048; allowed: no memory size: a serverless variant's setting",
      '  - v.sise: got {}; allowed: no such setting; did you mean "size"?',
    ]);
  });

  it("skips keys whose value is undefined: they set nothing", () => {
    expect(problemsOf("v", { instanceType: "ml.m5.large", instanceCount: undefined })).toEqual([]);
  });

  it("leaves props that are not an object, or a token, to the checks of their values", () => {
    for (const props of [undefined, null, "ml.m5.large", 3, ["a"], Token.asAny({ a: 1 })]) {
      expect(problemsOf("v", props)).toEqual([]);
    }
  });

  it("refuses keys that Object's prototype has, named as the user wrote them", () => {
    expect(problemsOf("v", JSON.parse('{"constructor": 1, "__proto__": 2}'))).toEqual([
      "  - v.constructor: got 1; allowed: no such setting (known: instanceType, initialInstanceCount, size)",
      "  - v.__proto__: got 2; allowed: no such setting (known: instanceType, initialInstanceCount, size)",
    ]);
  });

  it("checkEach: each entry of a list, by index; a list known only at apply time is skipped", () => {
    const problems = new Problems();
    VARIANT_KEYS.checkEach(problems, "variants", [
      { instanceType: "a" },
      { instanceType: "b", sizes: {} },
    ] as Variant[]);
    VARIANT_KEYS.checkEach(problems, "later", Token.asList(["x"]) as unknown as Variant[]);
    expect(problems.list).toEqual([
      { field: "variants.1.sizes", value: {}, allowed: 'no such setting; did you mean "size"?' },
    ]);
  });

  it("refuseUnknown: throws the unknown keys of a construct's own props as its one error", () => {
    const stack = new TerraformStack(Testing.app(), "s");
    expect(() =>
      VARIANT_KEYS.refuseUnknown(stack, { instanceType: "a", tier: 1 } as Variant),
    ).toThrowError(
      [
        "Invalid configuration for 's' (1 problem):",
        "  - tier: got 1; allowed: no such setting (known: instanceType, initialInstanceCount, size)",
      ].join("\n"),
    );
    expect(() => VARIANT_KEYS.refuseUnknown(stack, { instanceType: "a" })).not.toThrow();
  });
});

describe("closestName", () => {
  const names = [
    "policies",
    "maximumCapacity",
    "minimumCapacity",
    "additionalTags",
    "endpointAdditionalTags",
  ];

  it.each([
    ["another case", "MaximumCapacity", "maximumCapacity"],
    ["snake_case, as Terraform writes it", "minimum_capacity", "minimumCapacity"],
    ["a typo", "polcies", "policies"],
    ["two letters swapped", "poilcies", "policies"],
    ["an abbreviation within a third of the name", "maxCapacity", "maximumCapacity"],
    ["a part of the name, the closest of those that contain it", "tags", "additionalTags"],
  ])("%s: %s -> %s", (_, key, expected) => {
    expect(closestName(key, names)).toBe(expected);
  });

  it.each([
    ["nothing close", "cooldown"],
    ["a part shorter than 4 characters", "max"],
  ])("none for %s: %s", (_, key) => {
    expect(closestName(key, names)).toBeUndefined();
  });

  it("parts made of whole words, either way: not letters that run across two words", () => {
    expect(closestName("waitIntervalInSeconds", ["type", "waitInterval"])).toBe("waitInterval");
    expect(closestName("WAIT_INTERVAL_SECONDS", ["type", "waitInterval"])).toBe("waitInterval");
    expect(closestName("type", ["instanceCount", "capacityPercent"])).toBeUndefined();
  });

  it("the first declared of two at the same distance", () => {
    expect(closestName("ab", ["ac", "bb"])).toBe("ac");
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["kitten", "sitting", 3],
    ["policies", "poilcies", 1],
    ["instancecont", "instancecount", 1],
    ["maxcapacity", "maximumcapacity", 4],
  ])("%s -> %s: %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

import "vitest";
import type { testingMatchers } from "cdktf";

/**
 * cdktf's matchers, registered in setup.ts. They take the resource class (e.g. `SagemakerEndpoint`) and match
 * properties partially, in camelCase or snake_case. Use them for "has a resource like"; use the helpers in
 * synth.ts with `toEqual` to assert a resource exactly.
 */
interface CdktfMatchers<R = unknown> {
  toHaveResource(resourceType: testingMatchers.TerraformConstructor): R;
  toHaveResourceWithProperties(
    resourceType: testingMatchers.TerraformConstructor,
    properties: Record<string, unknown>,
  ): R;
  toHaveDataSourceWithProperties(
    resourceType: testingMatchers.TerraformConstructor,
    properties: Record<string, unknown>,
  ): R;
  toHaveProviderWithProperties(
    resourceType: testingMatchers.TerraformConstructor,
    properties: Record<string, unknown>,
  ): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = unknown> extends CdktfMatchers<T> {}
}

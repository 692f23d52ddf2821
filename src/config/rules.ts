/** Valibot rules shared by the config sections: numbers written as text, YAML 1.1 flags, one-of lists, computed defaults. */
import * as v from "valibot";

/** A number, or a number written as text (`threads: "4"`): the Python version's pydantic accepted both. */
export function numberLike(message: string) {
  const numericText = v.pipe(v.string(), v.trim(), v.regex(/^-?\d+(\.\d+)?$/), v.transform(Number));
  return v.union([v.number(), numericText], message);
}

/** A whole number in a range, with one message that says the range. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const message =
    max === Number.MAX_SAFE_INTEGER
      ? `expected a whole number, ${min} or more`
      : `expected a whole number from ${min} to ${max}`;
  return v.pipe(numberLike(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

const YAML11_FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  yes: true,
  on: true,
  false: false,
  no: false,
  off: false,
};

/**
 * true/false, also spelled yes/no/on/off: the Python version read YAML 1.1 (PyYAML), where those are booleans,
 * while Bun's YAML 1.2 parser returns them as text. Undefined when the value is none of these.
 */
export function parseFlag(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  return typeof value === "string" ? YAML11_FLAGS[value.trim().toLowerCase()] : undefined;
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return v.picklist(values, `expected one of ${values.join(", ")}`);
}

export const flag = v.pipe(
  v.union([v.boolean(), v.string()], "expected true or false"),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const parsed = parseFlag(dataset.value);
    if (parsed !== undefined) return parsed;
    addIssue({ message: "expected true or false" });
    return NEVER;
  }),
);

export const text = v.string("expected text");

/** `1`, `"a"` or a list of them: origin files wrote single providers and plugin folders without a list. */
export function stringOrList(what: string) {
  const message = `expected ${what} or a list of them`;
  return v.pipe(
    v.union([v.string(), v.array(v.string())], message),
    v.transform((value) => (typeof value === "string" ? [value] : [...value])),
    v.check((list) => list.every((item) => item.trim() !== ""), `${message}, none empty`),
  );
}

/** Metadata key of a default worked out when the config loads (from another key, the machine or the environment). */
const COMPUTED_DEFAULT = "computedDefault";

/**
 * Marks a key whose default is not a fixed value, with the words docs/config.md uses for it (`threads`,
 * `CPU cores`), so the docs test can hold the page to the schema for these keys too.
 */
export function computedDefault<TValue>(words: string) {
  return v.metadata<TValue, Record<string, string>>({ [COMPUTED_DEFAULT]: words });
}

/** The words given to computedDefault(), or undefined for a key with a fixed default (or none). */
export function computedDefaultOf(schema: v.GenericSchema): string | undefined {
  const words = (v.getMetadata(schema as never) as Record<string, unknown>)[COMPUTED_DEFAULT];
  return typeof words === "string" ? words : undefined;
}

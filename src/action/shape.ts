// Shapes for JSON that the action reads back from places it does not control
// alone: step state, and the variables it exports to later steps. A shape is
// declared once, field by field; its type follows from it, and reading a value
// builds a new object of exactly those fields, or fails: no value read back is
// cast to a type it was not checked against.
//
// Adding a field to a record is one line in its shape: `fencingToken:
// optional(count)`, say. Optional fields may be missing from what was written
// before the field existed.

/** Checks one value: the value itself (or a copy of it) when it fits, NOT_IT when it does not. */
export type Check<T> = (value: unknown) => T | typeof NOT_IT

export const NOT_IT: unique symbol = Symbol('not it')

/** A field that may be missing (or undefined). */
export interface Optional<T> {
  optional: Check<T>
}

type Field = Check<unknown> | Optional<unknown>

type Required<S> = {
  [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Check<infer T> ? T : never
}
type Optionals<S> = {
  [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never
}

/** The type of the values a shape accepts. */
export type Shaped<S> = Required<S> & Optionals<S>

export const text: Check<string> = (value) => (typeof value === 'string' ? value : NOT_IT)

export const nonEmptyText: Check<string> = (value) => (typeof value === 'string' && value !== '' ? value : NOT_IT)

/** An ISO 8601 time as Date.parse reads it. */
export const time: Check<string> = (value) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : NOT_IT

/** A whole number, 0 or more. */
export const count: Check<number> = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : NOT_IT

export const yesNo: Check<boolean> = (value) => (typeof value === 'boolean' ? value : NOT_IT)

export function oneOf<const T extends string>(...values: T[]): Check<T> {
  return (value) => (values.includes(value as T) ? (value as T) : NOT_IT)
}

/** A list of at most `max` items, each checked. */
export function listOf<T>(item: Check<T>, max: number): Check<T[]> {
  return (value) => {
    if (!Array.isArray(value) || value.length > max) return NOT_IT
    const items: T[] = []
    for (const element of value) {
      const checked = item(element)
      if (checked === NOT_IT) return NOT_IT
      items.push(checked)
    }
    return items
  }
}

export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check }
}

/** An object with exactly these fields (others are dropped), each checked. */
export function shape<S extends Record<string, Field>>(fields: S): Check<Shaped<S>> {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_IT
    const source = value as Record<string, unknown>
    const result: Record<string, unknown> = {}
    for (const [name, field] of Object.entries(fields)) {
      const given = Object.hasOwn(source, name) ? source[name] : undefined
      if (typeof field !== 'function') {
        if (given === undefined) continue
        const checked = field.optional(given)
        if (checked === NOT_IT) return NOT_IT
        result[name] = checked
        continue
      }
      const checked = field(given)
      if (checked === NOT_IT) return NOT_IT
      result[name] = checked
    }
    return result as Shaped<S>
  }
}

/** JSON text read back through a shape: the value, or undefined when the text is missing, not JSON or not of the shape. */
export function parseJson<T>(textValue: string | undefined, check: Check<T>): T | undefined {
  if (!textValue) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(textValue)
  } catch {
    return undefined
  }
  const checked = check(parsed)
  return checked === NOT_IT ? undefined : checked
}

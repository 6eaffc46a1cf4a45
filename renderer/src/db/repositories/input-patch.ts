import type { z } from 'zod';

/**
 * Updates take a patch: the fields of the entity's input schema that the patch leaves out keep their
 * stored value, and a field the patch clears must not survive from the stored record.
 */

type InputSchema = z.ZodObject<z.ZodRawShape>;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The stored values of the fields `schema` edits; unset ones are left out. */
export function pickInput<S extends InputSchema>(schema: S, record: object): Partial<z.input<S>> {
  const stored = record as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(schema.shape)
      .map((k) => [k, stored[k]])
      .filter(([, v]) => v !== undefined),
  ) as Partial<z.input<S>>;
}

/** `patch` over the stored input. Anything but an object goes on as is, for the schema to refuse with its message. */
export function patchOverStored<S extends InputSchema>(schema: S, record: object, patch: unknown): unknown {
  return isObject(patch) ? { ...pickInput(schema, record), ...patch } : patch;
}

/** The record without the fields `schema` edits, so a cleared optional field does not survive an update. */
export function stripInput<T extends object, S extends InputSchema>(schema: S, record: T): Omit<T, keyof z.output<S>> {
  const rest = { ...record } as Record<string, unknown>;
  for (const k of Object.keys(schema.shape)) delete rest[k];
  return rest as Omit<T, keyof z.output<S>>;
}

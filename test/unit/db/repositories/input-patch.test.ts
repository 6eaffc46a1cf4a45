import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchOverStored, pickInput, stripInput } from '../../../../renderer/src/db/repositories/input-patch';

const schema = z.object({ name: z.string(), note: z.string().optional() });
const stored = { id: 'r1', name: '旧名', note: '备注', archived: false };

describe('input patches', () => {
  it('keeps the stored value of every field the patch leaves out', () => {
    expect(patchOverStored(schema, stored, { name: '新名' })).toEqual({ name: '新名', note: '备注' });
    expect(pickInput(schema, { id: 'r2', name: 'x' })).toEqual({ name: 'x' });
  });

  it('passes a patch that is not an object on unchanged, for the schema to refuse', () => {
    expect(patchOverStored(schema, stored, ['name'])).toEqual(['name']);
    expect(patchOverStored(schema, stored, null)).toBeNull();
  });

  it('strips the editable fields, so a field the update clears does not come back', () => {
    expect(stripInput(schema, stored)).toEqual({ id: 'r1', archived: false });
  });
});

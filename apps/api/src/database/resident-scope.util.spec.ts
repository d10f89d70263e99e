import { scopeCondition } from './resident-scope.util';
import { uuidToBuffer } from './uuid-binary.transformer';

const a = '01890000-0000-7000-8000-000000000001';
const b = '01890000-0000-7000-8000-000000000002';

describe('scopeCondition', () => {
  it('selects a primary-key range, start included and end excluded', () => {
    expect(scopeCondition('e.resident_id', { kind: 'range', start: a, end: b })).toEqual({
      sql: 'e.resident_id >= ? AND e.resident_id < ?',
      params: [uuidToBuffer(a), uuidToBuffer(b)],
    });
  });

  it('selects listed residents by id, one placeholder each', () => {
    expect(scopeCondition('resident_id', { kind: 'ids', ids: [a, b] })).toEqual({
      sql: 'resident_id IN (?,?)',
      params: [uuidToBuffer(a), uuidToBuffer(b)],
    });
  });

  it('selects nothing for an empty list (never an invalid `IN ()`)', () => {
    expect(scopeCondition('resident_id', { kind: 'ids', ids: [] })).toEqual({ sql: 'FALSE', params: [] });
  });
});

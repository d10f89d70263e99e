import { newId, uuidToBuffer } from '../../database/uuid-binary.transformer';
import { storedCodeOf, type StoredCodeRow } from './stored-code-row.util';

describe('storedCodeOf', () => {
  const id = newId();
  const row: StoredCodeRow = {
    resident_id: uuidToBuffer(id),
    color: 'yellow',
    reasons: [{ ruleId: 'r', template: 't' }],
    green_at: '2026-12-10',
    green_when: '[{"template":"x","params":{}}]',
    steps: '[]',
    code_id: 'abc',
    code_version: '3' as unknown as number,
    color_changed_at: new Date('2026-12-07T00:00:00Z'),
    region: '330106',
    stale_at: null,
  };

  it('gives JSON columns as text whether the driver parsed them or not, and numbers as numbers', () => {
    expect(storedCodeOf(row)).toEqual({
      residentId: id,
      color: 'yellow',
      reasonsJson: '[{"ruleId":"r","template":"t"}]',
      greenAt: '2026-12-10',
      greenWhenJson: '[{"template":"x","params":{}}]',
      stepsJson: '[]',
      codeId: 'abc',
      codeVersion: 3,
      colorChangedAt: new Date('2026-12-07T00:00:00Z'),
      region: '330106',
      staleAt: null,
    });
  });

  it('carries the revision only when it was read, and no green_when as null', () => {
    expect(storedCodeOf({ ...row, green_when: null, revision: 7 })).toMatchObject({ greenWhenJson: null, revision: 7 });
    expect(storedCodeOf(row)).not.toHaveProperty('revision');
  });
});

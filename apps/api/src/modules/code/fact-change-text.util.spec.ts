import { factChangesText } from './fact-change-text.util';

describe('factChangesText', () => {
  it('says which record the import updated and how, in both languages', () => {
    const text = factChangesText('12', [{ factKind: 'case', fields: { clearedDate: '2026-12-01' } }]);
    expect(text.en).toBe('case record updated by import #12: cleared 2026-12-01');
    expect(text['zh-CN']).toBe('病例记录已由卫健部门数据导入 #12 更新：2026-12-01 解除');
  });

  it('lists several changes and several records', () => {
    const text = factChangesText('3', [
      { factKind: 'case', fields: { status: 'confirmed', date: '2026-11-20' } },
      { factKind: 'contact', fields: { region: '330106' } },
    ]);
    expect(text.en).toBe(
      'case record updated by import #3: status confirmed, date corrected to 2026-11-20; close-contact record updated by import #3: region corrected to 330106',
    );
  });
});

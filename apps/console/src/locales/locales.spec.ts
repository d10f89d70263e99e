import en from './en';
import zhCN from './zh-CN';

/** Every leaf key as a dotted path, so a missing or extra translation shows up by name. */
function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('locales', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has no empty translations', () => {
    const empty = (tree: object) =>
      leafKeys(tree).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
    expect(empty(zhCN)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});

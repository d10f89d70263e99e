import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

describe('locale files', () => {
  const enKeys = keyPaths(en).sort();
  const zhKeys = keyPaths(zhCN).sort();

  it('have exactly the same keys', () => {
    expect(zhKeys).toEqual(enKeys);
  });

  it('use the same interpolation placeholders for every key', () => {
    const lookup = (root: object, path: string) =>
      path.split('.').reduce<any>((node, key) => node[key], root) as string;
    for (const key of enKeys) {
      expect({ key, placeholders: placeholders(lookup(zhCN, key)) }).toEqual({
        key,
        placeholders: placeholders(lookup(en, key)),
      });
    }
  });

  it('have no empty strings', () => {
    const lookup = (root: object, path: string) =>
      path.split('.').reduce<any>((node, key) => node[key], root) as string;
    for (const key of enKeys) {
      expect(lookup(en, key).trim()).not.toBe('');
      expect(lookup(zhCN, key).trim()).not.toBe('');
    }
  });
});

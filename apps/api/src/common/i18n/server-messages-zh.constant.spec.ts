import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import { SERVER_MESSAGES_ZH } from './server-messages-zh.constant';
import { templatePattern, translateMessage } from './translate-message.util';

/** Every `.ts` source under a folder, specs left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** A string or template literal as a catalogue template: each `${…}` becomes `{}`; anything else is null. */
function templateOf(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return null;
}

/** The template of a `const NAME = '…'` declared in the same file, or null. */
function constantTemplate(source: ts.SourceFile, name: string): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer)
      found = templateOf(node.initializer);
    if (found === null) ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * The message templates of every `new DomainException(code, message)` in the API's sources, read from the syntax
 * tree (so multi-line calls count too). Messages passed through from elsewhere (`error.message`) are not literals
 * and are left to the catalogue entries of wherever they were written.
 */
function domainExceptionTemplates(root: string): { template: string; file: string }[] {
  const found: { template: string; file: string }[] = [];
  for (const file of sources(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isNewExpression(node) && node.expression.getText(source) === 'DomainException' && node.arguments?.[1]) {
        const arg = node.arguments[1];
        // A message kept in a constant of the same file (`const NOT_FOUND = '…'`) counts as well.
        const template = ts.isIdentifier(arg) ? constantTemplate(source, arg.text) : templateOf(arg);
        if (template !== null) found.push({ template, file });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('server messages in Chinese', () => {
  it('has a translation for every DomainException message in the API sources', () => {
    const found = domainExceptionTemplates(join(__dirname, '../..'));
    expect(found.length).toBeGreaterThan(60);
    // "<field>: <message>" is worded field by field (the message is a field error, catalogued on its own).
    const missing = found
      .filter((f) => f.template !== '{}: {}' && !(f.template in SERVER_MESSAGES_ZH))
      .map((f) => `${f.template} (${f.file})`);
    expect(missing).toEqual([]);
  });

  it('places every run-time part of a template in its translation', () => {
    for (const [en, zh] of Object.entries(SERVER_MESSAGES_ZH)) {
      const parts = en.split('{}').length - 1;
      for (let i = 0; i < parts; i++) expect(`${en} → ${zh}`).toContain(`{${i}}`);
      expect(zh).not.toMatch(/\{\}/);
    }
  });

  it('translates fixed and filled-in messages, the most specific template first', () => {
    expect(translateMessage('No such checkpoint', 'zh-CN')).toBe('没有这个检查点');
    expect(translateMessage('You have no appeal #42', 'zh-CN')).toBe('您没有 #42 号申诉');
    expect(translateMessage('Appeal #7: its decision still awaits approval', 'zh-CN')).toBe(
      '#7 号申诉的决定仍在等待批准',
    );
    // A nested message is translated too.
    expect(translateMessage('Appeal #7: This appeal is closed: it cannot assign now', 'zh-CN')).toBe(
      '#7 号申诉：此申诉状态为 closed，现在不能assign',
    );
    expect(translateMessage('Your role (auditor) cannot use this route', 'zh-CN')).toBe(
      '您的角色（auditor）不能使用此功能',
    );
  });

  it('leaves English alone, and unknown messages as they are', () => {
    expect(translateMessage('No such checkpoint', 'en')).toBe('No such checkpoint');
    expect(translateMessage('Something nobody wrote down', 'zh-CN')).toBe('Something nobody wrote down');
  });

  it('matches a template as a whole, with regex characters taken literally', () => {
    expect(
      templatePattern('Send Authorization: Device <credentialId>.<secret>').test('Send Authorization: Device <a>x<b>'),
    ).toBe(false);
    expect(templatePattern('Appeal #{}: {}').exec('Appeal #3: x: y')?.slice(1)).toEqual(['3', 'x: y']);
  });
});

/**
 * @jest-environment jsdom
 */
import { renderToStaticMarkup } from 'react-dom/server';

import type { ScanVerdict } from '../../checkpoint/scan-verdict.util';
import { initI18n, setLocale } from '../../i18n/i18n';
import { codeColors, scanResultColors } from '../../theme/colors';
import { ScanResultScreen } from './components/scan-result-screen';

function render(verdict: ScanVerdict): HTMLElement {
  document.body.innerHTML = renderToStaticMarkup(<ScanResultScreen verdict={verdict} onNext={() => undefined} />);
  return document.querySelector('[aria-label="scan result"]') as HTMLElement;
}

describe('<ScanResultScreen>', () => {
  beforeAll(() => initI18n('en'));
  beforeEach(() => setLocale('en'));

  it('fills the screen with the code colour, its icon and its label', () => {
    const el = render({ kind: 'valid', color: 'green', by: 'device', admitted: null, superseded: false });
    expect(el.getAttribute('data-result')).toBe('valid');
    expect(el.getAttribute('data-color')).toBe('green');
    expect(el.getAttribute('role')).toBe('alert');
    expect(el.textContent).toContain('✓');
    expect(el.textContent).toContain('Green – travel freely');
    expect(el.textContent).toContain('Verified on this device');
    expect(el.style.backgroundColor).toBe('rgb(27, 122, 58)');
    expect(codeColors.green.background).toBe('#1B7A3A');
  });

  it("names another region's issuer next to the colour, in both languages", () => {
    const verdict: ScanVerdict = {
      kind: 'valid',
      color: 'green',
      by: 'server',
      admitted: true,
      superseded: false,
      issuer: { id: 'cn-34', region: '34' },
    };
    expect(render(verdict).textContent).toContain('Issued by another region: 34 (cn-34)');
    setLocale('zh-CN');
    expect(render(verdict).textContent).toContain('外地签发：地区 34（cn-34）');
  });

  it('says "do not admit" when the checkpoint does not accept the colour', () => {
    expect(
      render({ kind: 'valid', color: 'yellow', by: 'server', admitted: false, superseded: false }).textContent,
    ).toContain('Do not admit');
  });

  it.each(['expired', 'bad-signature', 'unknown-kid', 'no-keys', 'unknown-issuer', 'issuer-suspended'] as const)(
    'shows a %s token as INVALID in red, never with a code colour',
    (reason) => {
      const el = render({ kind: 'invalid', reason, by: 'device' });
      expect(el.getAttribute('data-result')).toBe('invalid');
      expect(el.getAttribute('data-color')).toBeNull();
      expect(el.textContent).toContain('INVALID CODE – do not admit');
      expect(el.textContent).not.toMatch(/Green|Yellow|travel freely/);
      expect(el.style.backgroundColor).toBe('rgb(142, 0, 0)');
      expect(scanResultColors.invalid.background).toBe('#8E0000');
    },
  );

  it('says NOT VERIFIED when a mini-program had no network', () => {
    const el = render({ kind: 'unverified' });
    expect(el.textContent).toContain('NOT VERIFIED');
    expect(el.textContent).not.toMatch(/Green/);
  });

  it('speaks Chinese too', () => {
    setLocale('zh-CN');
    expect(render({ kind: 'invalid', reason: 'expired', by: 'device' }).textContent).toContain('无效健康码');
  });

  it('shows a printed card checked offline with the status list age, passed or refused with why', () => {
    const listIssuedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const clear = render({ kind: 'card', listed: null, listIssuedAt, by: 'device' });
    expect(clear.getAttribute('data-card')).toBe('clear');
    expect(clear.textContent).toContain('CARD: NOT ON THE REFUSAL LIST');
    expect(clear.textContent).toContain('(20 min ago)');
    const refused = render({ kind: 'card', listed: 'not-green', listIssuedAt, by: 'device' });
    expect(refused.getAttribute('data-card')).toBe('not-green');
    expect(refused.textContent).toContain('CARD REFUSED');
    expect(refused.textContent).toContain('was not green');
    expect(refused.style.backgroundColor).not.toBe(clear.style.backgroundColor);
    setLocale('zh-CN');
    expect(render({ kind: 'card', listed: 'revoked', listIssuedAt, by: 'device' }).textContent).toContain('此卡已挂失');
  });
});

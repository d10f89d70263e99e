import { i18n } from '../i18n/i18n';
import { rememberRun } from './recent-runs';
import { runLabel } from './run-label.util';

describe('runLabel', () => {
  const t = i18n.getFixedT('en');
  beforeEach(() => window.sessionStorage.clear());

  it('names a run by its cause', () => {
    expect(runLabel({ id: 'a', kind: 'publish', causeRef: 'rules:3' }, t)).toBe('Rules v3 published');
    expect(runLabel({ id: 'b', kind: 'import', causeRef: 'import:12' }, t)).toBe('Import #12');
    expect(runLabel({ id: 'c', kind: 'risk', causeRef: 'risk:0190' }, t)).toBe('Risk level change');
  });

  it('prefers the words of the screen that started the run in this tab', () => {
    rememberRun('d', '西湖区 (330106) → High risk');
    expect(runLabel({ id: 'd', kind: 'risk', causeRef: 'risk:1' }, t)).toBe('西湖区 (330106) → High risk');
  });
});

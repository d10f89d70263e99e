import { historyCauseText } from './history-cause.util';

describe('historyCauseText', () => {
  it('names the published rule version and the import number', () => {
    expect(historyCauseText('rules-published', 'rules:3').en).toBe('rules v3 published');
    expect(historyCauseText('authority-import', 'import:12').en).toBe('import #12');
    expect(historyCauseText('appeal-decided', 'appeal:4')['zh-CN']).toContain('#4');
    expect(historyCauseText('expiry', 'expiry:2020-02-10').en).toBe('expired');
  });
});

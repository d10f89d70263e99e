import { historyCauseText } from './history-cause.util';

describe('historyCauseText', () => {
  it('names the published rule version and the import number', () => {
    expect(historyCauseText('rules-published', 'rules:3').en).toBe('rules v3 published');
    expect(historyCauseText('authority-import', 'import:12').en).toBe('import #12');
    expect(historyCauseText('appeal-decided', 'appeal:4')['zh-CN']).toContain('#4');
    expect(historyCauseText('expiry', 'expiry:2020-02-10').en).toBe('expired');
  });

  it('quotes the authority’s reason when a record was withdrawn', () => {
    const text = historyCauseText('authority-withdrawal', 'withdrawal:3', [], 'wrong person matched');
    expect(text.en).toBe('record withdrawn by the authority: wrong person matched');
    expect(text['zh-CN']).toBe('卫健部门已撤回记录：wrong person matched');
  });
});

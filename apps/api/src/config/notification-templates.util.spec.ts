import { ConfigException } from './config.exception';
import { notificationTemplates } from './notification-templates.util';

describe('subscribe-message template ids', () => {
  it('are required in production for each configured host, so no message goes to a made-up template', () => {
    const refuse = () =>
      notificationTemplates({ WECHAT_APPEAL_TEMPLATE_ID: 'a' }, { wechat: true, alipay: false }, true);
    expect(refuse).toThrow(ConfigException);
    expect(refuse).toThrow(/WECHAT_COLOR_TEMPLATE_ID/);
    expect(
      notificationTemplates(
        { WECHAT_APPEAL_TEMPLATE_ID: ' a ', WECHAT_COLOR_TEMPLATE_ID: 'b' },
        { wechat: true, alipay: false },
        true,
      ),
    ).toEqual({ wechat: { appeal: 'a', color: 'b' }, alipay: null });
  });

  it('use stand-ins outside production (the local fakes accept them)', () => {
    expect(notificationTemplates({}, { wechat: true, alipay: true }, false)).toEqual({
      wechat: { appeal: 'appeal-update', color: 'color-change' },
      alipay: { appeal: 'appeal-update', color: 'color-change' },
    });
  });
});

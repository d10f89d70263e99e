import { wechatCertHash } from './wechat-cert-hash.util';

describe('wechatCertHash', () => {
  it("matches the worked example in WeChat's documentation", () => {
    expect(wechatCertHash({ cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' })).toBe(
      '3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b',
    );
  });

  it('changes with any field', () => {
    const base = { cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' };
    expect(wechatCertHash({ ...base, cert_no: '310101199801011235' })).not.toBe(wechatCertHash(base));
    expect(wechatCertHash({ ...base, cert_name: '李四' })).not.toBe(wechatCertHash(base));
  });
});

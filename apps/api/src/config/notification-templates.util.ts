import type { NotificationTemplates } from './app-config';
import { ConfigException } from './config.exception';

type TemplateEnv = Partial<
  Record<
    'WECHAT_APPEAL_TEMPLATE_ID' | 'WECHAT_COLOR_TEMPLATE_ID' | 'ALIPAY_APPEAL_TEMPLATE_ID' | 'ALIPAY_COLOR_TEMPLATE_ID',
    string
  >
>;

/**
 * Template ids for each configured host. In production a configured host needs its real ids (a made-up id is
 * refused by the host and nothing would arrive); elsewhere the local fakes accept the stand-ins.
 */
export function notificationTemplates(
  e: TemplateEnv,
  configured: { wechat: boolean; alipay: boolean },
  production: boolean,
): NotificationTemplates {
  const pick = (name: keyof TemplateEnv, standIn: string): string => {
    const value = e[name]?.trim();
    if (value) return value;
    if (production)
      throw new ConfigException(name, 'the subscribe-message template id from the host app console (not a stand-in)');
    return standIn;
  };
  return {
    wechat: configured.wechat
      ? {
          appeal: pick('WECHAT_APPEAL_TEMPLATE_ID', 'appeal-update'),
          color: pick('WECHAT_COLOR_TEMPLATE_ID', 'color-change'),
        }
      : null,
    alipay: configured.alipay
      ? {
          appeal: pick('ALIPAY_APPEAL_TEMPLATE_ID', 'appeal-update'),
          color: pick('ALIPAY_COLOR_TEMPLATE_ID', 'color-change'),
        }
      : null,
  };
}

import type { CodeEvaluation, Locale } from '@healthcode/contracts';
import { Descriptions, Flex, List, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { formatDate } from '../../../services/date-format.util';

/** The code in the resident's own words: the same reason texts, green-by date and steps their app shows. */
export function CodeExplanation({ code }: { code: CodeEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const active = code.reasons.filter((reason) => !reason.suppressed);
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('lookup.code.color')}>
          <ColorTag color={code.color} />
        </Descriptions.Item>
        <Descriptions.Item label={t('lookup.code.reasons')}>
          {active.length === 0 ? (
            t('lookup.code.noReasons')
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {active.map((reason, index) => (
                <li key={`${reason.ruleId}-${index}`}>
                  <ColorTag color={reason.color} /> {reason.text[lang]}
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('lookup.code.greenAt')}>
          {code.greenWhen?.[lang] ?? (code.greenAt ? formatDate(code.greenAt) : t('lookup.code.alreadyGreen'))}
        </Descriptions.Item>
      </Descriptions>
      {code.steps.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('lookup.code.steps')}</Typography.Text>}
          dataSource={code.steps}
          renderItem={(step) => (
            <List.Item>
              <Flex vertical style={{ width: '100%' }}>
                <span>{step.text[lang]}</span>
                {step.progress && (
                  <Progress
                    percent={Math.round((step.progress.done / Math.max(1, step.progress.total)) * 100)}
                    format={() => `${step.progress?.done}/${step.progress?.total}`}
                    aria-label={step.text[lang]}
                  />
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

import { buildCodeView } from '@healthcode/code-view';
import type { CodeEvaluation, Locale } from '@healthcode/contracts';
import { Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ColorTag } from '../../../components/color-tag';
import { clock } from '../../../services/clock';

const LIST_STYLE = { margin: '4px 0 0', paddingInlineStart: 18, display: 'grid', gap: 8 } as const;

/**
 * The code exactly as the resident's code page shows it: the same view model (@healthcode/code-view) gives every
 * reason, its source, dates and rule, the green-by line and the steps, so the two screens cannot drift apart.
 */
export function CodeExplanation({ code }: { code: CodeEvaluation }) {
  const { i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const view = buildCodeView(code, lang, clock.now());
  return (
    <Flex vertical gap={8} data-testid="code-view">
      <div>
        <ColorTag color={view.color} />{' '}
        <Typography.Text strong data-testid="code-colour">
          {view.colorLabel}
        </Typography.Text>
      </div>
      {view.outlook && <Typography.Text data-testid="green-outlook">{view.outlook}</Typography.Text>}
      {view.steps.length > 0 && (
        <section aria-label={view.stepsHeading} data-testid="steps">
          <Typography.Text strong>{view.stepsHeading}</Typography.Text>
          <ul style={LIST_STYLE}>
            {view.steps.map((step) => (
              <li key={step.id}>
                <span>{step.text}</span>
                {step.progress && (
                  <Progress
                    percent={Math.round((step.progress.done / Math.max(1, step.progress.total)) * 100)}
                    format={() => step.progress?.caption}
                    aria-label={step.text}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-label={view.reasonsHeading}>
        <Typography.Text strong>{view.reasonsHeading}</Typography.Text>
        {view.noReasons && <Typography.Paragraph>{view.noReasons}</Typography.Paragraph>}
        <ul style={LIST_STYLE}>
          {view.reasons.map((line, i) => (
            <li key={line.key} data-testid={`reason-${i + 1}`}>
              <Flex vertical gap={2}>
                <Flex gap={4} align="center">
                  <ColorTag color={line.color} />
                  <Typography.Text type="secondary">{line.source}</Typography.Text>
                </Flex>
                <span>{line.text}</span>
                {line.suppressed && <Tag>{line.suppressed}</Tag>}
                <Typography.Text type="secondary">
                  {[line.since, line.until, line.rule].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
      </section>
    </Flex>
  );
}

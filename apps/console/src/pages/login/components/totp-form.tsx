import type { StaffTotpEnrollment } from '@healthcode/contracts';
import { Alert, Button, Flex, Form, type FormInstance, Input, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { TOTP_PATTERN } from '../login-limits.constant';
import type { TotpValues } from '../types';

interface TotpFormProps {
  pending: boolean;
  errorText?: string;
  /** Set when the account enrolls a new authenticator: its QR code and key are shown above the code field. */
  enrollment?: StaffTotpEnrollment;
  onSubmit: (totp: string, form: FormInstance<TotpValues>) => void;
  onBack: () => void;
}

/** One plain numeric field rather than six boxes: password managers and screen readers handle it best. */
export function TotpForm({ pending, errorText, enrollment, onSubmit, onBack }: TotpFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TotpValues>();

  return (
    <Form
      form={form}
      name="login-totp"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => onSubmit(values.totp, form)}
    >
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t(enrollment ? 'login.enrollTitle' : 'login.totpTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" id="login-totp-hint">
        {t(enrollment ? 'login.enrollHint' : 'login.totpHint')}
      </Typography.Paragraph>
      {enrollment && (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <div role="img" aria-label={t('login.enrollQr')}>
            {/* The canvas antd draws carries role="img" of its own, unnamed: the named wrapper speaks for it. */}
            <div aria-hidden="true">
              <QRCode value={enrollment.otpauthUrl} size={168} bordered={false} />
            </div>
          </div>
          <Typography.Text>{t('login.enrollSecret')}</Typography.Text>
          <Typography.Text code copyable data-testid="totp-enroll-secret">
            {enrollment.secret}
          </Typography.Text>
        </Flex>
      )}
      <Form.Item
        label={t('login.totp')}
        name="totp"
        normalize={(value: string) => value.replace(/\D/g, '')}
        rules={[
          { required: true, message: t('login.required') },
          { pattern: TOTP_PATTERN, message: t('login.totpFormat') },
        ]}
      >
        <Input
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          aria-describedby="login-totp-hint"
          autoFocus
          style={{ letterSpacing: '0.3em' }}
        />
      </Form.Item>
      {errorText && <Alert type="error" showIcon title={errorText} style={{ marginBottom: 16 }} />}
      <Flex gap={8}>
        <Button onClick={onBack} disabled={pending}>
          {t('login.back')}
        </Button>
        <Button type="primary" htmlType="submit" block loading={pending}>
          {t('login.verify')}
        </Button>
      </Flex>
    </Form>
  );
}

import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Pasted public keys as a JSON key set (`{"keys": [ … ]}`), checked for shape before the API checks each key. */
export function JwksField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('trust.jwks')}
      name="jwks"
      rules={[
        { required: true, whitespace: true, message: t('trust.required') },
        {
          validator: (_, value?: string) =>
            parsedJwks(value) ? Promise.resolve() : Promise.reject(new Error(t('trust.jwksFormat'))),
        },
      ]}
    >
      <Input.TextArea rows={5} spellCheck={false} />
    </Form.Item>
  );
}

/** The key set typed into a `JwksField`, or null when it is not one. */
export function parsedJwks(value: string | undefined): { keys: Record<string, unknown>[] } | null {
  try {
    const parsed = JSON.parse(value ?? '') as { keys?: unknown };
    return Array.isArray(parsed.keys) ? (parsed as { keys: Record<string, unknown>[] }) : null;
  } catch {
    return null;
  }
}

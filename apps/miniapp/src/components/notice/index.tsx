import { Text, View } from '@tarojs/components';

interface NoticeProps {
  children: string;
  /** 'alert' for problems the resident must act on, 'status' for confirmations. */
  tone: 'alert' | 'status';
  id?: string;
}

/** A short message announced by screen readers when it appears. */
export function Notice({ children, tone, id }: NoticeProps) {
  return (
    <View
      id={id}
      className={`notice notice--${tone}`}
      role={tone}
      aria-live={tone === 'alert' ? 'assertive' : 'polite'}
    >
      <Text>{children}</Text>
    </View>
  );
}

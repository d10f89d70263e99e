import { Text, View } from '@tarojs/components';

interface HeadingProps {
  level: 1 | 2 | 3;
  children: string;
}

/** Screen readers on H5 get a real heading level; mini-programs see styled text. */
export function Heading({ level, children }: HeadingProps) {
  return (
    <View className={`heading heading--${level}`} role="heading" aria-level={String(level)}>
      <Text>{children}</Text>
    </View>
  );
}

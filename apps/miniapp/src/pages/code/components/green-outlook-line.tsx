import { Text, View } from '@tarojs/components';

/** When the code turns green, in the code view's words (the hotline lookup shows the same line). */
export function GreenOutlookLine({ outlook }: { outlook: string | null }) {
  if (!outlook) return null;
  return (
    <View className="green-outlook" aria-label="green outlook">
      <Text>{outlook}</Text>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { switchPage } from '../../navigation/navigate';
import { MAIN_TABS, type MainTab } from '../../navigation/routes.constant';

const ICONS: Record<MainTab, string> = { code: '▣', declare: '✎', history: '⟲', privacy: '⚙' };

/** Bottom navigation between the four main screens; each item is a 56 px high target. */
export function MainNav({ active }: { active: MainTab }) {
  const { t } = useTranslation();
  return (
    <View className="nav" role="navigation" aria-label={t('nav.label')}>
      {MAIN_TABS.map((tab) => (
        <View
          key={tab}
          className={`nav__item${tab === active ? ' nav__item--active' : ''}`}
          role="link"
          aria-label={t(`nav.${tab}`)}
          aria-current={tab === active ? 'page' : undefined}
          onClick={() => tab !== active && switchPage(tab)}
        >
          <Text className="nav__icon" aria-hidden="true">
            {ICONS[tab]}
          </Text>
          <Text className="nav__text">{t(`nav.${tab}`)}</Text>
        </View>
      ))}
    </View>
  );
}

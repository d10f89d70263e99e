import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { goBack } from '../../navigation/navigate';
import type { MainTab, PageName } from '../../navigation/routes.constant';
import { themeStyle } from '../../theme/theme-style.util';
import { ActingBanner } from '../acting-banner';
import { Heading } from '../heading';
import { MainNav } from '../main-nav';

/** Taro's ViewProps omit tabIndex, though H5 passes it to the element (mini-programs ignore it). */
const KEYBOARD_SCROLLABLE = { tabIndex: 0 } as Record<string, unknown>;

interface ScreenProps {
  title: string;
  /** Shows the bottom navigation with this tab marked as current. */
  tab?: MainTab;
  /** A page outside the main tabs: a "Back" link, to the previous page or else to this one. */
  back?: PageName;
  /** A page a carer uses for a dependant: shows whose record it is while acting for someone. */
  acting?: boolean;
  children: ReactNode;
}

/** Every page's frame: palette variables, a level-1 heading that is also the window title, a way back or the nav. */
export function Screen({ title, tab, back, acting, children }: ScreenProps) {
  const { t } = useTranslation();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title });
  }, [title]);

  return (
    <View className={`screen${tab ? ' screen--with-nav' : ''}`} style={themeStyle()}>
      {/* Focusable, so a keyboard can scroll the page (Taro's H5 page is the scrolling element). */}
      <View className="screen__body" {...KEYBOARD_SCROLLABLE}>
        {back && (
          <View
            id="screen-back"
            className="back-link"
            role="link"
            aria-label={t('common.back')}
            onClick={() => goBack(back)}
          >
            <Text aria-hidden="true">‹ </Text>
            <Text>{t('common.back')}</Text>
          </View>
        )}
        <Heading level={1}>{title}</Heading>
        {acting && <ActingBanner />}
        {children}
      </View>
      {tab && <MainNav active={tab} />}
    </View>
  );
}

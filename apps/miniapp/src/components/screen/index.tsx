import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';

import type { MainTab } from '../../navigation/routes.constant';
import { themeStyle } from '../../theme/theme-style.util';
import { Heading } from '../heading';
import { MainNav } from '../main-nav';

interface ScreenProps {
  title: string;
  /** Shows the bottom navigation with this tab marked as current. */
  tab?: MainTab;
  children: ReactNode;
}

/** Every page's frame: palette variables, a level-1 heading that is also the window title, optional nav. */
export function Screen({ title, tab, children }: ScreenProps) {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title });
  }, [title]);

  return (
    <View className={`screen${tab ? ' screen--with-nav' : ''}`} style={themeStyle()}>
      <View className="screen__body">
        <Heading level={1}>{title}</Heading>
        {children}
      </View>
      {tab && <MainNav active={tab} />}
    </View>
  );
}

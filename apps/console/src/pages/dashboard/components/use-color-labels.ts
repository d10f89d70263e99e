import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import type { ColorLabels } from './chart-options.util';

export function useColorLabels(): ColorLabels {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({ green: t('dashboard.green'), yellow: t('dashboard.yellow'), red: t('dashboard.red') }),
    [t, i18n.language],
  );
}

import { Picker, Text, View } from '@tarojs/components';
import { useTranslation } from 'react-i18next';

import { localRegionName, nameOf } from '../../format/region-name.util';
import { currentLocale } from '../../i18n/i18n';
import { FormField } from '../form-field';
import { columnOptions, regionPath } from './region-path.util';

interface RegionPickerProps {
  name: string;
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: string;
}

const LEVEL_KEYS = ['region.province', 'region.city', 'region.district'] as const;

/**
 * Cascading province → city → district choice over GB/T 2260, as one single-column picker per
 * level: Alipay's picker has one column only, so the same component works on all three platforms.
 * The value is the most specific region chosen (picking a level again resets the levels below).
 */
export function RegionPicker({ name, label, value, onChange, error }: RegionPickerProps) {
  const { t } = useTranslation();
  const path = regionPath(value);
  const columns = columnOptions(path);
  const locale = currentLocale();
  const names = path.map((code) => localRegionName(code, locale)).filter(Boolean);

  return (
    <FormField name={name} label={label} error={error}>
      {columns.map((options, level) => {
        const chosen = path[level];
        const index = Math.max(
          0,
          options.findIndex((r) => r.code === chosen),
        );
        const valueText = chosen ? (localRegionName(chosen, locale) ?? chosen) : t('region.choose');
        // The accessible name starts with the field and level and contains the visible text (WCAG 2.5.3).
        const levelLabel = `${label}: ${t(LEVEL_KEYS[level])} ${valueText}`;
        return (
          <Picker
            key={level}
            mode="selector"
            range={options.map((r) => nameOf(r, locale))}
            value={index}
            onChange={(e) => {
              const picked = options[Number(e.detail.value)];
              // Picking a higher level drops the deeper ones: the path is derived from the value.
              if (picked) onChange(picked.code);
            }}
          >
            <View
              className="picker-trigger"
              role="button"
              aria-label={levelLabel}
              aria-invalid={error ? 'true' : undefined}
            >
              <Text className="picker-trigger__level">{t(LEVEL_KEYS[level])}</Text>
              {/* The space keeps the visible text ("Province Choose…") inside the accessible name. */}{' '}
              <Text className="picker-trigger__value">{valueText}</Text>
            </View>
          </Picker>
        );
      })}
      {names.length > 0 && (
        <Text className="field__hint" aria-label={`${label}: ${names.join(' ')}`}>
          {t('region.selected', { name: names.join(' ') })}
        </Text>
      )}
    </FormField>
  );
}

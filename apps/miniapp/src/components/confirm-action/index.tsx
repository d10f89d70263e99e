import { Text, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton, type ActionButtonVariant } from '../action-button';
import { ErrorView } from '../state-views';

interface ConfirmActionProps {
  /** The buttons' ids: `<id>`, `<id>-confirm`, `<id>-cancel` (the Chromium specs find them by these). */
  id: string;
  /** The section's accessible name. */
  title: string;
  startLabel: string;
  startVariant?: ActionButtonVariant;
  confirmLabel: string;
  /** When given, the confirmation is an alert dialog named by the question, explained by `explain`. */
  question?: string;
  explain?: string;
  className?: string;
  /** What stands above the error and the buttons (a heading, what the action does). */
  children?: ReactNode;
  /** The action; a rejection is shown above the buttons and the confirmation stays open to try again. */
  onConfirm: () => Promise<void>;
}

/**
 * An action that cannot be undone (withdrawing an appeal, deleting one's data) asks first, inline: the first button
 * opens the confirmation, whose danger button does it and whose cancel button closes it again.
 */
export function ConfirmAction({
  id,
  title,
  startLabel,
  startVariant = 'secondary',
  confirmLabel,
  question,
  explain,
  className = 'section',
  children,
  onConfirm,
}: ConfirmActionProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
      setConfirming(false);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={className} aria-label={title}>
      {children}
      {failure !== null && <ErrorView error={failure} />}
      {confirming ? (
        <View {...(question ? { role: 'alertdialog', 'aria-label': question } : {})}>
          {explain && <Text className="paragraph">{explain}</Text>}
          <ActionButton id={`${id}-confirm`} variant="danger" label={confirmLabel} onClick={confirm} busy={busy} />
          <ActionButton
            id={`${id}-cancel`}
            variant="secondary"
            label={t('common.cancel')}
            onClick={() => setConfirming(false)}
            disabled={busy}
          />
        </View>
      ) : (
        <ActionButton id={id} variant={startVariant} label={startLabel} onClick={() => setConfirming(true)} />
      )}
    </View>
  );
}

import { View } from '@tarojs/components';
import { AppealAnswerRequestSchema, APPEAL_STATEMENT_MAX, type AppealView } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ActionButton } from '../../../components/action-button';
import { EvidenceList } from '../../../components/evidence-list';
import { TextAreaField } from '../../../components/form-field/text-area-field';
import { ErrorView } from '../../../components/state-views';
import type { EvidenceFile } from '../../../evidence/evidence-file.util';
import { localizeValidationMessage } from '../../../forms/validation-message.util';
import { answerAppeal } from '../service';

/** Answer the staff member's request for information, with more evidence if needed. */
export function AnswerForm({ number, onAnswered }: { number: number; onAnswered: (appeal: AppealView) => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<EvidenceFile[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    const parsed = AppealAnswerRequestSchema.safeParse({ message });
    if (!parsed.success) {
      setError(localizeValidationMessage(parsed.error.issues[0].message, t));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      onAnswered(await answerAppeal(number, parsed.data.message, files));
      setMessage('');
      setFiles([]);
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="section" aria-label="answer">
      <TextAreaField
        name="message"
        label={t('appeal.answer')}
        value={message}
        maxlength={APPEAL_STATEMENT_MAX}
        onChange={setMessage}
        error={error}
      />
      <EvidenceList files={files} onChange={setFiles} />
      {failure !== null && <ErrorView error={failure} />}
      <ActionButton
        id="appeal-answer-submit"
        label={t('appeal.sendAnswer')}
        onClick={() => void submit()}
        busy={busy}
      />
    </View>
  );
}

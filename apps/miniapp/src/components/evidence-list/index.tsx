import { Text, View } from '@tarojs/components';
import { APPEAL_EVIDENCE_MAX_FILES } from '@healthcode/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type EvidenceFile, evidenceProblem, formatFileSize } from '../../evidence/evidence-file.util';
import { evidencePicker } from '../../platform/evidence-picker';
import type { EvidenceSource } from '../../platform/device.type';
import { ActionButton } from '../action-button';
import { FormField } from '../form-field';

interface EvidenceListProps {
  files: readonly EvidenceFile[];
  onChange: (files: EvidenceFile[]) => void;
}

/** Attach up to three PDF/JPEG/PNG files of at most 5 MB; refused files are named with the reason. */
export function EvidenceList({ files, onChange }: EvidenceListProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const add = async (source: EvidenceSource) => {
    setProblem(undefined);
    setBusy(true);
    try {
      const picked = await evidencePicker.pick(source, APPEAL_EVIDENCE_MAX_FILES - files.length);
      const next = [...files];
      const refused: string[] = [];
      for (const file of picked) {
        const why = evidenceProblem(file, next.length);
        if (why) refused.push(t(`evidence.problem.${why}`, { name: file.name, max: APPEAL_EVIDENCE_MAX_FILES }));
        else next.push(file);
      }
      onChange(next);
      if (refused.length) setProblem(refused.join(' '));
    } catch {
      setProblem(t('evidence.pickFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormField
      name="evidence"
      label={t('evidence.label')}
      hint={t('evidence.hint', { max: APPEAL_EVIDENCE_MAX_FILES })}
      error={problem}
    >
      <View role="list" aria-label={t('evidence.attached')}>
        {files.map((file, i) => (
          <View key={`${file.name}-${i}`} className="card evidence" role="listitem">
            <Text className="evidence__name">
              {file.name} ({formatFileSize(file.size)})
            </Text>
            <ActionButton
              variant="link"
              label={t('common.remove')}
              ariaLabel={t('evidence.remove', { name: file.name })}
              onClick={() => onChange(files.filter((_, j) => j !== i))}
            />
          </View>
        ))}
      </View>
      {files.length < APPEAL_EVIDENCE_MAX_FILES &&
        evidencePicker.sources.map((source) => (
          <ActionButton
            key={source}
            id={`evidence-add-${source}`}
            variant="secondary"
            busy={busy}
            label={t(`evidence.add.${source}`)}
            onClick={() => void add(source)}
          />
        ))}
    </FormField>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

import { approveDecision, appealsQueryKey } from '../service';

/** The second person on a decision that lowers a colour: approve it, or send it back to review. */
export function ApprovalForm({ appealNumber }: { appealNumber: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const answer = useMutation({
    mutationFn: (approve: boolean) => {
      const note = form.getFieldValue('note')?.trim();
      return approveDecision(appealNumber, { approve, ...(note ? { note } : {}) });
    },
    onSuccess: (_view, approve) => {
      void message.success(approve ? t('appeals.approval.approved') : t('appeals.approval.refused'));
      return queryClient.invalidateQueries({ queryKey: appealsQueryKey });
    },
  });
  return (
    <Form form={form} name={`approval-${appealNumber}`} layout="vertical">
      <Form.Item label={t('appeals.approval.note')} name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" loading={answer.isPending && answer.variables} onClick={() => answer.mutate(true)}>
          {t('appeals.approval.approve')}
        </Button>
        <Button danger loading={answer.isPending && !answer.variables} onClick={() => answer.mutate(false)}>
          {t('appeals.approval.refuse')}
        </Button>
      </Flex>
    </Form>
  );
}

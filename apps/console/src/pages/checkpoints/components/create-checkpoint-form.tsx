import { CHECKPOINT_KINDS, type CheckpointCreateRequest, countyRegionCode } from '@healthcode/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { handleRequestError } from '../../../services/request-error-handler';
import { checkpointsQueryKey, createCheckpoint } from '../service';
import { AdmissionFields } from './admission-fields';

export function CreateCheckpointForm({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CheckpointCreateRequest>();
  const create = useMutation({
    mutationFn: (values: CheckpointCreateRequest) =>
      createCheckpoint({ ...values, name: values.name.trim(), place: values.place.trim() }),
    meta: { inlineErrors: true },
    onError: (error) => handleRequestError(error, { form }),
    onSuccess: () => {
      void message.success(t('checkpoints.created'));
      form.resetFields();
      return queryClient.invalidateQueries({ queryKey: checkpointsQueryKey });
    },
  });
  return (
    <Form
      form={form}
      name="create-checkpoint"
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ kind: 'metro', region: scope, admits: ['green'], peerAdmits: ['green'] }}
      onFinish={(v) => create.mutate(v)}
    >
      <Form.Item
        label={t('checkpoints.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 64 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('checkpoints.kind')} name="kind">
        <Select options={CHECKPOINT_KINDS.map((value) => ({ value, label: t(`checkpoints.kinds.${value}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('checkpoints.region')}
        name="region"
        extra={t('checkpoints.regionHint')}
        rules={[
          { required: true, message: t('checkpoints.regionFormat') },
          {
            validator: (_, value) =>
              countyRegionCode().safeParse(value ?? '').success
                ? Promise.resolve()
                : Promise.reject(new Error(t('checkpoints.regionFormat'))),
          },
        ]}
      >
        <Input inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Form.Item
        label={t('checkpoints.place')}
        name="place"
        rules={[{ required: true, whitespace: true, message: t('login.required') }, { max: 200 }]}
      >
        <Input />
      </Form.Item>
      <AdmissionFields />
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('checkpoints.create')}
      </Button>
    </Form>
  );
}

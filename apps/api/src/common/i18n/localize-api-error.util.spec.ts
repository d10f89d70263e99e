import { ApiErrorCode, ProfileUpsertRequestSchema } from '@healthcode/contracts';
import { z } from 'zod';

import { zodFieldErrors } from '../zod-validation.pipe';
import { localizeApiError } from './localize-api-error.util';

function validationBody(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error('expected a validation failure');
  const errors = zodFieldErrors(result.error.issues as never);
  return {
    body: {
      statusCode: 400,
      code: ApiErrorCode.ValidationFailed,
      message: `${errors[0].path}: ${errors[0].message}`,
      errors,
    },
    issues: result.error.issues,
  };
}

describe('localizeApiError', () => {
  it('keeps English bodies as they are', () => {
    const body = { statusCode: 404, code: ApiErrorCode.NotFound, message: 'No such checkpoint' };
    expect(localizeApiError(body, 'en')).toBe(body);
  });

  it('words a domain error in Chinese and keeps the code and status', () => {
    expect(
      localizeApiError({ statusCode: 404, code: ApiErrorCode.NotFound, message: 'There is no appeal #12' }, 'zh-CN'),
    ).toEqual({ statusCode: 404, code: ApiErrorCode.NotFound, message: '没有 #12 号申诉' });
  });

  it("words zod's own messages through zod's Chinese locale and the contracts' through the catalogue", () => {
    const { body, issues } = validationBody(z.strictObject({ name: z.string().max(3), n: z.number() }), {
      name: 'abcdef',
      n: 'x',
      extra: 1,
    });
    const zh = localizeApiError(body, 'zh-CN', issues);
    expect(zh.errors?.map((e) => e.path)).toEqual(body.errors.map((e) => e.path));
    expect(zh.errors?.find((e) => e.path === 'name')?.message).toMatch(/过大|最多|<=3/);
    expect(zh.errors?.find((e) => e.path === '')?.message).toBe('未知字段：extra');
    expect(zh.message.startsWith(`${body.errors[0].path}: `)).toBe(true);
    expect(zh.message).not.toBe(body.message);
    for (const e of zh.errors ?? []) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('translates the shared sign-up rules', () => {
    const { body, issues } = validationBody(ProfileUpsertRequestSchema, {
      consentVersion: 'v',
      name: '张三',
      idType: 'resident-id',
      idNumber: '330106199001011230',
      phone: '1',
      homeRegion: '330106',
    });
    const zh = localizeApiError(body, 'zh-CN', issues);
    for (const e of zh.errors ?? []) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

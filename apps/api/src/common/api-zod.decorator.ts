import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery } from '@nestjs/swagger';
import { type ZodType, z } from 'zod';

/** Documents a request body in OpenAPI straight from its contract schema. */
export function ApiZodBody(schema: ZodType) {
  return applyDecorators(
    ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object }),
  );
}

export function ApiZodQuery(name: string, schema: ZodType, required = true) {
  return applyDecorators(
    ApiQuery({ name, required, schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object }),
  );
}

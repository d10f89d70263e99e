import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { ZodType } from 'zod';

import { ZodValidationPipe } from '../../src/common/zod-validation.pipe';

export interface RouteInputs {
  body: boolean;
  query: boolean;
  params: boolean;
  /** The schema the handler's `@Body` pipe validates with, when it has one. */
  bodySchema?: ZodType;
  /** The schema the handler's `@Query` pipe validates with, when it has one. */
  querySchema?: ZodType;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

function join(...parts: (string | undefined)[]): string {
  const path = `/${parts.filter((p) => p !== undefined && p !== '').join('/')}`.replace(/\/+/g, '/');
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function bodySchemaOf(
  args: Record<string, unknown>,
  kind: RouteParamtypes = RouteParamtypes.BODY,
): ZodType | undefined {
  for (const [key, arg] of Object.entries(args)) {
    if (Number(key.split(':')[0]) !== kind) continue;
    const pipe = ((arg as { pipes?: unknown[] }).pipes ?? []).find((p) => p instanceof ZodValidationPipe);
    if (pipe) return (pipe as unknown as { schema: ZodType }).schema;
  }
  return undefined;
}

/**
 * Which parts of a request each Nest handler reads (`@Body`, `@Query`, `@Param`, or the raw `@Req` of a
 * multipart upload), keyed like the route inventory: `POST /api/v1/staff/lookup`. Fuzzing sends bad inputs
 * only where a handler reads them: a handler that reads nothing has nothing to be bad but its credentials.
 */
export function routeInputs(
  app: INestApplication,
  globalPrefix = 'api',
  excluded: string[] = [
    '/.well-known/jwks.json',
    '/.well-known/healthcode-issuer',
    '/.well-known/healthcode-trust-list',
    '/.well-known/healthcode-checkpoint-bundle',
  ],
): Map<string, RouteInputs> {
  const out = new Map<string, RouteInputs>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type?.prototype) continue;
      const ctrlPaths = [Reflect.getMetadata('path', type) ?? ''].flat() as string[];
      for (const name of scanner.getAllMethodNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name] as object;
        const methodPath = Reflect.getMetadata('path', handler);
        const method = Reflect.getMetadata('method', handler);
        if (methodPath === undefined || method === undefined) continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, unknown>;
        const kinds = Object.keys(args).map((k) => Number(k.split(':')[0]));
        const inputs: RouteInputs = {
          body: kinds.includes(RouteParamtypes.BODY) || kinds.includes(RouteParamtypes.REQUEST),
          query: kinds.includes(RouteParamtypes.QUERY),
          params: kinds.includes(RouteParamtypes.PARAM),
          bodySchema: bodySchemaOf(args),
          querySchema: bodySchemaOf(args, RouteParamtypes.QUERY),
        };
        for (const ctrl of ctrlPaths) {
          for (const mp of [methodPath].flat() as string[]) {
            const bare = join(ctrl, mp);
            const url = excluded.includes(bare) ? bare : join(globalPrefix, ctrl, mp);
            out.set(`${METHODS[method]} ${url}`, inputs);
          }
        }
      }
    }
  }
  return out;
}

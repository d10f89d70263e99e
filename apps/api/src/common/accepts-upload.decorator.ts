import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';

/** Route config key the edge hook reads (bootstrap/edge-hooks.ts). */
export const ACCEPTS_UPLOAD = 'acceptsUpload';

/**
 * Marks a route that reads a multipart/form-data upload itself. Every other route expects JSON: a form
 * body (multipart or url-encoded) sent to it is refused with 415 before anything reads it.
 */
export const AcceptsUpload = () => applyDecorators(RouteConfig({ [ACCEPTS_UPLOAD]: true }));

import type { FormInstance } from 'antd';

import { i18n } from '../i18n/i18n';
import { feedback } from './feedback';
import { ApiRequestError, NetworkError } from './request-error';
import { sessionStore } from './session';

export interface HandleErrorOptions {
  /** Field errors (`errors[].path`) are shown under the matching form fields. */
  form?: FormInstance;
  /** false: the caller shows the returned text itself (inline alert, page state). */
  notify?: boolean;
}

/** The text to show for an error: the API's own `message` when there is one. */
export function describeRequestError(error: unknown): string {
  if (error instanceof NetworkError) return i18n.t('errors.network');
  if (error instanceof ApiRequestError) {
    if (error.statusCode === 401 && error.authenticated) return i18n.t('errors.sessionExpired');
    return error.body.message || i18n.t('errors.unexpected');
  }
  return i18n.t('errors.unexpected');
}

/** `stays.3.to` → ['stays', 3, 'to'], the name path antd forms use. */
function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function showFieldErrors(error: ApiRequestError, form: FormInstance): void {
  const fieldErrors = (error.body.errors ?? []).filter((fieldError) => fieldError.path);
  form.setFields(
    fieldErrors.map((fieldError) => ({ name: toNamePath(fieldError.path), errors: [fieldError.message] })),
  );
}

/**
 * The one place request errors are turned into what the user sees. A 401 on an authenticated call ends
 * the session (the route guard then shows the login page); other errors become a toast unless the caller
 * shows them inline. Returns the text so inline callers need not describe the error again.
 */
export function handleRequestError(error: unknown, options: HandleErrorOptions = {}): string {
  const { form, notify = true } = options;
  const text = describeRequestError(error);
  const { message, notification } = feedback();

  if (error instanceof ApiRequestError && error.statusCode === 401 && error.authenticated) {
    sessionStore.clear();
    // One notice even when several queries fail together.
    void message.warning({ key: 'session-expired', content: text });
    return text;
  }
  if (error instanceof ApiRequestError && form) showFieldErrors(error, form);
  if (!notify) return text;
  if (error instanceof NetworkError) {
    notification.error({ key: 'network-error', title: text });
  } else {
    void message.error({ key: text, content: text });
  }
  return text;
}

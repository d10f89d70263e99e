import { message as staticMessage, notification as staticNotification } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { NotificationInstance } from 'antd/es/notification/interface';

export interface Feedback {
  message: MessageInstance;
  notification: NotificationInstance;
}

/**
 * antd's toast APIs for code outside components (the request-error handler). `FeedbackBridge` installs
 * the context-aware instances from `<App>` so toasts follow the theme and locale; before it mounts
 * the static ones are used.
 */
let installed: Feedback | undefined;

export function installFeedback(feedback: Feedback | undefined): void {
  installed = feedback;
}

export function feedback(): Feedback {
  return installed ?? { message: staticMessage, notification: staticNotification };
}

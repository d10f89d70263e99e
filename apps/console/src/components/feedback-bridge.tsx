import { App } from 'antd';
import { useEffect } from 'react';

import { installFeedback } from '../services/feedback';

/** Hands `<App>`'s context-aware message/notification to the request-error handler. */
export function FeedbackBridge() {
  const { message, notification } = App.useApp();
  useEffect(() => {
    installFeedback({ message, notification });
    return () => installFeedback(undefined);
  }, [message, notification]);
  return null;
}

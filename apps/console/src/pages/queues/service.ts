import { request } from '../../services/request';

export interface QueueBoardSession {
  ticket: string;
  expiresIn: number;
  /** `/api/admin/queues?ticket=…`: opens bull-board; the ticket is good for `expiresIn` seconds. */
  url: string;
}

/** System admins only: a short-lived ticket for the queue dashboard (a new tab cannot send the bearer token). */
export function openQueueBoardSession(): Promise<QueueBoardSession> {
  return request<QueueBoardSession>('/v1/admin/queues/session', { method: 'POST' });
}

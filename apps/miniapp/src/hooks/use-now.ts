import { useEffect, useState } from 'react';
import { clock } from '../services/clock';

/** The current time, re-read every `intervalMs` (drives visible countdowns). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => clock.ms());
  useEffect(() => {
    const id = setInterval(() => setNow(clock.ms()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

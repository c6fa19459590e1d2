import { useRef } from 'react';

/**
 * The last value that was not null. A closing modal keeps its title and contents through its fade
 * instead of flipping to another state for a moment.
 */
export function useLastValue<T>(value: T | null): T | null {
  const last = useRef<T | null>(value);
  if (value !== null) last.current = value;
  return last.current;
}

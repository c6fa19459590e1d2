import { useState } from 'react';

/**
 * The last value that was not null. A closing modal keeps its title and contents through its fade
 * instead of flipping to another state for a moment.
 */
export function useLastValue<T>(value: T | null): T | null {
  const [last, setLast] = useState<T | null>(value);
  // Remembered during the render (React's pattern for state that follows a prop), not in an effect.
  if (value !== null && value !== last) setLast(value);
  return value ?? last;
}

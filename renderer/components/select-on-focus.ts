import { useRef, type FocusEvent, type MouseEvent } from 'react';

/**
 * A filled date or time field is replaced by what is typed, not appended to ("01-09-202601-09-2026"):
 * entering the field selects its text. A click would put the caret back where it landed on mouse-up,
 * so the mouse-up right after focusing is ignored; a second click places the caret to edit one digit.
 */
export function useSelectOnFocus(onFocus?: (event: FocusEvent<HTMLInputElement>) => void) {
  const justFocused = useRef(false);
  return {
    onFocus: (event: FocusEvent<HTMLInputElement>) => {
      onFocus?.(event);
      justFocused.current = true;
      event.currentTarget.select();
    },
    onMouseUp: (event: MouseEvent<HTMLInputElement>) => {
      if (justFocused.current && event.currentTarget.selectionStart !== event.currentTarget.selectionEnd) event.preventDefault();
      justFocused.current = false;
    },
    onKeyDown: () => {
      justFocused.current = false;
    },
  };
}

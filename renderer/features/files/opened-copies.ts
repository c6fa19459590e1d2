import { forgetOnLock } from '../../api/session';

/**
 * Attachments the browser shell shows in a tab of their own (a blob address: the file never
 * leaves the browser's memory). They must not outlive the vault: at lock every such tab is
 * closed and its address revoked, so nothing read from the vault stays on the screen.
 */
const opened = new Map<string, Window | null>();

/** Shows a file in a new tab; false when the browser blocked it. The address lives until the lock. */
export function openInTab(content: Blob): boolean {
  const url = URL.createObjectURL(content);
  // Not 'noopener': the page keeps the tab's handle to close it at lock. The tab shows a PDF or
  // an image (the only types opened here), which runs no script that could reach back.
  const tab = window.open(url, '_blank');
  if (!tab) {
    URL.revokeObjectURL(url);
    return false;
  }
  opened.set(url, tab);
  forgetOnLock(closeOpenedCopies);
  return true;
}

/** At lock: closes every tab opened for an attachment and revokes its address. */
export function closeOpenedCopies(): void {
  for (const [url, tab] of opened) {
    URL.revokeObjectURL(url);
    if (tab && !tab.closed) tab.close();
  }
  opened.clear();
}

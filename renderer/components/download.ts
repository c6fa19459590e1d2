/**
 * Hands a generated file to the user. Both shells handle an <a download> click: the browser
 * saves it, Electron shows its save dialog.
 */
export function downloadFile(fileName: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: some browsers read the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function base64ToBlob(base64: string, type: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type });
}

export const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A Word file from the backend ({ fileName, contentBase64 }) handed to the user. */
export function saveWordFile(file: { fileName: string; contentBase64: string }): void {
  downloadFile(file.fileName, base64ToBlob(file.contentBase64, WORD_TYPE));
}

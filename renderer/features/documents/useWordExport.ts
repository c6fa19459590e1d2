import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { saveWordFile } from '../../components/download';

/**
 * Runs one export at a time and saves its file (Electron asks where; the browser downloads it).
 * `beforeExport` stores what is still being typed, so the document holds the last word.
 */
export function useWordExport(beforeExport?: () => Promise<unknown>) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function run(label: string, make: () => Promise<{ fileName: string; contentBase64: string }>): Promise<boolean> {
    setBusy(label);
    setError(null);
    try {
      await beforeExport?.();
      const file = await make();
      saveWordFile(file);
      notifications.show({
        color: 'teal',
        title: 'Word-document gemaakt',
        message: `${label} staat in ${file.fileName}.`,
      });
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, clearError: () => setError(null), run };
}

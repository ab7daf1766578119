/** Whether something is at `path` now; a file that cannot be read for another reason counts as absent. */
import { stat } from 'node:fs/promises';

export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

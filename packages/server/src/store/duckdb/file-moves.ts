import { copyFile, rename, rm, stat } from 'node:fs/promises';

/** DuckDB keeps uncheckpointed changes beside the file; it belongs to the file and moves with it. */
export const walFileOf = (file: string): string => `${file}.wal`;

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Renames, falling back to copy-and-delete when source and target sit on different file systems. */
export async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from);
  }
}

/** Moves a DuckDB file together with its write-ahead log, if it has one. */
export async function moveDatabaseFile(from: string, to: string): Promise<void> {
  await moveFile(from, to);
  if (await exists(walFileOf(from))) await moveFile(walFileOf(from), walFileOf(to));
}

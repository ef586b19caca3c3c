import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * `<dataDir>/server.json` tells the local CLI that a server owns the store and how to reach it. It holds a
 * secret (the CLI's operator token), so only the owner of the data directory may read it (mode 0600).
 */
export const serverFileName = 'server.json';

const ServerFileSchema = Type.Object({
  pid: Type.Integer({ minimum: 1 }),
  url: Type.String({ pattern: '^https?://' }),
  cliToken: Type.String({ minLength: 24 }),
});

export type ServerFile = Static<typeof ServerFileSchema>;

export const serverFilePath = (dataDir: string): string => path.join(dataDir, serverFileName);

/** Writes beside and renames, so a reader never sees a half-written file. */
export async function writeServerFile(dataDir: string, info: ServerFile): Promise<void> {
  const target = serverFilePath(dataDir);
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  await rename(partial, target);
}

/** The file's content, or null when there is none or it is not ours (stale files from a crash stay harmless). */
export async function readServerFile(dataDir: string): Promise<ServerFile | null> {
  let text: string;
  try {
    text = await readFile(serverFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return Value.Check(ServerFileSchema, parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Removes the file only if it still describes process `pid`: a newer server may have replaced it. */
export async function removeServerFile(dataDir: string, pid: number): Promise<void> {
  const current = await readServerFile(dataDir);
  if (current?.pid === pid) await rm(serverFilePath(dataDir), { force: true });
}

/** Signal 0 checks existence only; EPERM means the process exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

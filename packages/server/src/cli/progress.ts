import { Transform } from 'node:stream';
import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './io.js';

const mebibyte = 1024 * 1024;
const toMiB = (bytes: number) => (bytes / mebibyte).toFixed(1);

/**
 * A pass-through stream that shows how many bytes went through, as a bar on a terminal (with a total when the
 * size is known) and not at all otherwise, so logs and pipes stay clean.
 */
export function byteProgress(io: CliIo, label: string, totalBytes: number | undefined): Transform {
  let done = 0;
  const bar = io.interactive
    ? new SingleBar(
        {
          format: totalBytes
            ? `${label} [{bar}] {percentage}% | {doneMiB}/{totalMiB} MiB | {eta_formatted} left`
            : `${label} {doneMiB} MiB`,
          stream: process.stderr,
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(totalBytes ?? 0, 0, { doneMiB: toMiB(0), totalMiB: toMiB(totalBytes ?? 0) });
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      bar?.update(done, { doneMiB: toMiB(done) });
      callback(null, chunk);
    },
    flush(callback) {
      bar?.stop();
      callback();
    },
    destroy(error, callback) {
      bar?.stop();
      callback(error);
    },
  });
}

import { createInterface } from 'node:readline/promises';

/** What commands print and ask; one object so the output policy lives in one place. */
export interface CliIo {
  /** The command's result (ids, tokens, paths), on stdout so scripts can capture exactly that. */
  out(line: string): void;
  /** Notes for people, on stderr: `TOKEN=$(cairn token create …)` must capture only the token. */
  note(line: string): void;
  /** True when a person watches the terminal: progress bars and prompts only then. */
  interactive: boolean;
  /** Asks a yes/no question; anything but y/yes is no. */
  confirm(question: string): Promise<boolean>;
}

export function terminalIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    note: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    async confirm(question) {
      const prompt = createInterface({ input: process.stdin, output: process.stderr });
      // End of input (Ctrl-D, a closed pipe) answers "no" instead of leaving the question open forever.
      const closed = new Promise<string>((resolve) => prompt.once('close', () => resolve('')));
      try {
        const asked = prompt.question(`${question} [y/N] `).catch(() => '');
        const answer = await Promise.race([asked, closed]);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        prompt.close();
      }
    },
  };
}

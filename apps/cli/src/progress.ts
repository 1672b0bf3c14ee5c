import { Presets, SingleBar } from 'cli-progress';

/** Progress over a known number of items: a bar on a terminal, one line per item otherwise (logs, CI). */
export interface Progress {
  /** One item done; `line` is what a log shows for it. */
  done(line: string): void;
  /** One item failed: always printed (on stderr), above the bar on a terminal. */
  failed(line: string): void;
  stop(): void;
}

export function progressOver(total: number, unit: string): Progress {
  if (!process.stdout.isTTY) {
    let count = 0;
    const prefix = () => `  ${String(Math.round((++count * 100) / Math.max(total, 1))).padStart(3)}%`;
    return {
      done: (line) => process.stdout.write(`${prefix()}  ${line}\n`),
      failed: (line) => process.stderr.write(`${prefix()}  ${line}\n`),
      stop: () => undefined,
    };
  }
  const bar = new SingleBar({ format: `  [{bar}] {percentage}% | {value}/{total} ${unit} | {last}`, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0, { last: '' });
  return {
    done: (line) => bar.increment({ last: line }),
    failed: (line) => {
      bar.increment({ last: line });
      process.stderr.write(`\n${line}\n`);
    },
    stop: () => bar.stop(),
  };
}

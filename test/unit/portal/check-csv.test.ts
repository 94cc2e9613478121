// The data CSV check in its worker thread, watched for expressions that take too long: a runaway
// expression ends the check with CSV_EXPRESSION_TIMEOUT, a normal check gives exactly the findings
// the checker gives in the calling thread, and the worker is gone however the check ends.
import iconv from 'iconv-lite';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  CSV_FINDINGS_PER_RULE,
  CSV_RULES,
  CsvChecker,
  PROGRESS_STOP,
} from '../../../shared/portal/csv-check';
import {
  PROGRESS_COUNTS,
  PROGRESS_PARKED,
  PROGRESS_SENT,
} from '../../../electron/portal/check-protocol';
import { parseFileFormat } from '../../../shared/portal/file-format';
import type { FileFormat } from '../../../shared/portal/file-format';
import { checkCsvFile } from '../../../electron/portal/check-csv';
import type { StartCheckWorker } from '../../../electron/portal/check-protocol';
import { startBuiltWorker } from '../../../electron/portal/built-worker';
import { checkDataFile } from '../../../electron/portal/stream-check';
import { bytesSource } from '../../../shared/ipc/source';
import type { FileSource } from '../../../shared/ipc/source';
import { crlf, useTempDirs, writeIn } from '../../integration/cli';

const tempDir = useTempDirs();
const LIMIT_MS = 300;

function format(tierPattern = '^(F|H|-2)$'): FileFormat {
  const r = parseFileFormat([
    ['Name', 'Description', 'Position', 'Validation Regular Expression'],
    ['Year', 'Year of the award', '1', '^\\d{4}$'],
    ['QAN', 'Qualification number', '2', '^\\d{8}$'],
    ['Tier', 'Tier', '3', tierPattern],
  ]);
  if (!r.ok) throw new Error(r.problems.join(' '));
  return r.format;
}

/** Starts the real worker and keeps it, so a test can see that it was terminated. */
function keeping(): { start: StartCheckWorker; worker: () => Worker | undefined } {
  let worker: Worker | undefined;
  return {
    start: (input) => (worker = startBuiltWorker(input)),
    worker: () => worker,
  };
}

/** A stand-in worker that writes progress as `script` says, then reports a valid file. */
function scripted(script: string): StartCheckWorker {
  return (input) =>
    new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const progress = new Int32Array(workerData.progress);
       const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
       ${script}
       parentPort.postMessage({ ok: true, report: { valid: true, rows: 1, findings: [] } });`,
      { eval: true, workerData: input },
    );
}

describe('checking a data CSV in a watched worker', () => {
  it.each([
    ['^\\d*\\d*\\d*\\d*\\d*$', `${'1'.repeat(200)}x`],
    ['^\\w*\\d*\\w*\\d*\\w*\\d*$', `${'1'.repeat(200)}!`],
  ])(
    'stops %s on a long value with CSV_EXPRESSION_TIMEOUT naming row and column',
    async (pattern, value) => {
      const dir = await tempDir();
      const data = await writeIn(
        dir,
        'data.csv',
        crlf(['Year,QAN,Tier', '2019,60012345,F!', `2019,60012346,${value}`, '2019,60012347,F!']),
      );
      const kept = keeping();
      const report = await checkCsvFile(format(pattern), data, {
        timeLimitMs: LIMIT_MS,
        start: kept.start,
      });
      // The finding made before the stuck value is kept; the row after it was never reached.
      expect(report).toMatchObject({
        valid: false,
        rows: 2,
        findings: [
          { rule: 'CSV_VALUE_PATTERN', row: 2, column: 'Tier', value: 'F!' },
          { rule: 'CSV_EXPRESSION_TIMEOUT', severity: 'error', row: 3, column: 'Tier' },
        ],
      });
      expect(report.findings).toHaveLength(2);
      expect(report.findings[1]?.message).toContain(`expression ${pattern} takes too long`);
      expect(report.findings[1]?.message).toMatch(/format must be corrected/);
      // Node gives a thread id of -1 once the thread no longer runs.
      expect(kept.worker()?.threadId).toBe(-1);
    },
  );

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['Windows-1252', (text: string) => iconv.encode(text, 'win1252')],
  ])(
    'gives the same report as the checker in the calling thread (%s)',
    async (_encoding, encode) => {
      const dir = await tempDir();
      const data = await writeIn(
        dir,
        'data.csv',
        encode(
          crlf([
            'Year,QAN,Tier',
            '2019,60012345,F',
            '2019,600123,H',
            '2019,6.00123E+07,Café',
            'MMXIX,60012345,-2',
            '2019,60012345',
            '30/06/2019,60012345,F',
          ]),
        ),
      );
      const kept = keeping();
      const viaWorker = await checkCsvFile(format(), data, { start: kept.start });
      const inThread = await checkDataFile(data, () => new CsvChecker(format()));
      expect(viaWorker).toEqual(inThread);
      expect(viaWorker.findings.length).toBeGreaterThanOrEqual(5);
      expect(kept.worker()?.threadId).toBe(-1);
    },
  );

  it.each([
    ['UTF-8', (text: string) => Buffer.from(text, 'utf8')],
    ['Windows-1252', (text: string) => iconv.encode(text, 'win1252')],
  ])(
    'checks a file streamed from a source as it checks the file on disk, in whatever chunks come (%s)',
    async (encoding, encode) => {
      const dir = await tempDir();
      const bytes = encode(
        crlf(['Year,QAN,Tier', '2019,60012345,F', '2019,600123,Café', 'MMXIX,60012345,-2']),
      );
      const data = await writeIn(dir, 'data.csv', bytes);
      const fromDisk = await checkDataFile(data, () => new CsvChecker(format()));
      // The file at once (as the app hands it over), then in 3-byte chunks that cut characters.
      const whole = bytesSource('data.csv', bytes);
      const opened: number[] = [];
      const chunked: FileSource = {
        fileName: 'data.csv',
        size: bytes.length,
        async *open() {
          opened.push(opened.length);
          for (let at = 0; at < bytes.length; at += 3) yield bytes.subarray(at, at + 3);
        },
      };
      expect(await checkCsvFile(format(), whole)).toEqual(fromDisk);
      expect(await checkCsvFile(format(), chunked)).toEqual(fromDisk);
      // Read again from the start when it turns out not to be UTF-8.
      expect(opened).toHaveLength(encoding === 'UTF-8' ? 1 : 2);
    },
  );

  it('lets go of the source when the check stops before the end of the file', async () => {
    let closed = false;
    const endless: FileSource = {
      fileName: 'endless.csv',
      size: null,
      async *open() {
        try {
          yield Buffer.from(crlf(['Year,QAN,Tier', `2019,60012345,${'1'.repeat(200)}x`]));
          for (;;) yield Buffer.from(crlf(['2019,60012345,F']));
        } finally {
          closed = true;
        }
      },
    };
    const report = await checkCsvFile(format('^\\d*\\d*\\d*\\d*\\d*$'), endless, {
      timeLimitMs: LIMIT_MS,
    });
    expect(report.findings).toMatchObject([{ rule: 'CSV_EXPRESSION_TIMEOUT', row: 2 }]);
    expect(closed).toBe(true);
  });

  it('rejects with the file error and its code when the data file cannot be read', async () => {
    const dir = await tempDir();
    const kept = keeping();
    await expect(
      checkCsvFile(format(), `${dir}/missing.csv`, { start: kept.start }),
    ).rejects.toMatchObject({ code: 'ENOENT' });
    expect(kept.worker()?.threadId).toBe(-1);
  });

  it('finds the worker by itself when no start is given', async () => {
    const dir = await tempDir();
    const data = await writeIn(dir, 'data.csv', crlf(['Year,QAN,Tier', '2019,60012345,F']));
    expect(await checkCsvFile(format(), data)).toEqual({ valid: true, rows: 1, findings: [] });
  });
});

describe('the watchdog', () => {
  it('lets a check run past the limit while the value under test keeps changing', async () => {
    const start = scripted(`
      for (let row = 2; row < 14; row++) {
        progress[0] = row;
        for (let column = 0; column < 3; column++) { progress[1] = column; pause(${LIMIT_MS / 12}); }
      }
      progress[1] = -1;`);
    const report = await checkCsvFile(format(), 'unused.csv', { timeLimitMs: LIMIT_MS, start });
    expect(report.valid).toBe(true);
  });

  it('does not blame an expression for time spent between values (reading the file)', async () => {
    const start = scripted(`progress[0] = 2; progress[1] = -1; pause(${LIMIT_MS * 4});`);
    const report = await checkCsvFile(format(), 'unused.csv', { timeLimitMs: LIMIT_MS, start });
    expect(report.valid).toBe(true);
  });

  it('stops a worker stuck on one value, whatever it is doing', async () => {
    const start = scripted(`progress[0] = 7; progress[1] = 1; for (;;) pause(1000);`);
    const report = await checkCsvFile(format(), 'unused.csv', { timeLimitMs: LIMIT_MS, start });
    expect(report.findings).toMatchObject([
      { rule: 'CSV_EXPRESSION_TIMEOUT', row: 7, column: 'QAN' },
    ]);
  });
});

describe('the time limit for the whole check', () => {
  // The stand-in posts its findings as the real worker does: each message, then the count sent.
  const finding = (row: number) =>
    JSON.stringify({
      finding: {
        rule: 'CSV_VALUE_PATTERN',
        severity: 'error',
        row,
        column: 'Tier',
        value: 'X',
        message: `Row ${row}, Tier: 'X' does not match.`,
      },
    });
  const post = (row: number, sent: number) =>
    `parentPort.postMessage(${finding(row)}); Atomics.store(progress, ${PROGRESS_SENT}, ${sent});`;

  it('stops a check still running past it, with the findings made before and where it stopped', async () => {
    // Rows 2 and 3 give findings, then row 4's Tier keeps its expression running (the value limit
    // is far off, so only the whole check's limit can stop it).
    const start = scripted(`
      progress[0] = 2; progress[1] = 2; ${post(2, 1)}
      progress[0] = 3; progress[1] = 2; ${post(3, 2)}
      progress[${PROGRESS_COUNTS + CSV_RULES.indexOf('CSV_VALUE_PATTERN')}] = 2;
      progress[0] = 4; progress[1] = 2; for (;;) pause(1000);`);
    // Long enough for the stand-in to have started and made its findings however busy the machine.
    const report = await checkCsvFile(format('^(F|H)$'), 'unused.csv', {
      timeLimitMs: 60_000,
      checkTimeLimitMs: 2000,
      start,
    });
    expect(report).toMatchObject({ valid: false, rows: 3 });
    expect(report.findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['CSV_VALUE_PATTERN', 2, 'Tier'],
      ['CSV_VALUE_PATTERN', 3, 'Tier'],
      ['CSV_CHECK_TIMEOUT', 4, 'Tier'],
    ]);
    expect(report.findings[2]?.message).toBe(
      "Row 4, Tier: the check stopped after 2 seconds, its time limit for the whole file, while testing this value against the file format's expression ^(F|H)$; rows from 4 on were not checked, and the findings listed before this one were made before it stopped. Allow the check more time, or ask the regulator for a simpler expression if this one is slow.",
    );
  });

  it('asks a check between rows to stop, and counts the findings past the listing cap', async () => {
    // A worker going row by row, each with a finding; it stops before a row when asked. It asks
    // itself only once all its findings are made, so the test does not depend on how soon it runs.
    const start = scripted(`
      let sent = 0;
      let row = 2;
      for (; row <= ${CSV_FINDINGS_PER_RULE + 6}; row++) {
        progress[0] = row;
        const n = row - 1;
        if (n <= ${CSV_FINDINGS_PER_RULE}) {
          parentPort.postMessage({ finding: { rule: 'CSV_VALUE_PATTERN', severity: 'error', row, column: 'Tier', value: 'X', message: 'm' } });
          Atomics.store(progress, ${PROGRESS_SENT}, ++sent);
        }
        progress[${PROGRESS_COUNTS + CSV_RULES.indexOf('CSV_VALUE_PATTERN')}] = n;
        progress[1] = -1;
      }
      while (progress[${PROGRESS_STOP}] === 0) pause(5);
      Atomics.store(progress, ${PROGRESS_PARKED}, 1);
      for (;;) Atomics.wait(progress, ${PROGRESS_PARKED}, 1);`);
    const report = await checkCsvFile(format(), 'unused.csv', { checkTimeLimitMs: 1000, start });
    const last = report.findings.at(-1);
    expect(last).toMatchObject({ rule: 'CSV_CHECK_TIMEOUT', column: null });
    expect(last?.message).toMatch(
      /^The check stopped after 1 second, its time limit for the whole file, after row \d+; the rows after it were not checked/,
    );
    expect(
      report.findings.filter((f) => f.rule === 'CSV_VALUE_PATTERN' && f.row !== null),
    ).toHaveLength(CSV_FINDINGS_PER_RULE);
    expect(report.findings.at(-2)?.message).toMatch(
      /^\d+ more CSV_VALUE_PATTERN findings are not listed/,
    );
    expect(last?.row).toBe(report.rows + 1);
    expect(report.findings.at(-2)?.message).toBe(
      '5 more CSV_VALUE_PATTERN findings are not listed (the first 1000 are).',
    );
  });
});

// `build --plan-row`: the file is built against an approved action plan row, takes its NN from
// the history inside the finalising transaction, and is stored as final.
import { join } from 'node:path';
import type { Command } from 'commander';
import { withStore } from './session';
import { EXIT, RefusedError } from './output';
import type { Io } from './output';
import { writeOnce } from './write-once';
import { buildFor, reportBuild } from './build-prepare';
import { describeForRow } from '../../shared/history/wording';
import type { PreparedBuild } from './build-prepare';

export async function buildIntoHistory(p: PreparedBuild, io: Io, cmd: Command): Promise<number> {
  const [planId, ref] = (p.o.planRow ?? '').split(':').map(Number) as [number, number];
  return withStore(cmd, io, async (store) => {
    const { plan, row } = store.plans.approvedRow(planId, ref, p.kind);
    if (p.o.provider && p.o.provider !== plan.upin) {
      throw new RefusedError(`Plan ${planId} is for provider ${plan.upin}, not ${p.o.provider}.`);
    }
    const description = describeForRow(p.o.description ?? row.description, row.ref);
    let last: ReturnType<typeof buildFor> | undefined;
    const file = store.files.finalise({
      providerId: plan.providerId,
      year: plan.year,
      kind: p.kind,
      dataSet: p.dataSet,
      additionType: p.additionType,
      planRowId: row.id,
      explicitSeq: p.o.seq === undefined ? undefined : Number(p.o.seq),
      build: (seq) => {
        last = buildFor(p, plan.upin, seq, description);
        return {
          name: last.built.file.name,
          bytes: last.bytes,
          records: last.built.file.records,
          checksumField: p.plan.checksum.field,
          checksum: last.built.file.checksum,
        };
      },
    });
    if (!last) throw new Error('the file was not built');
    let where = `Stored in the history as final (plan ${planId}, row ${ref})`;
    let path: string | undefined;
    if (p.o.out) {
      path = join(p.o.out, file.name);
      await writeOnce(path, last.bytes, last.sha256);
      where += `; a copy written to ${path}`;
    }
    reportBuild(
      io,
      p,
      {
        name: file.name,
        path,
        seq: file.seq,
        sha256: file.sha256,
        records: file.records,
        checksum: file.checksum,
        status: file.status,
        planId,
        planRef: ref,
      },
      where,
      last.built.report,
    );
    return EXIT.ok;
  });
}

// Addition sets span files: a T=3 set is an L, an A and an H file with one NN; a T=2 set an A and
// an H file. The H file holds HE data for the aims that are HE (the guide's example 2), so a set
// whose aims are none of them HE rightly has none: a set lacking only its H file is told so, not
// told it is wrong. When several addition files of one provider are checked together, the set is
// checked.
import type { FileReport } from './validate';
import type { AdditionType, DataSet } from './model';
import { ADDITION_SCOPE, formatSeq } from './model';
import { parseAmendmentFileName } from './names';
import { ruleFor } from './rules';

export function checkAdditionSets(reports: FileReport[]): void {
  const groups = new Map<string, { report: FileReport; dataSet: DataSet; seq: number }[]>();
  for (const report of reports) {
    const parsed = parseAmendmentFileName(report.file);
    if (!parsed.ok || parsed.name.kind !== 'ADD' || !parsed.name.additionType) continue;
    const key = `${parsed.name.provider}:${parsed.name.additionType}`;
    const list = groups.get(key) ?? [];
    list.push({ report, dataSet: parsed.name.dataSet, seq: parsed.name.seq });
    groups.set(key, list);
  }
  for (const [key, files] of groups) {
    if (files.length < 2) continue;
    const t = Number(key.split(':')[1]) as AdditionType;
    const bySeq = new Map<number, DataSet[]>();
    for (const f of files) bySeq.set(f.seq, [...(bySeq.get(f.seq) ?? []), f.dataSet]);
    for (const f of files) {
      const present = bySeq.get(f.seq) ?? [];
      const missing = ADDITION_SCOPE[t].filter((d) => !present.includes(d));
      if (missing.length === 0) continue;
      const r = ruleFor('AMD_ADDITION_SET');
      const others = files.filter((o) => o.seq !== f.seq).map((o) => o.report.file);
      const nn = formatSeq(f.seq);
      const elsewhere = others.length
        ? `; ${others.join(', ')} carr${others.length === 1 ? 'ies' : 'y'} another NN`
        : '';
      const noHe =
        missing.length === 1 && missing[0] === 'H'
          ? ' That is right when none of its learning aims is an HE aim: the H file holds HE data only for HE aims.'
          : '';
      f.report.findings.push({
        rule: 'AMD_ADDITION_SET',
        severity: r.severity,
        line: null,
        field: null,
        value: null,
        message: `Addition set ${nn} (type ${t}) has no ${missing.join(' or ')} file${elsewhere}.${noHe} ${r.why} ${r.check}`,
      });
      f.report.warnings++;
    }
  }
}

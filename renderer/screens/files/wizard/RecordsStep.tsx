// Choosing the records: the whole extract in a virtualised table (only the rows in view exist in
// the page), a filter answered by the worker, and select all / none for everything or for what
// the filter shows.
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useState } from 'react';
import type { DataSet } from '../../../../shared/amd';
import { useSectionStyles } from '../../../components/ScreenTitle';
import { VirtualGrid, useGridCellStyles } from '../../../components/VirtualGrid';
import { usePagedRows } from '../../../components/use-paged-rows';
import type { ExtractWorkers } from '../workers/registry';
import { countIn, setRows, toggleRow } from './selection';
import { CompareReturned } from './CompareReturned';
import type { WizardAction, WizardState } from './wizard-state';

const n = (x: number) => x.toLocaleString('en-GB');

interface Props {
  state: WizardState;
  dataSet: DataSet;
  dispatch: (a: WizardAction) => void;
  workers: ExtractWorkers;
}

export function RecordsStep({ state, dataSet, dispatch, workers }: Props) {
  const section = useSectionStyles();
  const cell = useGridCellStyles();
  const countsId = useId();
  const part = state.parts[dataSet];
  const x = part.extract;
  const worker = workers.get(dataSet);
  const [query, setQuery] = useState(part.filter);
  const [shown, setShown] = useState<Uint32Array | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    // Asked a moment after typing stops, so each key press does not search a million rows.
    const q = query.trim();
    const t = setTimeout(() => {
      dispatch({ type: 'filter', dataSet, filter: query });
      if (q === '' || !worker) {
        setShown(null);
        return;
      }
      setSearching(true);
      worker.rpc.call('search', { query: q }).then(
        (rows) => {
          setShown(rows);
          setSearching(false);
        },
        () => setSearching(false),
      );
    }, 250);
    return () => clearTimeout(t);
  }, [query, dataSet, dispatch, worker]);

  const total = x?.rows ?? 0;
  const count = shown ? shown.length : total;
  const recordAt = useCallback((i: number) => (shown ? (shown[i] ?? -1) : i), [shown]);
  const rows = usePagedRows<string[]>(shown ?? worker, async (from, to) => {
    if (!worker) return [];
    const end = Math.min(to, count);
    const indices = new Uint32Array(Math.max(0, end - from));
    for (let i = 0; i < indices.length; i++) indices[i] = recordAt(from + i);
    return worker.rpc.call('rows', { indices });
  });

  if (!x || !part.selection || !worker) {
    return <Text>Load the extract first.</Text>;
  }
  // Compared with the data as returned, the comparison chooses the records.
  if (part.returned)
    return (
      <CompareReturned state={state} dataSet={dataSet} dispatch={dispatch} workers={workers} />
    );
  const sel = part.selection;
  const selectShown = (value: boolean) =>
    dispatch({ type: 'selection', dataSet, selection: setRows(sel, value, shown ?? undefined) });
  const shownSelected = shown ? countIn(sel, shown) : sel.count;
  const columns = `40px 72px ${x.header.map(() => 'minmax(96px, 160px)').join(' ')}`;

  return (
    <>
      <Text block>
        Every record of the extract is chosen to start with. Leave out the ones that do not belong
        in this file: filter to find them, then clear them (or choose only what the filter shows).
        Or compare the extract with the data as returned, and ReturnDesk works the records out.
      </Text>
      <CompareReturned state={state} dataSet={dataSet} dispatch={dispatch} workers={workers} />
      <div className={section.actions}>
        <Field label="Filter records" hint="Shows records with a value containing this text.">
          <Input
            type="search"
            contentBefore={<SearchRegular aria-hidden />}
            value={query}
            onChange={(_, d) => setQuery(d.value)}
          />
        </Field>
        <Button onClick={() => selectShown(true)} disabled={count === 0}>
          {shown ? `Select the ${n(count)} shown` : 'Select all'}
        </Button>
        <Button onClick={() => selectShown(false)} disabled={count === 0}>
          {shown ? `Clear the ${n(count)} shown` : 'Select none'}
        </Button>
      </div>
      <Text id={countsId} role="status" block>
        {n(sel.count)} of {n(total)} record{total === 1 ? '' : 's'} selected
        {shown &&
          ` · ${searching ? 'searching…' : `${n(count)} match the filter (${n(shownSelected)} of them selected)`}`}
        .
      </Text>
      <VirtualGrid
        label="Extract records"
        describedBy={countsId}
        idPrefix={`records-${dataSet}`}
        resetKey={shown}
        rowSelected={(i) => sel.bits[recordAt(i)] === 1}
        count={count}
        rowHeight={28}
        height="max(220px, calc(100vh - 470px))"
        columns={columns}
        onRange={rows.onRange}
        onRowKey={(e, i) => {
          if (e.key === ' ' || e.key === 'Enter') {
            e.preventDefault();
            const r = recordAt(i);
            if (r >= 0) dispatch({ type: 'selection', dataSet, selection: toggleRow(sel, r) });
          }
        }}
        header={
          <>
            <span role="columnheader" className={cell.headerCell}>
              <span className={section.muted}>In</span>
            </span>
            <span role="columnheader" className={cell.headerCell}>
              Row
            </span>
            {x.header.map((h, i) => {
              const code = part.codes[i] ?? '';
              return (
                <span key={i} role="columnheader" className={cell.headerCell} title={h}>
                  {code && code !== h.trim() ? `${code} (${h})` : h || code}
                </span>
              );
            })}
          </>
        }
        renderCells={(i) => {
          const r = recordAt(i);
          const values = rows.get(i);
          return (
            <>
              <span role="gridcell" className={cell.cell}>
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={`Include row ${r + 2}`}
                  checked={sel.bits[r] === 1}
                  onChange={() =>
                    dispatch({ type: 'selection', dataSet, selection: toggleRow(sel, r) })
                  }
                />
              </span>
              <span role="gridcell" className={cell.cell}>
                {r + 2}
              </span>
              {x.header.map((_, c) => (
                <span key={c} role="gridcell" className={cell.cell}>
                  {values ? values[c] : <span className={cell.muted}>…</span>}
                </span>
              ))}
            </>
          );
        }}
      />
      <Text size={200} className={section.muted}>
        Use the arrow keys, Page Up/Down, Home and End to move through the records, and Space to
        include or leave out the highlighted one. Row numbers are the extract’s own (its header is
        row 1).
      </Text>
    </>
  );
}

// The export tables (tidy long tables and wide panels) shared by `gwr export` and the HTTP API.
import type { Store, DocumentFilter } from '../store/store.ts';
import { queryFigures, type StoredFigure } from '../store/figures.ts';
import { dictionaryIndex, filteredDocuments } from '../store/term-queries.ts';
import { bundledDictionaries, loadDictionary } from '../analysis/words.ts';
import { buildTrack, parentRegion } from '../analysis/track.ts';
import { standardValue, widen, type Cell, type Column, type Table } from '../analysis/tables.ts';

const ID_COLUMNS: Column[] = [
  { name: 'doc_id', label: 'gwr document id' },
  { name: 'code', label: 'GB/T 2260 region code' },
  { name: 'province', label: 'Province' },
  { name: 'city', label: 'Prefecture-level city' },
  { name: 'county', label: 'County or district' },
  { name: 'level', label: 'national, province, prefecture or county' },
];

const idCells = (f: { docId: number; code: string | null; province: string | null; city: string | null; county: string | null; level: string | null }): Cell[] => [f.docId, f.code, f.province, f.city, f.county, f.level];

function figureTable(name: string, rows: StoredFigure[], kind: 'target' | 'actual'): Table {
  const columns: Column[] = [
    ...ID_COLUMNS,
    { name: 'report_year', label: 'Year the document was delivered (communiqué: its year)' },
    { name: 'source', label: 'report or communique' },
    { name: 'year', label: kind === 'target' ? 'Year the target is for' : 'Year the figure is for' },
    { name: 'metric', label: 'Canonical metric id (other: not in the taxonomy)' },
    { name: 'quantity', label: 'level, growth or reduction' },
    { name: 'label', label: 'Indicator as written' },
    { name: 'value', label: 'Value as written' },
    { name: 'value2', label: 'Upper bound of a range' },
    { name: 'unit', label: 'Unit as written' },
    { name: 'value_std', label: 'Value in the standard unit' },
    { name: 'unit_std', label: 'Standard unit (亿元, 亿美元, 万人, %, …)' },
    ...(kind === 'target'
      ? [{ name: 'modifier', label: 'point, around, at_least, at_most, range, qualitative, not_set' }, { name: 'stretch', label: '1 for a 力争 stretch figure' }]
      : [{ name: 'estimated', label: '1 when the report marks it 预计' }]),
    { name: 'start', label: 'Start offset in the normalised text' },
    { name: 'end', label: 'End offset in the normalised text' },
    { name: 'text', label: 'The text the figure was read from' },
  ];
  return {
    name,
    columns,
    rows: rows.map((f) => {
      const std = standardValue(f.value, f.unit);
      return [
        ...idCells(f), f.docYear, f.docKind, f.year, f.metric, f.quantity, f.label, f.value, f.value2, f.unit, std.value, std.unit,
        ...(kind === 'target' ? [f.modifier, f.stretch] : [f.estimated]), f.start, f.end, f.text,
      ];
    }),
  };
}

function regionKey(f: { province: string | null; city: string | null; county: string | null; level: string | null }): string {
  return f.level === 'national' ? 'national' : [f.province, f.city, f.county].join('|');
}

function attainmentTable(store: Store, filter: DocumentFilter, tolerance: number): Table {
  const targets = queryFigures(store.db, 'target', filter).filter((f) => f.docKind === 'report');
  const actuals = queryFigures(store.db, 'actual', { level: filter.level, region: filter.region });
  const byRegion = new Map<string, { targets: StoredFigure[]; actuals: StoredFigure[] }>();
  for (const t of targets) {
    const e = byRegion.get(regionKey(t)) ?? { targets: [], actuals: [] };
    e.targets.push(t);
    byRegion.set(regionKey(t), e);
  }
  for (const a of actuals) byRegion.get(regionKey(a))?.actuals.push(a);
  const parentTargets = new Map<string, StoredFigure[]>();
  for (const t of queryFigures(store.db, 'target', {})) {
    const k = regionKey(t);
    const list = parentTargets.get(k);
    if (list) list.push(t);
    else parentTargets.set(k, [t]);
  }
  const rows: Cell[][] = [];
  for (const { targets: ts, actuals: as } of byRegion.values()) {
    const first = ts[0];
    const parent = parentRegion(first);
    const parentList = parent ? parentTargets.get(regionKey({ ...parent, county: null })) ?? [] : [];
    for (const r of buildTrack(ts, as, parentList, tolerance)) {
      rows.push([
        first.code, first.province, first.city, first.county, first.level, r.year, r.metric, r.quantity, r.target.value, r.target.value2, r.target.unit, r.target.modifier, r.target.stretch,
        r.actual?.value ?? null, r.actual?.unit ?? null, r.actual?.source ?? null, r.actual?.estimated ?? null, r.status, r.gap, r.parent?.value ?? null, r.escalation, r.target.text, r.actual?.text ?? null,
      ]);
    }
  }
  const columns: Column[] = [
    ...ID_COLUMNS.slice(1),
    { name: 'year', label: 'Year of the target and the actual' }, { name: 'metric', label: 'Canonical metric id' }, { name: 'quantity', label: 'level, growth or reduction' },
    { name: 'target', label: 'Target value' }, { name: 'target2', label: 'Upper bound of a target range' }, { name: 'unit', label: 'Unit of the target' },
    { name: 'modifier', label: 'Modifier of the target' }, { name: 'stretch', label: '1 for a 力争 stretch figure' },
    { name: 'actual', label: 'Actual value' }, { name: 'actual_unit', label: 'Unit of the actual' }, { name: 'actual_source', label: 'report or communique' },
    { name: 'actual_estimated', label: '1 when the actual is marked 预计' }, { name: 'status', label: 'met, missed or not_verifiable' },
    { name: 'gap', label: 'Actual minus target (range: distance to the nearer bound)' }, { name: 'parent_target', label: "The parent region's target" },
    { name: 'escalation', label: "Target minus the parent's target (加码)" }, { name: 'target_text', label: 'Source text of the target' }, { name: 'actual_text', label: 'Source text of the actual' },
  ];
  return { name: 'attainment', columns, rows };
}

function indicesTable(store: Store, filter: DocumentFilter, dicts: string[] | undefined): Table {
  const dictionaries = dicts?.length ? dicts.map((d) => loadDictionary(d)) : bundledDictionaries();
  const docs = filteredDocuments(store.db, filter);
  const rows: Cell[][] = [];
  for (const dictionary of dictionaries) {
    for (const r of dictionaryIndex(store.db, dictionary, filter)) {
      const d = docs.get(r.docId)!;
      rows.push([r.docId, d.code, d.province, d.city, d.county, d.level, d.year, dictionary.name, r.chars, r.hits, r.index, r.roles.review?.index ?? null, r.roles.targets?.index ?? null, r.roles.tasks?.index ?? null]);
    }
  }
  return {
    name: 'indices',
    columns: [
      ...ID_COLUMNS, { name: 'year', label: 'Year delivered' }, { name: 'dictionary', label: 'Dictionary name' }, { name: 'chars', label: 'Characters of the report' },
      { name: 'hits', label: 'Dictionary hits' }, { name: 'index', label: 'Hits per 10,000 characters' }, { name: 'index_review', label: 'Index in the review part' },
      { name: 'index_targets', label: 'Index in the targets part' }, { name: 'index_tasks', label: 'Index in the tasks part' },
    ],
    rows,
  };
}

function commitmentsTable(store: Store, filter: DocumentFilter): Table {
  const docs = filteredDocuments(store.db, filter);
  // a commitment's text cut from its document's text, read once per document (rows come by document)
  let textOf = { docId: -1, text: '' };
  const rows = (store.db.prepare('SELECT * FROM commitments ORDER BY doc_id, start').all() as Array<Record<string, any>>)
    .filter((r) => docs.has(r.doc_id))
    .map((r): Record<string, any> => {
      if (textOf.docId !== r.doc_id) textOf = { docId: r.doc_id, text: store.getText(r.doc_id) ?? '' };
      return { ...r, text: textOf.text.slice(r.start, r.end) };
    });
  return {
    name: 'commitments',
    columns: [...ID_COLUMNS, { name: 'year', label: 'Year delivered' }, { name: 'action', label: 'Action (新建, 新增, 建成, …)' }, { name: 'object', label: 'Object' }, { name: 'quantity', label: 'Quantity' }, { name: 'unit', label: 'Unit' }, { name: 'start', label: 'Start offset' }, { name: 'end', label: 'End offset' }, { name: 'text', label: 'Source text' }],
    rows: rows.map((r) => {
      const d = docs.get(r.doc_id)!;
      return [r.doc_id, d.code, d.province, d.city, d.county, d.level, d.year, r.action, r.object, r.quantity, r.unit, r.start, r.end, r.text];
    }),
  };
}

function documentsTable(store: Store, filter: DocumentFilter): Table {
  const docs = store.listDocuments(filter);
  return {
    name: 'documents',
    columns: [
      { name: 'doc_id', label: 'gwr document id' }, { name: 'kind', label: 'report or communique' }, ...ID_COLUMNS.slice(1), { name: 'year', label: 'Year delivered' },
      { name: 'date', label: 'Session date' }, { name: 'meeting', label: 'Session' }, { name: 'speaker', label: 'Speaker' }, { name: 'speaker_title', label: "Speaker's office" },
      { name: 'chars', label: 'Characters' }, { name: 'title', label: 'Title' }, { name: 'path', label: 'File' }, { name: 'source', label: 'Source URL' },
    ],
    rows: docs.map((d) => [d.id, d.kind, d.code, d.province, d.city, d.county, d.level, d.year, d.date, d.meeting, d.speaker, d.speakerTitle, d.chars, d.title, d.path, d.source]),
  };
}

export const EXPORT_TABLES = ['targets', 'actuals', 'attainment', 'indices', 'commitments', 'documents'] as const;

export function buildExport(store: Store, kind: (typeof EXPORT_TABLES)[number], filter: DocumentFilter, opts: { tolerance?: number; dict?: string[] } = {}): Table[] {
  const panelIds = ['code', 'province', 'city', 'county', 'level', 'year'];
  switch (kind) {
    case 'targets':
    case 'actuals': {
      const k = kind === 'targets' ? 'target' : 'actual';
      const long = figureTable(kind, queryFigures(store.db, k, filter), k);
      return [long, widen(long, panelIds, (r) => (r.metric === 'other' || (kind === 'targets' && r.stretch) ? null : `${r.metric}_${r.quantity}`), 'value_std')];
    }
    case 'attainment': {
      const long = attainmentTable(store, filter, opts.tolerance ?? 0.5);
      return [long, widen(long, panelIds, (r) => `${r.metric}_${r.quantity}`, 'status')];
    }
    case 'indices': {
      const long = indicesTable(store, filter, opts.dict);
      return [long, widen(long, panelIds, (r) => String(r.dictionary), 'index')];
    }
    case 'commitments':
      return [commitmentsTable(store, filter)];
    case 'documents':
      return [documentsTable(store, filter)];
  }
}

export type ExportTable = (typeof EXPORT_TABLES)[number];

/** An XLSX workbook with one sheet per table (the long table and its wide panel). */
export async function workbook(tables: Table[]): Promise<Buffer> {
  // loaded on first use (20 MB): every gwr command imports this module
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31));
    ws.addRow(t.columns.map((c) => c.name));
    ws.getRow(1).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

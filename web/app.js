// The gwr dashboard: a page per hash route, each drawn from the JSON API under /api/ only.
import { MESSAGES } from './i18n.js';

// ---------- language, API, small DOM helpers ----------

let lang = localStorage.getItem('gwr-lang') === 'en' ? 'en' : 'zh';

function t(key, vars = {}) {
  const s = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

const LEVEL_LABEL = { national: 'national', province: 'province_level', prefecture: 'prefecture', county: 'county' };
const placeName = (m) => (m.level === 'national' ? t('national') : [m.province, m.city !== m.province ? m.city : '', m.county].filter(Boolean).join(''));
const levelName = (l) => (l ? t(LEVEL_LABEL[l] ?? l) : '');
const quantityName = (q) => t(q === 'level' ? 'level_q' : q);
const roleName = (r) => t(r === 'targets' ? 'targets_role' : r);

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function api(path, params = {}) {
  const res = await fetch(`/api/${path}${query(params)}`);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

/** Builds an element: h('a', { href: '#', class: 'x', onclick: fn }, 'text', child). Text is always text, never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function fmtValue(v, v2, unit) {
  if (v === null || v === undefined) return '';
  return `${v}${v2 !== null && v2 !== undefined ? `–${v2}` : ''}${unit ?? ''}`;
}

function select(name, options, value, onchange) {
  return h('select', { name, onchange: (e) => onchange(e.target.value) }, options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
}

function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

/** A table from column definitions [{ key, label, render? }] and rows of objects. */
function dataTable(columns, rows, opts = {}) {
  return h(
    'table',
    { class: `data ${opts.class ?? ''}` },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c.label)))),
    h(
      'tbody',
      {},
      rows.map((r, i) => h('tr', { dataset: opts.rowData ? opts.rowData(r, i) : {}, onclick: opts.onRowClick ? () => opts.onRowClick(r, i) : undefined, class: opts.onRowClick ? 'clickable' : '' }, columns.map((c) => h('td', { class: c.class ?? '' }, c.render ? c.render(r) : r[c.key] ?? '')))),
    ),
  );
}

/** Links that download a table as `gwr export` writes it. */
function exportLinks(table, params) {
  return h('span', { class: 'downloads' }, `${t('download')}: `, ['csv', 'xlsx'].map((format) => h('a', { href: `/api/export/${table}${query({ ...params, format })}`, download: true, class: 'dl' }, t(format))));
}

/** A download of a table computed in the page (search hits, KWIC lines) as CSV with a BOM for Excel. */
function csvLink(name, columns, rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return h('a', {
    href: '#',
    class: 'dl',
    onclick: (e) => {
      e.preventDefault();
      const text = '\ufeff' + [columns.map((c) => c.key).join(','), ...rows.map((r) => columns.map((c) => cell(c.value ? c.value(r) : r[c.key])).join(','))].join('\r\n') + '\r\n';
      const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: `gwr-${name}.csv` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    },
  }, `${t('download')} CSV`);
}

function chart(el, option) {
  const c = echarts.init(el, null, { renderer: 'canvas' });
  // ECharts 6 puts the legend at the bottom, over the axis labels: keep it on top
  const legend = option.legend ? { top: 4, ...option.legend } : undefined;
  c.setOption({ animation: false, textStyle: { fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", sans-serif' }, ...option, ...(legend ? { legend } : {}) });
  new ResizeObserver(() => c.resize()).observe(el);
  return c;
}

function message(text, cls = 'note') {
  return h('p', { class: cls }, text);
}

// ---------- shared state ----------

const cache = new Map();
async function cached(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((e) => { cache.delete(key); throw e; }));
  return cache.get(key);
}
const health = () => api('health');
const regionsList = () => cached('regions', () => api('regions'));
const metricsList = () => cached('metrics', () => api('metrics'));
const dictionariesList = () => cached('dictionaries', () => api('dictionaries'));

const token = {
  get: () => sessionStorage.getItem('gwr-token') ?? '',
  set: (v) => sessionStorage.setItem('gwr-token', v),
};

function tokenField() {
  return field(t('token'), h('input', { type: 'password', name: 'token', value: token.get(), placeholder: t('token_hint'), autocomplete: 'off', oninput: (e) => token.set(e.target.value) }));
}

// ---------- routing ----------

function route() {
  const hash = location.hash.replace(/^#/, '') || '/corpus';
  const [path, q = ''] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  return { page: parts[0] ?? 'corpus', arg: parts[1], params: Object.fromEntries(new URLSearchParams(q)) };
}

function go(page, params = {}, arg) {
  location.hash = `#/${page}${arg ? `/${arg}` : ''}${query(params)}`;
}

const PAGES = { corpus: corpusPage, report: reportPage, targets: targetsPage, compare: comparePage, attention: attentionPage, search: searchPage };

async function render() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `gwr · ${t('title')}`;
  const r = route();
  const nav = document.getElementById('nav');
  nav.replaceChildren(...['corpus', 'targets', 'compare', 'attention', 'search'].map((p) => h('a', { href: `#/${p}`, class: r.page === p || (p === 'corpus' && r.page === 'report') ? 'active' : '' }, t(`nav_${p}`))));
  document.getElementById('lang').textContent = t('lang_switch');
  const view = document.getElementById('view');
  view.replaceChildren(message(t('loading')));
  health().then((s) => (document.getElementById('mode').textContent = s.write ? t('mode_write') : t('mode_read'))).catch(() => {});
  const started = performance.now();
  try {
    const page = PAGES[r.page] ?? corpusPage;
    const content = await page(r.params, r.arg);
    if (route().page !== r.page && PAGES[route().page]) return; // navigated away meanwhile
    view.replaceChildren(...[content].flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  } catch (err) {
    view.replaceChildren(message(`${t('error')}: ${err.message}`, 'error'));
  }
  document.body.dataset.ready = r.page;
  document.body.dataset.renderMs = String(Math.round(performance.now() - started));
}

// ---------- corpus ----------

async function corpusPage(params) {
  const [state, regions] = await Promise.all([health(), regionsList()]);
  const provinces = [...new Set(regions.map((r) => r.province).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh'));
  const years = [];
  for (const r of regions) for (let y = r.first; y && y <= r.last; y++) if (!years.includes(y)) years.push(y);
  years.sort((a, b) => b - a);
  const filter = { level: params.level, region: params.province, year: params.year, kind: params.kind };
  const set = (k) => (v) => go('corpus', { ...params, [k]: v, page: undefined });
  const filters = h(
    'div',
    { class: 'filters' },
    field(t('level'), select('level', [['', t('all')], ...Object.keys(LEVEL_LABEL).map((l) => [l, levelName(l)])], params.level, set('level'))),
    field(t('province'), select('province', [['', t('all')], ...provinces.map((p) => [p, p])], params.province, set('province'))),
    field(t('year'), select('year', [['', t('all')], ...years.map((y) => [y, y])], params.year, set('year'))),
    field(t('kind'), select('kind', [['', t('all')], ['report', t('report')], ['communique', t('communique')]], params.kind, set('kind'))),
    h('span', { class: 'tabs' }, ['table', 'grid'].map((v) => h('a', { href: `#/corpus${query({ ...params, view: v === 'table' ? undefined : v })}`, class: (params.view ?? 'table') === v ? 'active' : '' }, t(v)))),
    exportLinks('documents', filter),
  );
  const body = params.view === 'grid' ? await corpusGrid(params) : await corpusTable(params, filter);
  return [h('h1', {}, t('nav_corpus')), state.write ? uploadPanel() : null, filters, body];
}

async function corpusTable(params, filter) {
  const pageSize = 50;
  const page = Math.max(1, Number(params.page ?? 1));
  const data = await api('documents', { ...filter, limit: pageSize, offset: (page - 1) * pageSize });
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const table = dataTable(
    [
      { key: 'id', label: t('id') },
      { key: 'region', label: t('region'), render: (d) => h('a', { href: `#/report/${d.id}` }, d.region) },
      { key: 'level', label: t('level'), render: (d) => levelName(d.level) },
      { key: 'kind', label: t('kind'), render: (d) => t(d.kind) },
      { key: 'year', label: t('year') },
      { key: 'date', label: t('date') },
      { key: 'speaker', label: t('speaker') },
      { key: 'chars', label: t('chars'), class: 'num' },
      { key: 'sections', label: t('sections'), class: 'num' },
    ],
    data.documents,
    { class: 'documents' },
  );
  const pager = h(
    'div',
    { class: 'pager' },
    h('span', {}, t('documents_count', { n: data.total })),
    page > 1 ? h('a', { href: `#/corpus${query({ ...params, page: page - 1 })}` }, t('prev')) : null,
    h('span', {}, t('page', { p: page, n: pages })),
    page < pages ? h('a', { href: `#/corpus${query({ ...params, page: page + 1 })}` }, t('next')) : null,
  );
  return [pager, table];
}

async function corpusGrid(params) {
  const cells = await api('grid', { level: params.level, kind: params.kind ?? 'report' });
  const rows = new Map();
  const years = new Set();
  for (const c of cells) {
    if (params.province && c.province !== params.province) continue;
    if (c.year === null) continue;
    years.add(c.year);
    const r = rows.get(c.region) ?? { region: c.region, level: c.level, docs: new Map() };
    r.docs.set(c.year, c.id);
    rows.set(c.region, r);
  }
  const cols = [...years].sort((a, b) => a - b);
  if (!cols.length) return message(t('no_data'));
  return h(
    'div',
    { class: 'grid-wrap' },
    h('p', { class: 'note' }, t('documents_count', { n: cells.length })),
    h(
      'table',
      { class: 'grid' },
      h('thead', {}, h('tr', {}, h('th', {}, t('region')), cols.map((y) => h('th', { class: 'year' }, String(y).slice(2))))),
      h('tbody', {}, [...rows.values()].map((r) => h('tr', {}, h('th', { class: `lvl-${r.level}` }, r.region), cols.map((y) => h('td', {}, r.docs.has(y) ? h('a', { href: `#/report/${r.docs.get(y)}`, title: `${r.region} ${y}`, class: 'cell' }, '') : ''))))),
    ),
  );
}

function uploadPanel() {
  const list = h('ul', { class: 'upload-list' });
  const input = h('input', { type: 'file', multiple: true, accept: '.txt,.md,.html,.htm,.docx,.pdf', hidden: true, onchange: (e) => {
    upload([...e.target.files]);
    // choosing the same file again (after a failure) must fire again
    e.target.value = '';
  } });
  const zone = h('div', { class: 'dropzone', tabindex: 0, onclick: () => input.click(), onkeydown: (e) => e.key === 'Enter' && input.click() }, t('upload_hint'));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    upload([...e.dataTransfer.files]);
  });
  async function upload(files) {
    if (!token.get()) {
      list.replaceChildren(h('li', { class: 'failed' }, t('token_needed')));
      return;
    }
    let changed = false;
    for (const file of files) {
      const status = h('span', { class: 'status' }, `${t('uploading')} 0%`);
      const item = h('li', {}, h('span', { class: 'name' }, file.name), ' ', status);
      list.append(item);
      try {
        const body = await sendFile(file, (p) => (status.textContent = `${t('uploading')} ${p}%`));
        for (const r of body.results) {
          item.className = r.status;
          status.textContent = r.status === 'failed' ? `${t('failed')}: ${r.error}` : `${t(r.status)} #${r.id} ${r.metadata ? `${placeName(r.metadata)} ${r.metadata.year ?? ''}` : ''}`;
          if (r.status === 'added') {
            changed = true;
            item.append(' ', h('a', { href: `#/report/${r.id}` }, t('open_report')));
          }
        }
      } catch (err) {
        item.className = 'failed';
        status.textContent = `${t('failed')}: ${err.message}`;
      }
    }
    if (changed) {
      cache.delete('regions');
      const table = document.querySelector('table.documents');
      if (table) {
        const fresh = await corpusTable(route().params, { level: route().params.level, region: route().params.province, year: route().params.year, kind: route().params.kind });
        table.previousElementSibling?.replaceWith(fresh[0]);
        table.replaceWith(fresh[1]);
      }
    }
  }
  return h('section', { class: 'upload' }, h('h2', {}, t('upload_title')), tokenField(), zone, input, list);
}

/** Uploads one file with progress; resolves to the API's answer. */
function sendFile(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Authorization', `Bearer ${token.get()}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { error: `HTTP ${xhr.status}` };
      }
      if (body.results) resolve(body);
      else reject(new Error(body.error ?? `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network error'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

// ---------- report reader ----------

/**
 * The text as HTML: paragraphs, the sentences that hold figures, and a mark over each figure
 * (figures sharing characters share a mark). Built from offsets, each piece escaped.
 */
function readerHtml(text, records) {
  const sentences = new Map();
  for (const r of records) sentences.set(r.sentenceStart, r.sentenceEnd);
  const sentList = [...sentences].map(([start, end]) => ({ start, end })).sort((a, b) => a.start - b.start);
  const spans = records.map((r) => ({ start: r.start, end: r.end, id: r.key, cls: r.cls })).sort((a, b) => a.start - b.start || b.end - a.end);
  const marks = [];
  for (const s of spans) {
    const last = marks[marks.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.ids.push(s.id);
      if (!last.classes.includes(s.cls)) last.classes.push(s.cls);
    } else marks.push({ start: s.start, end: s.end, ids: [s.id], classes: [s.cls] });
  }
  const points = new Set([0, text.length]);
  for (const x of [...sentList, ...marks]) {
    points.add(x.start);
    points.add(x.end);
  }
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    points.add(i);
    points.add(i + 1);
  }
  const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  let html = '';
  let openP = false;
  let openS = null;
  let openM = null;
  let si = 0;
  let mi = 0;
  const closeM = () => {
    if (openM) html += '</mark>';
    openM = null;
  };
  const closeS = () => {
    closeM();
    if (openS) html += '</span>';
    openS = null;
  };
  const closeP = () => {
    closeS();
    if (openP) html += '</p>';
    openP = false;
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    const piece = text.slice(a, b);
    if (piece === '\n') {
      closeP();
      continue;
    }
    while (si < sentList.length && sentList[si].end <= a) si++;
    while (mi < marks.length && marks[mi].end <= a) mi++;
    const s = si < sentList.length && sentList[si].start <= a ? sentList[si] : null;
    const m = mi < marks.length && marks[mi].start <= a ? marks[mi] : null;
    if (!openP) {
      html += `<p data-start="${a}">`;
      openP = true;
    }
    if (openS !== s) {
      closeS();
      if (s) html += `<span class="sent" id="s-${s.start}">`;
      openS = s;
    }
    if (openM !== m) {
      closeM();
      if (m) html += `<mark class="fig ${m.classes.join(' ')}" data-ids="${m.ids.join(' ')}" tabindex="0">`;
      openM = m;
    }
    html += esc(piece);
  }
  closeP();
  return html;
}

async function reportPage(params, id) {
  const [data, state, metrics] = await Promise.all([api(`documents/${encodeURIComponent(id)}/reader`), health(), metricsList()]);
  const metricName = new Map(metrics.map((m) => [m.id, m.name]));
  const d = data.document;
  const records = [
    ...data.figures.map((f) => ({ ...f, key: `f${f.id}`, cls: f.kind })),
    ...data.commitments.map((c) => ({ ...c, key: `c${c.id}`, cls: 'commitment', kind: 'commitment' })),
  ];
  const byKey = new Map(records.map((r) => [r.key, r]));

  const textEl = h('article', { class: 'report-text' });
  textEl.innerHTML = readerHtml(data.text, records);
  const recordEl = h('div', { class: 'record', hidden: true });

  const describe = (r) => {
    const rows = r.kind === 'commitment'
      ? [[t('type'), t('commitments')], [t('value'), `${r.quantity}${r.unit}`], ['', `${r.action} ${r.object}`]]
      : [
          [t('type'), t(r.kind === 'target' ? 'target' : 'actual')],
          [t('metric'), r.metric === 'other' ? `${r.label} (other)` : `${metricName.get(r.metric) ?? r.metric} (${r.metric})`],
          [t('quantity'), quantityName(r.quantity)],
          [t('value'), fmtValue(r.value, r.value2, r.unit) || '—'],
          r.kind === 'target' ? [t('modifier'), `${t(r.modifier ?? 'point')}${r.stretch ? ` · ${t('stretch')}` : ''}`] : [t('estimated'), r.estimated ? '✓' : '—'],
          [t('figure_year'), r.year ?? ''],
          [t('section'), r.sectionTitle ?? ''],
        ];
    return h(
      'div',
      {},
      h('div', { class: 'record-head' }, h('strong', {}, t('record')), h('button', { type: 'button', class: 'link', onclick: () => (recordEl.hidden = true) }, t('close'))),
      h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('p', { class: 'quote' }, h('span', { class: 'label' }, `${t('source')} [${r.start}–${r.end}]: `), data.text.slice(r.sentenceStart, r.sentenceEnd)),
    );
  };

  /** Shows the records of one figure (or of all figures sharing the clicked characters). */
  const show = (keys, scroll) => {
    const shown = keys.map((k) => byKey.get(k)).filter(Boolean);
    if (!shown.length) return;
    const r = shown[0];
    recordEl.replaceChildren(...shown.map(describe));
    recordEl.hidden = false;
    recordEl.dataset.key = r.key;
    for (const el of document.querySelectorAll('.selected')) el.classList.remove('selected');
    for (const k of keys) document.querySelector(`tr[data-key="${k}"]`)?.classList.add('selected');
    const sentence = document.getElementById(`s-${r.sentenceStart}`);
    if (sentence) {
      sentence.classList.add('selected');
      if (scroll) {
        sentence.scrollIntoView({ block: 'center' });
        sentence.classList.remove('flash');
        void sentence.offsetWidth;
        sentence.classList.add('flash');
      }
    }
  };

  textEl.addEventListener('click', (e) => {
    const mark = e.target.closest('mark.fig');
    if (mark) show(mark.dataset.ids.split(' '), false);
  });
  textEl.addEventListener('keydown', (e) => {
    const mark = e.target.closest?.('mark.fig');
    if (mark && e.key === 'Enter') show(mark.dataset.ids.split(' '), false);
  });

  const tabs = ['target', 'actual', 'commitment'];
  const tabLabel = { target: t('targets'), actual: t('actuals'), commitment: t('commitments') };
  const tableHolder = h('div', { class: 'figure-table' });
  const showTab = (kind) => {
    const rows = records.filter((r) => r.kind === kind);
    for (const b of tabBar.children) b.classList.toggle('active', b.dataset.kind === kind);
    tableHolder.replaceChildren(
      rows.length
        ? dataTable(
            kind === 'commitment'
              ? [{ key: 'action', label: '' }, { key: 'object', label: t('metric') }, { key: 'q', label: t('value'), render: (r) => `${r.quantity}${r.unit}`, class: 'num' }]
              : [
                  { key: 'metric', label: t('metric'), render: (r) => (r.metric === 'other' ? r.label : metricName.get(r.metric) ?? r.metric) },
                  { key: 'value', label: t('value'), render: (r) => fmtValue(r.value, r.value2, r.unit) || t(r.modifier ?? 'qualitative'), class: 'num' },
                  kind === 'target' ? { key: 'modifier', label: t('modifier'), render: (r) => t(r.modifier ?? 'point') } : { key: 'estimated', label: t('estimated'), render: (r) => (r.estimated ? '✓' : '') },
                  { key: 'year', label: t('figure_year') },
                ],
            rows,
            { rowData: (r) => ({ key: r.key }), onRowClick: (r) => show([r.key], true), class: `figures ${kind}` },
          )
        : message(t('no_data')),
    );
  };
  const tabBar = h('div', { class: 'tabs' }, tabs.map((k) => h('button', { type: 'button', dataset: { kind: k }, onclick: () => showTab(k) }, `${tabLabel[k]} (${records.filter((r) => r.kind === k).length})`)));

  const outline = h(
    'nav',
    { class: 'outline' },
    h('h2', {}, t('outline')),
    h('ul', {}, d.sectionList.filter((s) => s.level <= 1).map((s) => h('li', { class: `lvl${s.level} role-${s.role}` }, h('a', { href: '#', onclick: (e) => { e.preventDefault(); scrollToOffset(textEl, s.start); } }, `${s.number}${s.title}`), s.level === 0 ? h('span', { class: 'role' }, roleName(s.role)) : null))),
  );

  const page = h(
    'div',
    { class: 'reader' },
    outline,
    h('div', { class: 'reader-main' }, h('h1', {}, `${d.region} ${d.year ?? ''}`, h('small', {}, ` ${d.title ?? ''}`)), metadataPanel(d, state.write), textEl),
    h('aside', { class: 'reader-side' }, recordEl, h('h2', {}, t('figures')), tabBar, tableHolder, exportLinks('targets', { region: d.county ?? d.city ?? d.province ?? undefined, year: d.year ?? undefined, level: d.level ?? undefined })),
  );
  showTab('target');
  if (params.at !== undefined) {
    setTimeout(() => scrollToOffset(textEl, Number(params.at)), 0);
  }
  return page;
}

function scrollToOffset(textEl, offset) {
  let target = null;
  for (const p of textEl.querySelectorAll('p[data-start]')) {
    if (Number(p.dataset.start) <= offset) target = p;
    else break;
  }
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.classList.remove('flash');
  void target.offsetWidth;
  target.classList.add('flash');
}

function metadataPanel(d, writable) {
  const fields = ['kind', 'province', 'city', 'county', 'level', 'code', 'year', 'date', 'meeting', 'speaker', 'speakerTitle'];
  const label = { kind: t('kind'), province: t('province'), city: '市', county: '县/区', level: t('level'), code: 'GB/T 2260', year: t('year'), date: t('date'), meeting: t('meeting'), speaker: t('speaker'), speakerTitle: '职务' };
  const view = h('dl', { class: 'meta' }, fields.map((f) => [h('dt', {}, label[f]), h('dd', { dataset: { field: f } }, f === 'level' ? levelName(d[f]) : f === 'kind' ? t(d[f]) : d[f] ?? '—')]));
  const warnings = d.warnings?.length ? h('p', { class: 'note' }, `${t('warnings')}: ${d.warnings.join('; ')}`) : null;
  const panel = h('details', { class: 'metadata' }, h('summary', {}, t('metadata')), view, warnings);
  if (!writable) return panel;
  const status = h('span', { class: 'status' });
  const form = h(
    'form',
    {
      class: 'meta-form',
      hidden: true,
      onsubmit: async (e) => {
        e.preventDefault();
        const body = {};
        for (const f of fields) {
          const v = form.elements[f].value.trim();
          const old = d[f] ?? '';
          if (v === String(old)) continue;
          body[f] = v === '' ? null : f === 'year' ? Number(v) : v;
        }
        const res = await fetch(`/api/documents/${d.id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.get()}` }, body: JSON.stringify(body) });
        const answer = await res.json().catch(() => ({}));
        if (!res.ok) {
          status.textContent = `${t('error')}: ${answer.error ?? res.status}`;
          status.className = 'status failed';
          return;
        }
        cache.delete('regions');
        await render();
        document.querySelector('.meta-status')?.replaceChildren(t('saved'));
      },
    },
    tokenField(),
    fields.map((f) => field(label[f], f === 'level' ? select(f, [['', '—'], ...Object.keys(LEVEL_LABEL).map((l) => [l, levelName(l)])], d[f], () => {}) : f === 'kind' ? select(f, [['report', t('report')], ['communique', t('communique')]], d[f], () => {}) : h('input', { name: f, value: d[f] ?? '' }))),
    h('div', {}, h('button', { type: 'submit' }, t('save')), ' ', h('button', { type: 'button', onclick: () => { form.hidden = true; view.hidden = false; } }, t('cancel')), ' ', status),
  );
  panel.append(h('button', { type: 'button', class: 'edit', onclick: () => { form.hidden = false; view.hidden = true; panel.open = true; } }, t('edit')), form, h('p', { class: 'meta-status note' }));
  return panel;
}

// ---------- targets vs outcomes ----------

const MOD_SYMBOL = { at_least: ['triangle', 0], at_most: ['triangle', 180], around: ['circle', 0], point: ['diamond', 0], range: ['rect', 0] };
const STATUS_COLOR = { met: '#2e7d32', missed: '#c62828', not_verifiable: '#9e9e9e' };

function regionInput(value, name = 'region', placeholder = '') {
  return h('input', { name, value: value ?? '', list: 'region-names', placeholder, size: 24 });
}

async function regionDatalist() {
  const regions = await regionsList();
  return h('datalist', { id: 'region-names' }, regions.map((r) => h('option', { value: r.name }, r.region)));
}

async function targetsPage(params) {
  const [metrics, datalist] = await Promise.all([metricsList(), regionDatalist()]);
  const region = params.region ?? '苏州市';
  const metric = params.metric ?? 'gdp';
  const quantity = params.quantity ?? 'growth';
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('targets', { region: form.elements.region.value.trim(), metric: form.elements.metric.value, quantity: form.elements.quantity.value }); } },
    field(t('region'), regionInput(region)),
    field(t('metric'), select('metric', metrics.map((m) => [m.id, `${m.name} (${m.id})`]), metric, () => {})),
    field(t('quantity'), select('quantity', ['growth', 'level', 'reduction'].map((q) => [q, quantityName(q)]), quantity, () => {})),
    h('button', { type: 'submit' }, t('show')),
    datalist,
  );
  const records = (await api('track', region === '全国' ? { level: 'national', metric } : { region, metric })).filter((r) => r.quantity === quantity);
  const out = [h('h1', {}, t('nav_targets')), form];
  if (!records.length) return [...out, message(t('no_data'))];
  const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
  const byYear = new Map();
  for (const r of records) if (!byYear.has(r.year) || (byYear.get(r.year).target.stretch && !r.target.stretch)) byYear.set(r.year, r);
  const rows = years.map((y) => byYear.get(y));
  const unit = rows.find((r) => r.target.unit)?.target.unit ?? '';
  const chartEl = h('div', { class: 'chart', id: 'track-chart' });
  const tip = (r) => {
    const lines = [`<b>${esc(r.region)} ${r.year}</b>`, `${esc(t('target'))}: ${esc(fmtValue(r.target.value, r.target.value2, r.target.unit))} ${esc(t(r.target.modifier ?? 'point'))}`, `<i>${esc(r.target.sentence ?? r.target.text)}</i>`];
    if (r.actual) lines.push(`${esc(t('actual'))}: ${esc(fmtValue(r.actual.value, null, r.actual.unit))}${r.actual.estimated ? ` (${esc(t('estimated'))})` : ''}`, `<i>${esc(r.actual.sentence ?? r.actual.text)}</i>`);
    lines.push(`${esc(t('status'))}: ${esc(t(r.status))}`);
    return `<div class="tip">${lines.join('<br>')}</div>`;
  };
  const page = [...out, chartEl];
  setTimeout(() => {
    const c = chart(chartEl, {
      tooltip: { trigger: 'item', confine: true, formatter: (p) => tip(p.data.record) },
      legend: { data: [t('target'), t('actual')] },
      grid: { left: 50, right: 30, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: unit, scale: true },
      series: [
        {
          name: t('target'),
          type: 'custom',
          renderItem: (p, api2) => {
            const r = rows[p.dataIndex];
            if (r.target.value2 === null || r.target.value === null) return null;
            const lo = api2.coord([p.dataIndex, r.target.value]);
            const hi = api2.coord([p.dataIndex, r.target.value2]);
            const w = api2.size([1, 0])[0] * 0.35;
            return { type: 'rect', shape: { x: lo[0] - w / 2, y: hi[1], width: w, height: lo[1] - hi[1] }, style: { fill: 'rgba(178,34,34,0.18)', stroke: '#b22222' } };
          },
          data: rows.map((r, i) => ({ value: [i, r.target.value ?? null, r.target.value2 ?? null], record: r })),
          encode: { x: 0, y: [1, 2] },
          itemStyle: { color: '#b22222' },
          z: 1,
        },
        {
          name: t('target'),
          type: 'scatter',
          data: rows.map((r) => {
            const [symbol, rotate] = MOD_SYMBOL[r.target.modifier] ?? ['emptyCircle', 0];
            return { value: r.target.value2 !== null ? (r.target.value + r.target.value2) / 2 : r.target.value, symbol, symbolRotate: rotate, symbolSize: 14, record: r, itemStyle: { color: '#b22222' } };
          }),
          z: 3,
        },
        {
          name: t('actual'),
          type: 'line',
          data: rows.map((r) => ({ value: r.actual?.value ?? null, record: r, itemStyle: { color: STATUS_COLOR[r.status] } })),
          connectNulls: true,
          symbolSize: 10,
          lineStyle: { color: '#555' },
          z: 2,
        },
      ],
    });
    chartEl.dataset.drawn = String(c.getOption().series.length);
  }, 0);
  page.push(
    h('div', { class: 'legend-note' }, ['▲ ' + t('at_least'), '▼ ' + t('at_most'), '● ' + t('around'), '◆ ' + t('point'), '▮ ' + t('range')].join('   '), h('span', { class: 'met' }, ` ● ${t('met')}`), h('span', { class: 'missed' }, ` ● ${t('missed')}`), h('span', { class: 'nv' }, ` ● ${t('not_verifiable')}`)),
    h('p', {}, exportLinks('attainment', region === '全国' ? { level: 'national' } : { region })),
    dataTable(
      [
        { key: 'year', label: t('year') },
        { key: 'target', label: t('target'), render: (r) => h('a', { href: `#/report/${r.target.docId}?at=${r.target.start}` }, `${fmtValue(r.target.value, r.target.value2, r.target.unit) || '—'} ${t(r.target.modifier ?? 'point')}`) },
        { key: 'actual', label: t('actual'), render: (r) => (r.actual ? h('a', { href: `#/report/${r.actual.docId}?at=${r.actual.start}` }, `${fmtValue(r.actual.value, null, r.actual.unit)}${r.actual.estimated ? ` (${t('estimated')})` : ''}`) : '—') },
        { key: 'status', label: t('status'), render: (r) => h('span', { class: `status-${r.status}` }, t(r.status)) },
        { key: 'gap', label: t('gap'), class: 'num', render: (r) => (r.gap === null ? '' : r.gap) },
        { key: 'parent', label: t('parent_target'), render: (r) => (r.parent ? `${r.parent.region} ${fmtValue(r.parent.value, r.parent.value2, r.parent.unit)}` : '') },
        { key: 'escalation', label: t('escalation'), class: 'num', render: (r) => (r.escalation === null ? '' : r.escalation) },
      ],
      rows,
      { class: 'track' },
    ),
  );
  return page;
}

// ---------- compare ----------

async function comparePage(params) {
  const [metrics, datalist] = await Promise.all([metricsList(), regionDatalist()]);
  const metric = params.metric ?? 'gdp';
  const quantity = params.quantity ?? 'growth';
  const year = Number(params.year ?? 2024);
  const regions = params.regions ?? '苏州市,吴中区,相城区,虎丘区';
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('compare', { metric: form.elements.metric.value, quantity: form.elements.quantity.value, year: form.elements.year.value, regions: form.elements.regions.value }); } },
    field(t('region'), h('input', { name: 'regions', value: regions, size: 40, placeholder: t('regions_hint') })),
    field(t('metric'), select('metric', metrics.map((m) => [m.id, `${m.name} (${m.id})`]), metric, () => {})),
    field(t('quantity'), select('quantity', ['growth', 'level', 'reduction'].map((q) => [q, quantityName(q)]), quantity, () => {})),
    field(t('year'), h('input', { name: 'year', type: 'number', value: year, min: 1949, max: 2100 })),
    h('button', { type: 'submit' }, t('show')),
    datalist,
  );
  const names = regions.split(/[,，、\s]+/).filter(Boolean);
  const [rows, tracks] = await Promise.all([api('compare', { metric, quantity, year, regions: names.join(',') }), Promise.all(names.map((r) => api('track', { region: r, metric }).catch(() => [])))]);
  const bars = h('div', { class: 'chart', id: 'compare-chart' });
  const lines = h('div', { class: 'chart', id: 'compare-time-chart' });
  setTimeout(() => {
    const c = chart(bars, {
      tooltip: { trigger: 'axis', confine: true },
      legend: { data: [t('target'), t('actual')] },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.region) },
      yAxis: { type: 'value', name: rows.find((r) => r.target?.unit || r.actual?.unit)?.target?.unit ?? '' },
      series: [
        { name: t('target'), type: 'bar', data: rows.map((r) => r.target?.value ?? null), itemStyle: { color: '#b22222' }, label: { show: true, position: 'top', formatter: (p) => (rows[p.dataIndex].target ? `${fmtValue(rows[p.dataIndex].target.value, rows[p.dataIndex].target.value2, '')} ${t(rows[p.dataIndex].target.modifier ?? 'point')}` : '') } },
        { name: t('actual'), type: 'bar', data: rows.map((r) => r.actual?.value ?? null), itemStyle: { color: '#1565c0' }, label: { show: true, position: 'top' } },
      ],
    });
    bars.dataset.drawn = String(c.getOption().series.length);
    const allYears = [...new Set(tracks.flat().filter((r) => r.quantity === quantity).map((r) => r.year))].sort((a, b) => a - b);
    const c2 = chart(lines, {
      tooltip: { trigger: 'axis', confine: true },
      legend: { type: 'scroll' },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: allYears.map(String) },
      yAxis: { type: 'value', scale: true },
      series: names.flatMap((name, i) => {
        const recs = tracks[i].filter((r) => r.quantity === quantity && !r.target.stretch);
        const at = (y, pick) => recs.find((r) => r.year === y)?.[pick];
        return [
          { name: `${name} ${t('target')}`, type: 'line', lineStyle: { type: 'dashed' }, data: allYears.map((y) => at(y, 'target')?.value ?? null), connectNulls: true },
          { name: `${name} ${t('actual')}`, type: 'line', data: allYears.map((y) => at(y, 'actual')?.value ?? null), connectNulls: true },
        ];
      }),
    });
    lines.dataset.drawn = String(c2.getOption().series.length);
  }, 0);
  const columns = [
    { key: 'region', label: t('region') },
    { key: 'target', label: t('target'), value: (r) => r.target?.value ?? '', render: (r) => (r.target ? h('a', { href: `#/report/${r.target.docId}?at=${r.target.start}` }, `${fmtValue(r.target.value, r.target.value2, r.target.unit) || '—'} ${t(r.target.modifier ?? 'point')}`) : '—') },
    { key: 'modifier', label: t('modifier'), value: (r) => r.target?.modifier ?? '', render: (r) => (r.target ? t(r.target.modifier ?? 'point') : '') },
    { key: 'actual', label: t('actual'), value: (r) => r.actual?.value ?? '', render: (r) => (r.actual ? h('a', { href: `#/report/${r.actual.docId}?at=${r.actual.start}` }, fmtValue(r.actual.value, null, r.actual.unit)) : '—') },
    { key: 'unit', label: t('unit'), value: (r) => r.target?.unit ?? r.actual?.unit ?? '', render: (r) => r.target?.unit ?? r.actual?.unit ?? '' },
  ];
  return [
    h('h1', {}, t('nav_compare')),
    form,
    h('h2', {}, `${t('side_by_side')} · ${year}`),
    bars,
    h('p', {}, csvLink(`compare-${metric}-${year}`, columns, rows), ' ', exportLinks('targets', { year })),
    dataTable(columns, rows, { class: 'compare' }),
    h('h2', {}, t('over_time')),
    lines,
  ];
}

// ---------- attention ----------

async function attentionPage(params) {
  const dicts = await dictionariesList();
  const dictionary = params.dictionary ?? dicts[0]?.name;
  const term = params.term ?? '新质生产力';
  const regions = params.regions ?? '';
  const form = h(
    'form',
    { class: 'filters', onsubmit: (e) => { e.preventDefault(); go('attention', { dictionary: form.elements.dictionary.value, regions: form.elements.regions.value.trim(), level: form.elements.level.value, term: form.elements.term.value.trim() }); } },
    field(t('dictionary'), select('dictionary', dicts.map((d) => [d.name, d.name]), dictionary, () => {})),
    field(t('region'), h('input', { name: 'regions', value: regions, size: 30, placeholder: t('regions_hint') })),
    field(t('level'), select('level', [['', t('all')], ...Object.keys(LEVEL_LABEL).map((l) => [l, levelName(l)])], params.level, () => {})),
    field(t('term'), h('input', { name: 'term', value: term, size: 14 })),
    h('button', { type: 'submit' }, t('show')),
  );
  const names = regions.split(/[,，、\s]+/).filter(Boolean);
  const groups = names.length
    ? await Promise.all(names.map(async (name) => ({ name, rows: await api('index', { dictionary, region: name, level: params.level }) })))
    : Object.entries(
        (await api('index', { dictionary, level: params.level })).reduce((acc, r) => {
          (acc[r.level ?? 'unknown'] ??= []).push(r);
          return acc;
        }, {}),
      ).map(([level, rows]) => ({ name: levelName(level) || level, rows }));
  const years = [...new Set(groups.flatMap((g) => g.rows.map((r) => r.year)).filter((y) => y !== null))].sort((a, b) => a - b);
  const mean = (rows) => (rows.length ? Math.round((rows.reduce((s, r) => s + r.index, 0) / rows.length) * 100) / 100 : null);
  const series = groups.map((g) => ({ name: g.name, values: years.map((y) => mean(g.rows.filter((r) => r.year === y))) }));
  const indexChart = h('div', { class: 'chart', id: 'index-chart' });
  const spreadChart = h('div', { class: 'chart small', id: 'spread-chart' });
  const [kwicLines, spreadData] = await Promise.all([
    term.length >= 2 ? api('kwic', { term, window: 25, limit: 200, level: params.level }) : [],
    term.length >= 2 ? api('spread', { term, level: params.level }) : null,
  ]);
  setTimeout(() => {
    const c = chart(indexChart, {
      tooltip: { trigger: 'axis', confine: true },
      legend: { type: 'scroll' },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: t('index_chart') },
      series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: true })),
    });
    indexChart.dataset.drawn = String(c.getOption().series.length);
    if (spreadData) {
      const c2 = chart(spreadChart, {
        tooltip: { trigger: 'axis', confine: true },
        grid: { left: 50, right: 20, top: 30, bottom: 40 },
        xAxis: { type: 'category', data: spreadData.byYear.map((y) => String(y.year)) },
        yAxis: { type: 'value', name: t('share'), max: 1 },
        series: [{ name: t('share'), type: 'bar', data: spreadData.byYear.map((y) => y.share), itemStyle: { color: '#b22222' } }],
      });
      spreadChart.dataset.drawn = '1';
      void c2;
    }
  }, 0);
  const dict = dicts.find((d) => d.name === dictionary);
  const kwicColumns = [
    { key: 'region', label: t('region'), render: (l) => h('a', { href: `#/report/${l.docId}?at=${l.start}` }, l.region) },
    { key: 'year', label: t('year') },
    { key: 'role', label: t('section'), render: (l) => roleName(l.role) },
    { key: 'left', label: '', class: 'left' },
    { key: 'term', label: t('term'), class: 'kw' },
    { key: 'right', label: '', class: 'right' },
  ];
  return [
    h('h1', {}, t('nav_attention')),
    form,
    h('h2', {}, `${t('index_chart')} · ${dictionary}`),
    dict ? h('p', { class: 'note' }, `${dict.description} ${dict.citation ?? ''}`) : null,
    indexChart,
    h('p', {}, exportLinks('indices', { dictionary, level: params.level, region: names.length === 1 ? names[0] : undefined })),
    h('h2', {}, `${t('spread')} · ${term}`),
    spreadData
      ? h(
          'p',
          { class: 'spread-summary' },
          spreadData.first ? [`${t('first_seen')}: `, h('a', { href: `#/report/${spreadData.first.docId}` }, `${spreadData.first.region} ${spreadData.first.year ?? ''}`), ` · `] : '',
          `${t('documents_using')}: ${spreadData.documents} · ${t('region')}: ${spreadData.regions}`,
        )
      : null,
    spreadChart,
    h('h2', {}, `${t('kwic')} · ${term} (${kwicLines.length})`),
    h('p', {}, csvLink(`kwic-${term}`, kwicColumns, kwicLines)),
    dataTable(kwicColumns, kwicLines, { class: 'kwic' }),
  ];
}

// ---------- search ----------

async function searchPage(params) {
  const q = params.q ?? '';
  const pageSize = 20;
  const page = Math.max(1, Number(params.page ?? 1));
  const form = h(
    'form',
    { class: 'filters search-form', onsubmit: (e) => { e.preventDefault(); go('search', { q: form.elements.q.value.trim(), level: form.elements.level.value, region: form.elements.region.value.trim(), year: form.elements.year.value }); } },
    h('input', { name: 'q', value: q, placeholder: t('search_placeholder'), size: 40, type: 'search', autofocus: true }),
    field(t('level'), select('level', [['', t('all')], ...Object.keys(LEVEL_LABEL).map((l) => [l, levelName(l)])], params.level, () => {})),
    field(t('region'), h('input', { name: 'region', value: params.region ?? '', size: 12 })),
    field(t('year'), h('input', { name: 'year', type: 'number', value: params.year ?? '', min: 1949, max: 2100 })),
    h('button', { type: 'submit' }, t('search')),
  );
  const out = [h('h1', {}, t('nav_search')), form];
  if (Array.from(q).length < 2) return out;
  const hits = await api('search', { q, level: params.level, region: params.region, year: params.year, limit: pageSize, offset: (page - 1) * pageSize });
  const columns = [
    { key: 'region', label: t('region') },
    { key: 'year', label: t('year') },
    { key: 'sectionTitle', label: t('section') },
    { key: 'sentence', label: t('sentence') },
    { key: 'docId', label: t('id') },
    { key: 'start', label: 'start' },
  ];
  out.push(
    h('p', { class: 'note' }, `${hits.length} ${t('results')} `, csvLink(`search-${q}`, columns, hits)),
    h(
      'ol',
      { class: 'hits', start: (page - 1) * pageSize + 1 },
      hits.map((hit) =>
        h(
          'li',
          {},
          h('div', { class: 'hit-head' }, h('a', { href: `#/report/${hit.docId}?at=${hit.start}` }, `${hit.region} ${hit.year ?? ''}`), h('span', { class: 'section' }, hit.sectionTitle ? ` · ${hit.sectionTitle}` : '')),
          h('div', { class: 'hit-text' }, hit.before, h('mark', {}, hit.match), hit.after),
        ),
      ),
    ),
    h(
      'div',
      { class: 'pager' },
      page > 1 ? h('a', { href: `#/search${query({ ...params, page: page - 1 })}` }, t('prev')) : null,
      hits.length === pageSize ? h('a', { href: `#/search${query({ ...params, page: page + 1 })}` }, t('next')) : null,
    ),
  );
  return out;
}

// ---------- start ----------

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('gwr-lang', lang);
  render();
});
window.addEventListener('hashchange', render);
render();

// app.js: the explorer's panels and calls to kg's API. Every piece of text
// that comes from the graph (labels, sentences, titles) is set with
// textContent or as a text node: article text is never parsed as HTML.
'use strict';

(function () {
  const G = window.kgGraph;
  const $ = (id) => document.getElementById(id);
  // PAGE facts load per expansion (?page=N changes it); a hub shows a
  // "+N more" node and a "Show more" button for the rest.
  const PAGE = Math.min(200, Math.max(1, parseInt(new URLSearchParams(location.search).get('page'), 10) || 25));
  const pages = new Map(); // entity IRI → {offset, total, more}

  // The token, when the server needs one, comes once in the URL fragment
  // (#token=...) and stays in this tab's session storage.
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('kg-token', decodeURIComponent(m[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('kg-token') || '';

  // el builds an element; string children become text nodes.
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    });
    children.forEach((c) => c != null && e.append(c));
    return e;
  }

  function status(msg, isError) {
    const s = $('status');
    s.textContent = msg || '';
    s.classList.toggle('error', !!isError);
    if (msg && !isError) setTimeout(() => { if (s.textContent === msg) s.textContent = ''; }, 3000);
  }

  async function api(path, opts) {
    const headers = Object.assign({}, (opts && opts.headers) || {});
    if (token) headers.Authorization = 'Bearer ' + token;
    const r = await fetch(path, Object.assign({}, opts, { headers }));
    const body = await r.json().catch(() => ({ error: r.status + ' ' + r.statusText }));
    if (!r.ok) throw new Error(body.error || r.statusText);
    return body;
  }

  function guard(fn) {
    return (...args) => Promise.resolve(fn(...args)).catch((err) => status(err.message, true));
  }

  // ---- evidence -------------------------------------------------------

  // nameRanges finds where the entity's names occur in the text, any case.
  function nameRanges(text, ent, cls) {
    if (!ent) return [];
    const names = [ent.label, ...(ent.aliases || [])].filter((n) => n && n.length > 1);
    const lower = text.toLowerCase();
    const out = [];
    names.forEach((n) => {
      const k = n.toLowerCase();
      for (let i = lower.indexOf(k); i >= 0; i = lower.indexOf(k, i + k.length)) out.push({ start: i, end: i + k.length, cls });
    });
    if (!out.length && ent.label) { // fall back on the label's longest word, "Putin" for "Vladimir Putin"
      const w = ent.label.split(/\s+/).sort((a, b) => b.length - a.length)[0];
      if (w && w.length > 3) return nameRanges(text, { label: w }, cls);
    }
    return out;
  }

  // highlighted returns the sentence as text nodes with both entities marked.
  function highlighted(text, subj, obj) {
    const ranges = nameRanges(text, subj, 'subj').concat(nameRanges(text, obj, 'obj'))
      .sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
    const frag = el('p', { class: 'sentence' });
    let at = 0;
    ranges.forEach((r) => {
      if (r.start < at) return;
      frag.append(text.slice(at, r.start), el('mark', { class: r.cls }, text.slice(r.start, r.end)));
      at = r.end;
    });
    frag.append(text.slice(at));
    return frag;
  }

  function flags(f) {
    const out = [];
    if (f.negated) out.push(el('span', { class: 'flag' }, 'negated'));
    if (f.modality) out.push(el('span', { class: 'flag' }, f.modality));
    if (f.attributed_to) out.push(el('span', { class: 'flag' }, 'according to ' + (f.attributed_to.label || f.attributed_to.id)));
    return out;
  }

  function evidenceBlock(ev, subj, obj, confidence) {
    const meta = [ev.title || 'untitled document', ev.date || 'no date', 'doc ' + ev.doc];
    if (confidence != null) meta.push('confidence ' + Number(confidence).toFixed(2));
    return el('div', { class: 'ev' }, highlighted(ev.sentence || '', subj, obj), el('div', { class: 'meta' }, meta.join(' · ')));
  }

  function showEvidence(d) {
    const subj = G.cy().getElementById(d.source).data() || d.subject;
    const obj = G.cy().getElementById(d.target).data() || d.object;
    $('evidence-fact').replaceChildren(subj.label + ' — ' + d.predicate + ' → ' + obj.label, ...flags(d));
    $('evidence-list').replaceChildren(...(d.evidence || []).map((ev) => evidenceBlock(ev, subj, obj, d.confidence)));
    $('evidence').hidden = false;
  }

  // ---- entities and their facts ----------------------------------------

  function refreshFilters() {
    const f = G.facets();
    const checks = (box, values, hidden) => box.replaceChildren(...values.map((v) => {
      const cb = el('input', { type: 'checkbox', value: v });
      cb.checked = !hidden.has(v);
      cb.addEventListener('change', () => { if (cb.checked) hidden.delete(v); else hidden.add(v); G.applyFilters(); });
      return el('label', {}, cb, v);
    }));
    checks($('filter-rel'), f.rels, G.filter.rels);
    checks($('filter-type'), f.types, G.filter.types);
    const sel = $('filter-doc');
    sel.replaceChildren(el('option', { value: '' }, 'any'), ...f.docs.map(([id, title]) => el('option', { value: id }, title)));
    sel.value = G.filter.doc;
    G.applyFilters();
  }

  function addFact(f) {
    G.addEntity(f.subject);
    G.addEntity(f.object);
    return G.addEdge(f.subject, f.predicate, f.object, f);
  }

  function moreNode(iri, left) {
    const cy = G.cy();
    const id = 'more:' + iri;
    cy.remove(cy.getElementById(id));
    if (left <= 0) return;
    const c = cy.getElementById(iri).position();
    cy.add({ group: 'nodes', classes: 'more', data: { id, label: '+' + left + ' more', more: iri }, position: { x: c.x, y: c.y - 60 } });
    cy.add({ group: 'edges', classes: 'more', data: { id: 'more-edge:' + iri, source: iri, target: id, predicate: '' } });
  }

  function renderDetails(nb) {
    const e = nb.entity;
    $('details-title').textContent = e.label;
    $('details-meta').replaceChildren(el('span', { class: 'type' }, e.type || 'entity'),
      (e.aliases && e.aliases.length ? ' · also ' + e.aliases.join(', ') : ''), ' · ' + nb.total + ' facts');
    const items = G.cy().edges().not('.more').filter((x) => x.source().id() === e.id || x.target().id() === e.id).map((x) => {
      const d = x.data();
      const text = G.cy().getElementById(d.source).data('label') + ' — ' + d.predicate + ' → ' + G.cy().getElementById(d.target).data('label');
      return el('li', {}, el('button', { type: 'button', onclick: () => { G.cy().elements().unselect(); x.select(); showEvidence(d); } }, text), ...flags(d));
    });
    $('details-facts').replaceChildren(...items);
    const p = pages.get(e.id);
    const more = $('details-more');
    more.hidden = !p.more;
    more.textContent = 'Show more (' + (p.total - p.offset) + ' left)';
    more.onclick = guard(() => expand(e.id));
    $('details').hidden = false;
  }

  // expand loads the next page of an entity's facts onto the canvas.
  async function expand(iri) {
    const p = pages.get(iri) || { offset: 0, total: 0, more: true };
    if (!p.more && p.offset > 0) { renderDetails({ entity: G.cy().getElementById(iri).data(), total: p.total }); return; }
    const nb = await api('/api/entity?id=' + encodeURIComponent(iri) + '&limit=' + PAGE + '&offset=' + p.offset);
    const center = nb.entity.id;
    const fresh = [];
    if (G.addEntity(nb.entity)) G.placeAround(center, [center]);
    nb.facts.forEach((f) => {
      [f.subject, f.object].forEach((x) => { if (G.addEntity(x)) fresh.push(x.id); });
      addFact(f);
    });
    G.placeAround(center, fresh);
    pages.set(center, { offset: nb.offset + nb.facts.length, total: nb.total, more: nb.more });
    moreNode(center, nb.more ? nb.total - (nb.offset + nb.facts.length) : 0);
    refreshFilters();
    G.fit();
    G.cy().getElementById(center).select();
    renderDetails(nb);
    return nb;
  }

  // ---- search with autocomplete ---------------------------------------

  let suggestions = [];
  let active = -1;
  let timer = null;

  function renderSuggest() {
    const ul = $('suggest');
    ul.replaceChildren(...suggestions.map((e, i) => el('li', { role: 'option', 'aria-selected': String(i === active),
      onmousedown: (ev) => { ev.preventDefault(); choose(i); } }, el('span', {}, e.label), el('span', { class: 'type' }, e.type || ''))));
    ul.hidden = !suggestions.length;
    $('search').setAttribute('aria-expanded', String(!ul.hidden));
  }

  async function suggest() {
    const q = $('search').value.trim();
    if (!q) { suggestions = []; renderSuggest(); return; }
    const list = await api('/api/entities?prefix=' + encodeURIComponent(q) + '&limit=10');
    if ($('search').value.trim() !== q) return; // typed on
    suggestions = list; active = list.length ? 0 : -1;
    renderSuggest();
  }

  function choose(i) {
    const e = suggestions[i];
    if (!e) return;
    suggestions = []; renderSuggest();
    $('search').value = e.label;
    guard(expand)(e.id);
  }

  // ---- questions, paths, Gizmo ----------------------------------------

  function answerItem(a, subj) {
    const ev = (a.evidence || [])[0];
    // Answers read from sentences (a role, a date, a statement, a phrase) are
    // not graph entities: they have no id and nothing to expand.
    const head = a.entity.id
      ? el('button', { type: 'button', class: 'link', onclick: guard(() => expand(a.entity.id)) }, a.entity.label)
      : el('span', { class: 'answer-text' }, a.entity.label + ' (' + (a.entity.type || 'text') + ')');
    return el('li', {}, head, ' ', el('span', { class: 'type' }, a.predicate + ' · score ' + Number(a.score).toFixed(2)), ...flags(a),
      ev ? evidenceBlock(ev, a.inverse ? a.entity : subj, a.inverse ? subj : a.entity) : null);
  }

  // drawPaths adds the paths' hops to the canvas, highlights the first, and
  // returns each path's hops as canvas ids.
  function drawPaths(paths) {
    const drawn = paths.map((path, pi) => {
      const ids = [];
      const hops = path.map((h) => {
        [h.from, h.to].forEach((x) => { if (G.addEntity(x)) ids.push(x.id); });
        return { edge: G.addEdge(h.from, h.predicate, h.to, h).id(), from: h.from.id, to: h.to.id };
      });
      G.placeLine(ids, pi);
      return hops;
    });
    G.highlightPath(drawn[0] || []);
    return drawn;
  }

  function pathItem(path, hops) {
    const parts = [];
    path.forEach((h, i) => { if (i === 0) parts.push(h.from.label); parts.push(' —' + h.predicate + '→ ', h.to.label); });
    return el('li', {}, el('button', { type: 'button', class: 'link', title: 'highlight this path', onclick: () => G.highlightPath(hops) }, parts.join('')));
  }

  async function ask(q) {
    const res = await api('/api/ask?q=' + encodeURIComponent(q));
    const it = res.interpretation || {};
    const subj = it.subject;
    if (subj) G.addEntity(subj);
    const fresh = [];
    (res.answers || []).forEach((a) => {
      if (!a.entity.id) return;
      if (G.addEntity(a.entity)) fresh.push(a.entity.id);
      if (subj && a.entity.id !== subj.id) G.addEdge(a.inverse ? a.entity : subj, a.predicate, a.inverse ? subj : a.entity, a);
    });
    if (subj) G.placeAround(subj.id, fresh);
    const drawn = drawPaths(res.paths || []);
    refreshFilters();
    G.fit();
    $('answers-title').textContent = res.question;
    $('answers-meta').textContent = 'understood as ' + it.kind + (subj ? ' about ' + subj.label : '') +
      (it.predicate ? ' · ' + it.predicate : '') + ' · ' + (res.answers || []).length + ' answers';
    $('answers-list').replaceChildren(...(res.answers || []).map((a) => answerItem(a, subj)),
      ...(res.paths || []).map((p, i) => pathItem(p, drawn[i])));
    $('answers').hidden = false;
  }

  async function findPath(from, to, hops) {
    const res = await api('/api/path?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to) + '&max_hops=' + hops);
    const drawn = drawPaths(res.paths);
    refreshFilters();
    G.fit();
    $('answers-title').textContent = 'Paths from ' + from + ' to ' + to;
    $('answers-meta').textContent = res.paths.length ? res.paths.length + ' shortest paths' : 'no path within ' + hops + ' hops';
    $('answers-list').replaceChildren(...res.paths.map((p, i) => pathItem(p, drawn[i])));
    $('answers').hidden = false;
  }

  const entityIRI = /^<([^<>]*\/entity\/[^<>]+)>$/;

  // cell shows one Gizmo value as text; an entity IRI expands that entity.
  function cell(v) {
    const text = typeof v === 'string' ? v : JSON.stringify(v);
    const m = typeof v === 'string' && entityIRI.exec(v);
    return el('td', {}, m ? el('button', { type: 'button', class: 'link', onclick: guard(() => expand(m[1])) }, text) : text);
  }

  async function runGizmo(text) {
    const res = await api('/api/v1/query/gizmo', { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain' } });
    const rows = res.result || [];
    const cols = [];
    rows.forEach((r) => { if (r && typeof r === 'object' && !Array.isArray(r)) Object.keys(r).forEach((k) => cols.includes(k) || cols.push(k)); });
    const keys = cols.length ? cols : ['value'];
    const table = el('table', {}, el('thead', {}, el('tr', {}, ...keys.map((k) => el('th', {}, k)))),
      el('tbody', {}, ...rows.map((r) => el('tr', {}, ...keys.map((k) => cell(cols.length ? r[k] : r))))));
    $('gizmo-out').replaceChildren(el('p', {}, rows.length + ' results'), table);
    const iris = new Set();
    rows.forEach((r) => Object.values(cols.length ? r : { value: r }).forEach((v) => {
      const m = typeof v === 'string' && entityIRI.exec(v);
      if (m) iris.add(m[1]);
    }));
    const fresh = [];
    [...iris].slice(0, 50).forEach((iri) => { if (G.addEntity({ id: iri })) fresh.push(iri); G.cy().getElementById(iri).addClass('gizmo'); });
    G.placeAround(fresh[0], fresh);
    refreshFilters();
    if (fresh.length) G.fit();
  }

  // ---- wiring ----------------------------------------------------------

  // exportButtons download the graph: straight from the server (streamed to
  // disk) when no token is needed, else through fetch with the token.
  function exportButtons() {
    ['nquads', 'ntriples', 'turtle', 'jsonld', 'graphml', 'csv'].forEach((f) => {
      const href = '/api/export?format=' + f;
      const b = el('button', { type: 'button', 'data-format': f }, f);
      b.addEventListener('click', guard(async () => {
        if (!token) { el('a', { href, download: 'kg.' + f }).click(); return; }
        const r = await fetch(href, { headers: { Authorization: 'Bearer ' + token } });
        if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText);
        const a = el('a', { href: URL.createObjectURL(await r.blob()), download: 'kg.' + f });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      }));
      $('export').append(b);
    });
  }

  function wire() {
    const onSubmit = (id, fn) => $(id).addEventListener('submit', (ev) => { ev.preventDefault(); guard(fn)(); });
    $('search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(guard(suggest), 120); });
    $('search').addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (suggestions.length) active = (active + (ev.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length;
        renderSuggest();
      } else if (ev.key === 'Escape') { suggestions = []; renderSuggest(); }
    });
    $('search').addEventListener('blur', () => setTimeout(() => { suggestions = []; renderSuggest(); }, 150));
    onSubmit('search-form', async () => {
      if (!suggestions.length) await suggest();
      if (suggestions.length) choose(Math.max(0, active)); else status('no entity starts with that', true);
    });
    onSubmit('ask-form', () => ask($('question').value.trim()));
    onSubmit('path-form', () => findPath($('path-from').value.trim(), $('path-to').value.trim(), $('path-hops').value));
    onSubmit('gizmo-form', () => runGizmo($('gizmo').value));
    const setFilter = () => {
      G.filter.doc = $('filter-doc').value; G.filter.from = $('filter-from').value; G.filter.to = $('filter-to').value;
      G.applyFilters();
    };
    ['filter-doc', 'filter-from', 'filter-to'].forEach((id) => $(id).addEventListener('change', setFilter));
    $('filter-reset').addEventListener('click', () => {
      G.filter.rels.clear(); G.filter.types.clear();
      ['filter-doc', 'filter-from', 'filter-to'].forEach((id) => { $(id).value = ''; });
      setFilter(); refreshFilters();
    });
    $('fit').addEventListener('click', () => G.fit());
    $('clear').addEventListener('click', () => { G.cy().elements().remove(); pages.clear(); refreshFilters(); });
    exportButtons();
  }

  G.init($('cy'), {
    node: (id, d) => guard(expand)(d.more || id),
    edge: (d) => { if (d.evidence) showEvidence(d); },
  });
  wire();
  window.kgExplorer = { cy: G.cy, expand, ask, findPath, runGizmo, ready: performance.now() };
  document.body.dataset.ready = 'true';
}());

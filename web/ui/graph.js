// graph.js: the canvas (cytoscape), its elements and the filters.
// Text from the graph is only ever set with textContent or as cytoscape
// labels (drawn on a canvas), never parsed as HTML.
'use strict';

window.kgGraph = (function () {
  const TYPE_COLORS = {
    Person: '#3b7dd8', Organization: '#2e9e6b', Place: '#c77b1b', Event: '#a23fa8', Concept: '#7a8794',
  };
  const style = [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4,
      'background-color': '#7a8794', width: 22, height: 22, 'text-wrap': 'ellipsis', 'text-max-width': 140,
    } },
    ...Object.entries(TYPE_COLORS).map(([t, c]) => ({ selector: `node[type="${t}"]`, style: { 'background-color': c } })),
    { selector: 'node.more', style: {
      shape: 'round-rectangle', 'background-color': '#eef2f6', 'border-width': 1, 'border-color': '#5b6b7a',
      width: 60, height: 18, 'text-valign': 'center', 'text-margin-y': 0, 'font-size': 10,
    } },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#22313f' } },
    { selector: 'edge', style: {
      label: 'data(predicate)', 'font-size': 9, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      width: 'mapData(confidence, 0, 1, 1, 4)', 'line-color': '#9aa7b4', 'target-arrow-color': '#9aa7b4',
      'text-rotation': 'autorotate', 'text-background-color': '#fbfcfd', 'text-background-opacity': 0.8,
    } },
    { selector: 'edge[?hedged]', style: { 'line-style': 'dashed', 'line-color': '#d4a24c', 'target-arrow-color': '#d4a24c' } },
    { selector: 'edge.more', style: { 'line-style': 'dotted', label: '', 'target-arrow-shape': 'none' } },
    { selector: 'edge:selected', style: { 'line-color': '#22313f', 'target-arrow-color': '#22313f' } },
    { selector: '.path', style: { 'line-color': '#d62839', 'target-arrow-color': '#d62839', 'border-width': 3, 'border-color': '#d62839', 'z-index': 10 } },
    { selector: 'node.gizmo', style: { 'border-width': 3, 'border-color': '#7b2cbf' } },
    { selector: '.filtered', style: { display: 'none' } },
  ];

  let cy = null;
  const filter = { rels: new Set(), types: new Set(), doc: '', from: '', to: '' }; // rels and types hold the hidden ones

  function init(container, handlers) {
    cy = cytoscape({ container, style, minZoom: 0.1, maxZoom: 2.5, wheelSensitivity: 0.3, boxSelectionEnabled: false });
    cy.on('tap', 'node', (ev) => handlers.node(ev.target.id(), ev.target.data()));
    cy.on('tap', 'edge', (ev) => handlers.edge(ev.target.data()));
    return cy;
  }

  // slugLabel turns an entity IRI into a readable label until the entity is loaded.
  function slugLabel(iri) {
    const i = iri.lastIndexOf('/');
    let s = iri.slice(i + 1);
    try { s = decodeURIComponent(s); } catch (e) { /* keep it as it is */ }
    return s.replace(/_/g, ' ');
  }

  // addEntity adds or updates an entity node; it reports whether the node is new.
  function addEntity(e) {
    const n = cy.getElementById(e.id);
    const data = { id: e.id, label: e.label || slugLabel(e.id), type: e.type || '', aliases: e.aliases || [] };
    if (n.length) {
      if (e.label) n.data(data);
      return false;
    }
    cy.add({ group: 'nodes', data });
    return true;
  }

  function edgeKey(s, p, o, f) {
    return ['e', s, p, o, f.negated ? 'neg' : '', f.modality || '', f.attributed_to ? f.attributed_to.id : ''].join('\u0001');
  }

  // addEdge adds a fact between two entities (both added first) and merges
  // the evidence of facts already drawn with the same key.
  function addEdge(subj, pred, obj, f) {
    const id = edgeKey(subj.id, pred, obj.id, f);
    const evidence = f.evidence || [];
    const old = cy.getElementById(id);
    if (old.length) {
      const seen = new Set(old.data('evidence').map((e) => e.doc + ':' + e.start));
      const merged = old.data('evidence').concat(evidence.filter((e) => !seen.has(e.doc + ':' + e.start)));
      old.data({ evidence: merged, confidence: Math.max(old.data('confidence'), f.confidence || 0) });
      return old;
    }
    return cy.add({ group: 'edges', data: {
      id, source: subj.id, target: obj.id, predicate: pred, confidence: f.confidence || f.score || 0,
      negated: !!f.negated, modality: f.modality || '', attributed_to: f.attributed_to || null,
      hedged: !!(f.negated || f.modality || f.attributed_to), evidence,
      subject: subj, object: obj,
    } });
  }

  // placeAround puts new nodes on a ring around the center node, leaving the
  // others where they are, so that the canvas stays readable as it grows.
  function placeAround(centerId, ids) {
    if (!ids.length) return;
    const c = cy.getElementById(centerId);
    const cp = c.length && !ids.includes(centerId) ? c.position() : { x: 0, y: 0 };
    const r = Math.min(420, 140 + 10 * ids.length);
    const off = (cy.nodes().length % 7) * 0.37;
    ids.forEach((id, i) => {
      const a = off + (2 * Math.PI * i) / ids.length;
      cy.getElementById(id).position({ x: cp.x + r * Math.cos(a), y: cp.y + r * Math.sin(a) });
    });
  }

  // placeLine puts new nodes in a row below what the canvas shows, so that
  // a path reads from left to right without covering other nodes.
  function placeLine(ids, row) {
    const others = cy.nodes().filter((n) => !ids.includes(n.id()));
    const bb = others.length ? others.boundingBox() : { x1: 0, y2: 0 };
    ids.forEach((id, i) => cy.getElementById(id).position({ x: bb.x1 + i * 200, y: bb.y2 + 120 + row * 120 }));
  }

  function edgeVisible(d) {
    if (filter.rels.has(d.predicate)) return false;
    const ev = d.evidence || [];
    if (filter.doc && !ev.some((e) => e.doc === filter.doc)) return false;
    if (filter.from || filter.to) {
      return ev.some((e) => e.date && (!filter.from || e.date >= filter.from) && (!filter.to || e.date <= filter.to));
    }
    return true;
  }

  // applyFilters hides what the filters leave out.
  function applyFilters() {
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass('filtered', !n.hasClass('more') && filter.types.has(n.data('type'))));
      cy.edges().forEach((e) => e.toggleClass('filtered', !e.hasClass('more') && !edgeVisible(e.data())));
    });
  }

  // facets lists what the filters may choose from in the loaded graph.
  function facets() {
    const rels = new Set(); const types = new Set(); const docs = new Map();
    cy.edges().not('.more').forEach((e) => {
      rels.add(e.data('predicate'));
      (e.data('evidence') || []).forEach((ev) => docs.set(ev.doc, ev.title || ev.doc));
    });
    cy.nodes().not('.more').forEach((n) => n.data('type') && types.add(n.data('type')));
    return { rels: [...rels].sort(), types: [...types].sort(), docs: [...docs.entries()].sort((a, b) => a[1].localeCompare(b[1])) };
  }

  function highlightPath(hops) {
    cy.elements('.path').removeClass('path');
    hops.forEach((h) => {
      cy.getElementById(h.edge).addClass('path');
      cy.getElementById(h.from).addClass('path');
      cy.getElementById(h.to).addClass('path');
    });
  }

  function fit() { cy.fit(cy.elements(':visible'), 50); }

  return { init, addEntity, addEdge, placeAround, placeLine, applyFilters, facets, highlightPath, fit, filter, slugLabel,
    cy: () => cy };
}());

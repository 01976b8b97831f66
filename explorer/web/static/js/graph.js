// The reasoning graph drawn for a room (cytoscape, vendored): whatever nodes and edges the API gives,
// laid out in layers (findings, patterns, then conditions and red flags) in screen pixels from the
// container's width and the page's own font size, so labels are as large as the text around them
// (projector mode's larger type included) and never drawn smaller, whatever the zoom.

const NODE = 16; // a node's size in pixels at zoom 1
const PAD = 12;
const g = { cy: null, font: 16, wrap: 120, height: 0, fitted: false };

// Layers: findings, then patterns by how many patterns they rest on, then conditions and red flags.
export function layers(network) {
  const from = new Map();
  network.edges.forEach((e) => from.set(e.to, [...(from.get(e.to) || []), e.from]));
  const depth = new Map();
  const layerOf = (id, seen = new Set()) => {
    if (depth.has(id)) return depth.get(id);
    if (!id.startsWith("pattern:") || seen.has(id)) return 0;
    seen.add(id);
    const below = (from.get(id) || []).map((p) => layerOf(p, seen));
    const value = 1 + Math.max(0, ...below);
    depth.set(id, value);
    return value;
  };
  const last = 1 + Math.max(0, ...network.nodes.map((n) => layerOf(n.id)));
  return (node) => (node.kind === "finding" ? 0 : node.kind === "pattern" ? layerOf(node.id) : last);
}

// The nodes of each layer, each placed near the nodes it comes from (fewer crossing edges).
function orderedLayers(network) {
  const layerOf = layers(network);
  const count = 1 + Math.max(0, ...network.nodes.map(layerOf));
  const from = new Map();
  network.edges.forEach((e) => from.set(e.to, [...(from.get(e.to) || []), e.from]));
  const rank = new Map();
  return Array.from({ length: count }, (_, layer) => {
    const nodes = network.nodes.filter((n) => layerOf(n) === layer);
    const near = (n) => {
      const placed = (from.get(n.id) || []).filter((id) => rank.has(id)).map((id) => rank.get(id));
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Infinity;
    };
    const ordered = nodes.map((n, i) => [near(n), i, n]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
    ordered.forEach((n, i) => rank.set(n.id, i / Math.max(1, ordered.length - 1)));
    return ordered;
  });
}

// Lines a label takes when wrapped at ``wrap`` pixels (an estimate from its length: bold text included).
const lines = (label, font, wrap) => Math.max(1, Math.ceil((label.length * font * 0.6) / wrap));

// Wide enough: each layer a column, each node's label wrapped below it; narrow (a phone): an outline,
// one node a row, indented by its layer, its label to its right across the rest of the width.
function layout(network, width, font) {
  const columns = orderedLayers(network);
  return width / columns.length >= 9 * font ? columnLayout(columns, width, font) : outlineLayout(columns, width, font);
}

function columnLayout(columns, width, font) {
  const column = width / columns.length;
  const wrap = column - font;
  const tall = (n) => NODE + font * 1.25 * lines(n.label, font, wrap) + font;
  // At least a screenful in proportion to the width, so a short path is spread out, not huddled.
  const needed = Math.max(...columns.map((nodes) => nodes.reduce((sum, n) => sum + tall(n), 0)));
  const height = Math.max(needed, Math.min(Math.max(width * 0.55, 20 * font), 24 * font));
  const positions = new Map();
  columns.forEach((nodes, layer) => {
    const gap = (height - nodes.reduce((sum, n) => sum + tall(n), 0)) / nodes.length;
    let y = PAD + gap / 2;
    nodes.forEach((n) => {
      positions.set(n.id, { x: (layer + 0.5) * column, y: y + NODE / 2 });
      y += tall(n) + gap;
    });
  });
  return { positions, wrap, height: height + 2 * PAD, outline: false };
}

function outlineLayout(columns, width, font) {
  const indent = Math.min(1.5 * font, width / (4 * columns.length));
  const wrap = width - 2 * PAD - NODE - (columns.length - 1) * indent - font / 2;
  const positions = new Map();
  let y = PAD;
  columns.forEach((nodes, layer) => nodes.forEach((n) => {
    const tall = Math.max(NODE, font * 1.25 * lines(n.label, font, wrap)) + font;
    positions.set(n.id, { x: PAD + NODE / 2 + layer * indent, y: y + tall / 2 });
    y += tall;
  }));
  return { positions, wrap, height: y + PAD, outline: true };
}

// The page's root font size: 16px, 24px in projector mode.
function pageFont() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

// Labels keep their size on screen when the view zooms out, and grow with it when it zooms in.
const scale = () => 1 / Math.min(g.cy ? g.cy.zoom() : 1, 1);
// Zoomed far out (the whole network fitted to a screen), only the case's labels are drawn: the rest
// would pile up on each other; the table below still names every node.
const MARKED = ["lit", "current", "known", "known-absent", "chosen"];
const labelShown = (node) => (g.cy && g.cy.zoom() < 0.6 && !MARKED.some((c) => node.hasClass(c)) ? 0 : 1);

export function drawGraph(container, network, onSelect) {
  if (g.cy) g.cy.destroy();
  g.font = pageFont();
  const width = container.clientWidth || 320;
  const { positions, wrap, height, outline } = layout(network, width, g.font);
  g.wrap = wrap;
  g.height = height;
  sizeContainer(container);
  const nodes = network.nodes.map((n) => ({
    data: { id: n.id, label: n.label, kind: n.kind }, position: positions.get(n.id),
  }));
  const edges = network.edges.map((e, i) => ({
    data: { id: `e${i}`, source: e.from, target: e.to, rule: e.rule, negated: e.negated ? "yes" : "no" },
  }));
  g.cy = window.cytoscape({
    container, elements: { nodes, edges }, layout: { name: "preset" }, style: graphStyle(outline),
    userZoomingEnabled: false, boxSelectionEnabled: false, autoungrabify: true, minZoom: 0.2, maxZoom: 4,
  });
  g.cy.on("zoom", () => g.cy.style().update());
  g.cy.on("tap", "node", (event) => onSelect(event.target.id()));
  fitGraph();
  return g.cy;
}

// Full size (every label at the page's text size, the page scrolls) or, "fitted", no taller than the
// window: the whole graph in one screen, its labels still at least the page's text size.
function sizeContainer(container) {
  const tall = g.fitted ? Math.min(g.height, window.innerHeight - 4 * g.font) : g.height;
  container.style.height = `${Math.max(tall, 8 * g.font)}px`;
}

export function toggleFit() {
  g.fitted = !g.fitted;
  if (!g.cy) return g.fitted;
  sizeContainer(g.cy.container());
  fitGraph();
  g.cy.container().scrollIntoView({ block: "nearest" });
  return g.fitted;
}

function fitGraph() {
  if (!g.cy) return;
  g.cy.resize();
  g.cy.fit(undefined, PAD);
  if (g.cy.zoom() > 1) {
    g.cy.zoom(1);
    g.cy.center();
  }
}

export function zoomGraph(factor) {
  if (!g.cy) return;
  const c = g.cy.container();
  g.cy.zoom({ level: g.cy.zoom() * factor, renderedPosition: { x: c.clientWidth / 2, y: c.clientHeight / 2 } });
}

// Zoom to one node and mark it, so the class sees which node the list or a click chose.
export function showNode(id) {
  if (!g.cy) return;
  const node = g.cy.getElementById(id);
  g.cy.elements().removeClass("chosen");
  if (node.empty()) return;
  node.addClass("chosen");
  g.cy.zoom(Math.max(g.cy.zoom(), 1.5));
  g.cy.center(node);
}

function graphStyle(outline) {
  const beside = { "text-valign": "center", "text-halign": "right", "text-margin-x": 6, "text-justification": "left" };
  return [
    { selector: "node", style: { label: "data(label)", width: NODE, height: NODE, "background-color": "#6e7781",
      "font-family": 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif', color: "#000",
      "font-size": () => g.font * scale(), "text-opacity": labelShown, "text-max-width": () => `${g.wrap * scale()}px`,
      "text-wrap": "wrap", "text-valign": "bottom", "text-halign": "center", "text-margin-y": 3,
      "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
    ...(outline ? [{ selector: "node", style: beside }] : []),
    { selector: "node[kind = 'pattern']", style: { shape: "diamond", "background-color": "#6f42c1" } },
    { selector: "node[kind = 'condition']", style: { shape: "round-rectangle", "background-color": "#0b5cad" } },
    { selector: "node[kind = 'red_flag']", style: { shape: "triangle", "background-color": "#a40e26" } },
    { selector: "edge", style: { width: 2, "line-color": "#8c959f", "curve-style": "bezier", opacity: 0.7,
      "target-arrow-shape": "triangle", "target-arrow-color": "#8c959f" } },
    { selector: "edge[negated = 'yes']", style: { "line-style": "dashed" } },
    { selector: ".known", style: { "border-width": 3, "border-color": "#1a7f37" } },
    { selector: ".known-absent", style: { "border-width": 3, "border-color": "#b42318" } },
    { selector: ".lit", style: { "background-color": "#e8590c", "line-color": "#e8590c",
      "target-arrow-color": "#e8590c", width: 4, opacity: 1, "font-weight": "bold" } },
    { selector: "node.lit", style: { width: NODE, height: NODE } },
    { selector: ".current", style: { "background-color": "#ffb000", "line-color": "#ffb000",
      "target-arrow-color": "#ffb000",
      width: 6, "border-width": 4, "border-color": "#000", opacity: 1, "z-index": 10, "font-weight": "bold" } },
    { selector: "node.current", style: { width: NODE + 4, height: NODE + 4 } },
    { selector: "node.chosen", style: { "overlay-color": "#0b5cad", "overlay-opacity": 0.25, "overlay-padding": 8 } },
  ];
}

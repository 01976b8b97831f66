// The graph's twin: the same nodes and edges as a table, one row per node with its kind, its label and
// what it comes from and leads to (with the rule of each link), so a keyboard or a screen reader reaches
// every node the graph draws. Each node's button shows it in the graph and lists its rules. ``mark``: what
// follows a rule's id (" (learner's rule)" for a rule of the Lab's pack).
import { h } from "./dom.js";

const KIND = { finding: "finding", pattern: "pattern", condition: "condition", red_flag: "red flag" };

export function twinTable(network, onShow, mark = () => "") {
  const label = new Map(network.nodes.map((n) => [n.id, n.label]));
  const links = (ids) => (ids.length ? h("ul", {}, ids.map(([id, rule, negated]) => h("li", {},
    `${label.get(id) || id}${negated ? " (reported absent)" : ""}, rule ${rule}${mark(rule)}`))) : "none");
  const from = (id) => network.edges.filter((e) => e.to === id).map((e) => [e.from, e.rule, e.negated]);
  const to = (id) => network.edges.filter((e) => e.from === id).map((e) => [e.to, e.rule, e.negated]);
  return h("table", { class: "twin" },
    h("caption", {}, `${network.nodes.length} nodes and ${network.edges.length} links, as drawn above`),
    h("thead", {}, h("tr", {},
      ["Node", "Kind", "Comes from", "Leads to", "This case"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, network.nodes.map((n) => h("tr", { "data-node": n.id },
      h("th", { scope: "row" }, h("button", {
        type: "button", class: "quiet", "aria-label": `${n.label}: show in the graph`,
        onclick: () => onShow(n.id, n.label),
      }, n.label)),
      h("td", {}, KIND[n.kind] || n.kind),
      h("td", {}, links(from(n.id))),
      h("td", {}, links(to(n.id))),
      h("td", { class: "case-state" }, "")))));
}

// What the case says of each node at the current step, written into the rows in place (focus stays put).
export function twinStates(table, stateOf) {
  table.querySelectorAll("tr[data-node]").forEach((row) => {
    const cell = row.querySelector(".case-state");
    const text = stateOf(row.dataset.node);
    if (cell.textContent !== text) cell.textContent = text;
  });
}

// The page's router (#explore, #reasoning, #ask, #rules, #cases, #lab), projector mode and printing.
import { api, errorBox, replace } from "./dom.js";
import { initAsk } from "./ask.js";
import { initExplore } from "./explore.js";
import { initLab, showLab } from "./lab.js";
import { showCases, showLibrary } from "./library.js";
import { initReasoning, showReasoning } from "./reasoning.js";

const PAGES = { explore: null, reasoning: showReasoning, ask: null, rules: showLibrary, cases: showCases,
  lab: showLab };

async function route() {
  const name = location.hash.slice(1) in PAGES ? location.hash.slice(1) : "explore";
  for (const page of Object.keys(PAGES)) {
    document.getElementById(`page-${page}`).hidden = page !== name;
    document.querySelector(`nav a[data-page="${page}"]`).toggleAttribute("aria-current", page === name);
    if (page === name) document.querySelector(`nav a[data-page="${page}"]`).setAttribute("aria-current", "page");
  }
  const section = document.getElementById(`page-${name}`);
  try {
    if (PAGES[name]) await PAGES[name]();
  } catch (error) { section.append(errorBox(error)); }
}

function projector() {
  const button = document.getElementById("projector");
  button.addEventListener("click", () => {
    const on = document.documentElement.classList.toggle("projector");
    button.setAttribute("aria-pressed", String(on));
    document.dispatchEvent(new CustomEvent("projector", { detail: on })); // the graph lays itself out again
  });
}

// Printing shows every suggestion's details, not just the open ones.
window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => { d.open = true; }));

initExplore();
initReasoning();
initAsk();
initLab();
projector();
window.addEventListener("hashchange", route);
route();
api("/api/conditions").then((data) => replace(document.getElementById("disclaimer"), data.disclaimer)).catch(() => {});

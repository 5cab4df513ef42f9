/* Support Navigator widget: <support-navigator api-base="https://…">. No dependencies; talks only to api-base.
   Every text from the API is untrusted: nodes are built with textContent, links are http(s) only. */
(() => {
  "use strict";
  if (customElements.get("support-navigator")) return;
  const SCRIPT = document.currentScript;
  const DEFAULT_BASE = SCRIPT && SCRIPT.src ? new URL("..", SCRIPT.src).href : "";

  const STRINGS = {
    title: "Find support for your health innovation",
    intro: "We suggest the support offers in the Leeds City Region that fit you best, say why, and tell you how to start.",
    loadingForm: "Loading the questions…",
    waysLabel: "How would you like to start?",
    waysIntro: "Not sure where you are? Answer a few questions, or describe your innovation in your own words. If you know your stage and needs, choose them yourself.",
    wayGuided: "Answer a few questions",
    wayDescribe: "Describe your innovation",
    wayExpert: "I know what I need",
    stepOf: "{number} of {total}",
    next: "Next",
    back: "Back",
    review: "Review my answers",
    skipHint: "You can skip any question: choose Next without an answer.",
    answersHeading: "Your answers",
    answersIntro: "Check them, change any, then find support.",
    notAnswered: "Not answered",
    notAnOption: "“{value}” (not one of the choices)",
    change: "Change",
    changeAnswer: "Change your answer to: {question}",
    answerSomething: "Answer at least one question, so we can match you.",
    describeLabel: "Describe your innovation",
    describeHint: "A sentence or two: what it is, how far you have got, and what you need next. At most 1,000 characters. We read it to match you; it is never stored.",
    describeSomething: "Write a sentence or two about your innovation first.",
    pathwayLegend: "Where are you on the innovation pathway?",
    stageLabel: "Pathway stage",
    trlLabel: "Or your technology readiness level (TRL)",
    notSure: "Not sure",
    stageOption: "{number}: {name}",
    trlOption: "TRL {level}: {name}",
    crosswalkIntro: "Technology readiness levels run from 1 (an idea being explored) to 9 (a product in everyday use). Choose a stage or a TRL, whichever you know; we work out the other.",
    crosswalkStage: "Stage {number}, {name}, usually covers TRL {min} to {max}.",
    crosswalkTrl: "TRL {level} fits {stages}.",
    crosswalkTrlStage: "stage {number} ({name})",
    crosswalkOr: " or ",
    crosswalkMismatch: "TRL {level} does not fit stage {number}, which covers TRL {min} to {max}. Change one of them, or set one to “Not sure”.",
    needsLegend: "What do you need? Choose any that apply",
    moreSpecific: "More specific",
    moreSpecificOf: "More specific: {name}",
    sectorLabel: "Sector",
    organisationLabel: "Your organisation",
    locationLabel: "Where you are based",
    anyOption: "Any or prefer not to say",
    keywordsLabel: "Keywords (optional)",
    keywordsHint: "For example: software as a medical device",
    submit: "Find support",
    needSomething: "Choose a pathway stage, a TRL, at least one need, or type some keywords, so we can match you.",
    loading: "Finding support…",
    searchLabel: "Your search:",
    fromAnswers: "From your answers:",
    fromDescription: "From your description:",
    changeSearch: "Change your search",
    summaryStage: "Stage {number}",
    summaryTrl: "TRL {level}",
    summaryKeywords: "“{keywords}”",
    summaryNothing: "Everything",
    summaryNothingYet: "nothing to search for yet",
    resultsOne: "1 offer that fits you",
    resultsMany: "{count} offers that fit you",
    announceResults: "{heading}. Results follow.",
    emptyHeading: "No offers fit all of that",
    empty: "What would help: choose fewer needs, a wider location, or fewer keywords. Or ask one of the services below, who can point you to the right door.",
    nearHeading: "Nearly fits",
    nearIntro: "These would fit, but for one thing:",
    understoodHeading: "What we took from what you told us",
    understoodIntro: "If something is wrong, change it and search again.",
    inferStage: "Stage {number}: {name}",
    inferTrl: "TRL {value}",
    inferKeywords: "Words: “{value}”",
    inferBecause: "{because}.",
    fromAnswer: "From your answer to “{question}”.",
    fromText: "From your description.",
    correct: "Change",
    correctThis: "Change {field}",
    followUpHeading: "Tell us more for a better match",
    followUpAnswer: "Answer this",
    followUpDescribe: "Add to your description",
    needMoreHeading: "Tell us a little more",
    needMore: "We could not yet tell what to look for. Each of these would help:",
    frontDoorHeading: "Not what you need?",
    frontDoorIntro: "These services can point you to the right support:",
    listView: "Ranked list",
    routeView: "Your route",
    routeHeading: "Your route through the pathway",
    routeIntro: "The best offers for you at each stage, from where you are now onwards.",
    routeStage: "Stage {number}: {name}",
    youAreHere: "You are here",
    routeEmpty: "Nothing specific for this stage yet.",
    recursOne: "Also at stage {stages}",
    recursMany: "Also at stages {stages}",
    provider: "Provided by {name}",
    why: "Why we suggest it",
    nextStep: "Next step:",
    visit: "Go to {name}",
    forthcoming: "Opening soon",
    "cost-free": "Free",
    "cost-paid": "Paid",
    "cost-varies": "Cost varies",
    "cost-equity": "For equity",
    opensNewTab: "(opens in a new tab)",
    copyLink: "Copy a link to these results",
    linkCopied: "Link copied. Anyone opening it sees these results.",
    linkNotCopied: "Copy this page's address to share these results.",
    unreachable: "We can't reach the support navigator just now. Check your connection, then try again.",
    serverTrouble: "The support navigator is having trouble just now. Please try again in a moment.",
    checkAnswers: "Please check your answers: {detail}",
    checkFields: "Please check the marked answers.",
    retry: "Try again",
  };

  const CSS = `
:host{--sn-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--sn-text:#1f2328;--sn-muted:#4a5360;--sn-bg:#fff;
--sn-surface:#f4f6f8;--sn-border:#6b7480;--sn-accent:#005eb8;--sn-accent-text:#fff;--sn-focus:#1f2328;--sn-error:#b3261e;
--sn-radius:6px;--sn-gap:1rem;display:block;font-family:var(--sn-font);color:var(--sn-text);background:var(--sn-bg);line-height:1.5}
:host([hidden]){display:none}
*{box-sizing:border-box}
.sn,.panel,.results,.block{display:grid;gap:var(--sn-gap)}
h2,h3,h4,h5,h6{margin:0;line-height:1.25}
p{margin:0}
form{display:grid;gap:var(--sn-gap)}
fieldset{border:1px solid var(--sn-border);border-radius:var(--sn-radius);padding:.75rem 1rem;margin:0;display:grid;gap:.5rem;min-width:0}
legend{font-weight:600;padding:0 .25rem}
.q legend{font-size:1.15em;padding:0}
.q,.bare{border:0;padding:0}
.bare legend{padding:0;margin-bottom:.25rem}
label{font-weight:600;display:block}
.field{display:grid;gap:.25rem;min-width:0}
fieldset>.field{max-width:36rem}
.row{display:grid;align-items:start;gap:var(--sn-gap);grid-template-columns:repeat(auto-fit,minmax(min(100%,14rem),1fr))}
select,input[type=search],textarea{font:inherit;color:var(--sn-text);background:var(--sn-bg);border:1px solid var(--sn-border);
border-radius:var(--sn-radius);padding:.5rem;min-height:2.75rem;width:100%;max-width:100%}
textarea{min-height:7rem;resize:vertical}
.hint,.meta,.step{color:var(--sn-muted)}
.step{font-weight:600}
.needs{list-style:none;margin:0;padding:0;display:grid;gap:.25rem 1.5rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr))}
.needs ul{list-style:none;margin:.25rem 0 .25rem 1.75rem;padding:0;display:grid;gap:.25rem}
.needs summary{margin-left:1.75rem;color:var(--sn-accent);font-weight:600;cursor:pointer;width:max-content;max-width:100%;min-height:1.5rem}
.check,.option{display:flex;gap:.6rem;align-items:flex-start;font-weight:400}
.check input,.option input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none;accent-color:var(--sn-accent)}
.stages{display:grid;gap:.35rem 1rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr))}
.options{display:grid;gap:.4rem .75rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr))}
.option{border:1px solid var(--sn-border);border-radius:var(--sn-radius);padding:.55rem .75rem;cursor:pointer}
.option:has(input:checked){border:2px solid var(--sn-accent);background:var(--sn-surface);padding:calc(.55rem - 1px) calc(.75rem - 1px)}
button{font:inherit;font-weight:600;border-radius:var(--sn-radius);padding:.55rem 1.1rem;min-height:2.75rem;cursor:pointer;
border:2px solid var(--sn-accent);background:var(--sn-bg);color:var(--sn-accent)}
button[type=submit],.retry,button[aria-pressed=true]{background:var(--sn-accent);color:var(--sn-accent-text)}
button.small{min-height:2rem;padding:.2rem .7rem}
button:disabled{opacity:.6;cursor:not-allowed}
:focus-visible,.problem:focus{outline:3px solid var(--sn-focus);outline-offset:2px}
h1:focus,h2:focus,h3:focus,h4:focus,h5:focus,h6:focus{outline:none}
.error{color:var(--sn-error);font-weight:600}
[aria-invalid=true]{border:2px solid var(--sn-error)}
.problem{border:2px solid var(--sn-error);border-radius:var(--sn-radius);padding:1rem;display:grid;gap:.5rem;justify-items:start}
.bar,.nav,.ways{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.collapsed{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;background:var(--sn-surface);border-radius:var(--sn-radius);padding:.5rem .75rem}
.collapsed p{font-weight:600;min-width:0;overflow-wrap:anywhere}
ol.list,ol.route,ul.plain,ul.answers{margin:0;padding:0;list-style:none;display:grid;gap:var(--sn-gap)}
ul.answers{gap:.5rem}
.answers li{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;justify-content:space-between;border-bottom:1px solid var(--sn-border);padding:.35rem 0}
.answers li>div{min-width:0;flex:1 1 14rem}
.result{background:var(--sn-surface);border-radius:var(--sn-radius);padding:.75rem 1rem;display:grid;gap:.4rem;min-width:0;overflow-wrap:anywhere}
.result ul,.block ul{margin:0;padding-left:1.25rem}
.block ul.plain{padding:0}
.why-not{font-weight:600}
.understood li{margin-bottom:.35rem}
a{color:var(--sn-accent);font-weight:600}
.go{justify-self:start}
.next{border-left:4px solid var(--sn-accent);padding-left:.6rem;display:grid;gap:.2rem}
.tags{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}
.badge{display:inline-block;border:1px solid currentColor;border-radius:var(--sn-radius);padding:0 .4rem;font-size:.875em;font-weight:600}
.soon{background:var(--sn-text);color:var(--sn-bg);border-color:var(--sn-text)}
.route>li{display:grid;gap:.5rem}
.here{font-weight:600;color:var(--sn-accent)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none!important}`;

  const PARAMS = ["stage", "trl", "sector", "organisation_type", "location", "keywords"];
  const URL_NAMES = { stage: "stage", trl: "trl", needs: "needs", sector: "sector", organisation_type: "org", location: "location", keywords: "q", view: "view", way: "way", step: "step", description: "d" };
  const ANSWER = "a-";
  const WAYS = ["guided", "describe", "expert"];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value == null) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) if (child != null && child !== false) node.append(child);
    return node;
  }

  function safeUrl(value) {
    try {
      const url = new URL(String(value));
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  const words = (slug) => String(slug || "").replace(/[-_]+/g, " ").replace(/^./, (c) => c.toUpperCase());

  class ApiProblem extends Error {
    constructor(kind, body, status) {
      super(kind);
      this.kind = kind;
      this.body = body || {};
      this.status = status || 0;
    }
  }

  class SupportNavigator extends HTMLElement {
    static get observedAttributes() {
      return ["api-base", "data-strings"];
    }

    constructor() {
      super();
      this._strings = null;
      this._taxonomy = null;
      this._controller = null;
      this._lastAction = null;
      this._state = null;
      this._expanded = true;
      this._intakeCache = null;
      this.attachShadow({ mode: "open" });
    }

    // Text strings: defaults, then a child <script type="application/json" slot="strings">, then data-strings, then .strings.
    get strings() {
      if (this._stringCache) return this._stringCache;
      return (this._stringCache = { ...STRINGS, ...this._fromJson(this.querySelector('script[type="application/json"][slot="strings"]')?.textContent), ...this._fromJson(this.dataset.strings), ...(this._strings || {}) });
    }

    set strings(value) {
      this._strings = value && typeof value === "object" ? { ...value } : null;
      this._stringCache = null;
      if (this.isConnected && this._built) this._rebuild();
    }

    _fromJson(text) {
      if (!text) return {};
      try {
        const parsed = JSON.parse(text);
        return parsed && typeof parsed === "object" ? parsed : {};
      } catch {
        return {};
      }
    }

    t(key, vars) {
      const template = String(this.strings[key] ?? STRINGS[key] ?? key);
      return template.replace(/\{(\w+)\}/g, (match, name) => (vars && name in vars ? String(vars[name]) : match));
    }

    get apiBase() {
      const base = this.getAttribute("api-base") || DEFAULT_BASE || location.href;
      return new URL(base, location.href).href.replace(/\/?$/, "/");
    }

    get prefix() {
      return this.getAttribute("state-prefix") ?? "sn-";
    }

    get level() {
      const n = Number(this.getAttribute("heading-level"));
      return n >= 1 && n <= 5 ? n : 2;
    }

    get _urlState() {
      return this.getAttribute("url-state") !== "off";
    }

    connectedCallback() {
      if (!this._built) this._rebuild();
      this._onPop = () => this._urlState && this._restore();
      window.addEventListener("popstate", this._onPop);
    }

    disconnectedCallback() {
      window.removeEventListener("popstate", this._onPop);
      this._controller?.abort();
    }

    attributeChangedCallback(name, before, after) {
      if (this._built && before !== after) {
        if (name === "api-base") this._taxonomy = null;
        this._rebuild();
      }
    }

    _rebuild() {
      this._built = true;
      this._stringCache = null;
      const root = this.shadowRoot;
      if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function" && "replaceSync" in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.replaceChildren(el("style", { text: CSS }));
      }
      const h = this.level;
      this._status = el("p", { class: "sr", role: "status", "aria-live": "polite", "aria-atomic": "true", part: "status" });
      this._problem = el("div", { class: "problem", part: "error", tabindex: "-1", hidden: true });
      this._loading = el("p", { class: "hint", part: "loading", hidden: true, text: this.t("loading") });
      this._ways = el("div", { class: "block", part: "ways", hidden: true });
      this._expert = el("form", { part: "form", novalidate: true, "aria-busy": "true" }, el("p", { class: "hint", text: this.t("loadingForm") }));
      this._guided = el("form", { class: "panel", part: "guided", novalidate: true, hidden: true });
      this._describe = el("form", { class: "panel", part: "describe", novalidate: true, hidden: true });
      this._collapsed = el("div", { class: "collapsed", part: "search-summary", hidden: true });
      this._results = el("section", { class: "results", part: "results", "aria-labelledby": "results-heading", hidden: true });
      const title = this.t("title");
      const container = el(
        "div",
        { class: "sn", part: "container" },
        title ? el(`h${h}`, { part: "title", text: title }) : null,
        this.t("intro") ? el("p", { part: "intro", text: this.t("intro") }) : null,
        this._ways,
        this._expert,
        this._guided,
        this._describe,
        this._collapsed,
        this._status,
        this._loading,
        this._problem,
        this._results
      );
      for (const node of [...root.childNodes]) if (node.nodeName !== "STYLE") node.remove();
      root.append(container);
      this._loadTaxonomy();
    }

    async _api(path, params, signal, body) {
      const url = new URL(path, this.apiBase);
      for (const [name, value] of Object.entries(params || {})) {
        for (const item of Array.isArray(value) ? value : [value]) if (item !== "" && item != null) url.searchParams.append(name, item);
      }
      const init = { signal, headers: { Accept: "application/json" }, credentials: "omit", mode: "cors" };
      if (body) Object.assign(init, { method: "POST", body: JSON.stringify(body), headers: { Accept: "application/json", "Content-Type": "application/json" } });
      let response;
      try {
        response = await fetch(url, init);
      } catch (error) {
        if (error.name === "AbortError") throw error;
        throw new ApiProblem("unreachable");
      }
      let answer = null;
      try {
        answer = await response.json();
      } catch {
        if (response.ok) throw new ApiProblem("server");
      }
      if (response.ok) return answer;
      throw new ApiProblem(response.status >= 400 && response.status < 500 && response.status !== 429 ? "input" : "server", answer, response.status);
    }

    _begin(action) {
      this._controller?.abort();
      this._controller = new AbortController();
      this._lastAction = action;
      this._problem.hidden = true;
      this._loading.hidden = false;
      const timer = setTimeout(() => this._controller?.abort("timeout"), 20000);
      return { signal: this._controller.signal, done: () => clearTimeout(timer) };
    }

    _fail(error, signal, focus, state) {
      if (signal.aborted && signal.reason !== "timeout") return;
      this._loading.hidden = true;
      this._results.hidden = true;
      const problem = error instanceof ApiProblem ? error : new ApiProblem("unreachable");
      const list = el("ul");
      let first = null;
      if (problem.kind === "input" && state) {
        this._expanded = true;
        if (state.way !== "expert") state.step = state.way === "guided" ? "summary" : "";
        this._toUrl(state, false);
        this._showInput(false);
        for (const item of Array.isArray(problem.body.errors) ? problem.body.errors.slice(0, 10) : []) {
          const control = this._markField(state.way, String(item.field ?? ""), String(item.message ?? ""));
          if (control) first = first || control;
          else list.append(el("li", { text: `${item.field ?? ""}: ${item.message ?? ""}` }));
        }
      }
      const message =
        problem.kind === "input"
          ? first && !list.childElementCount
            ? this.t("checkFields")
            : this.t("checkAnswers", { detail: String(problem.body.detail || problem.body.title || "") })
          : this.t(problem.kind === "server" ? "serverTrouble" : "unreachable");
      const retry = el("button", { type: "button", class: "retry", part: "button retry", text: this.t("retry") });
      retry.addEventListener("click", () => this._lastAction?.(true));
      this._problem.replaceChildren(...[el("p", { class: "error", text: message }), list.childElementCount ? list : null, problem.kind === "input" ? null : retry].filter(Boolean));
      this._problem.hidden = false;
      this._announce(message);
      if (focus) (first || this._problem).focus();
    }

    _announce(text) {
      this._status.textContent = "";
      setTimeout(() => (this._status.textContent = text), 50);
    }

    async _loadTaxonomy(userAction) {
      const { signal, done } = this._begin((again) => this._loadTaxonomy(again));
      try {
        if (!this._taxonomy) {
          // Without the guided intake (an older server, or one whose questions fail) the expert form still works.
          const intake = this._api("v1/intake", null, signal).catch((error) => {
            if (error instanceof ApiProblem && error.status) return null;
            throw error;
          });
          const [stages, needs, sectors, types, locations, questions] = await Promise.all(
            ["v1/stages", "v1/needs", "v1/sectors", "v1/organisation-types", "v1/locations"].map((path) => this._api(path, null, signal)).concat([intake])
          );
          const names = {};
          for (const need of needs.needs) for (const term of [need, ...(need.children || [])]) names[term.slug] = term.name;
          for (const term of [...sectors.terms, ...types.terms, ...locations.locations]) names[term.slug] = term.name;
          this._taxonomy = { stages: stages.stages, trls: stages.trls, needs: needs.needs, sectors: sectors.terms, types: types.terms, locations: locations.locations, names, questions: questions && Array.isArray(questions.questions) ? questions.questions : [] };
        }
        done();
        this._loading.hidden = true;
        this._buildForms();
        this._restore(userAction);
      } catch (error) {
        done();
        this._fail(error, signal, userAction);
      }
    }

    // ---- the three ways in -----------------------------------------------------------------------------------

    get _available() {
      return this._taxonomy.questions.length ? WAYS : ["expert"];
    }

    get _defaultWay() {
      const wanted = this.getAttribute("start-with");
      return this._available.includes(wanted) ? wanted : this._available[0];
    }

    _buildForms() {
      const labels = { guided: this.t("wayGuided"), describe: this.t("wayDescribe"), expert: this.t("wayExpert") };
      this._wayButtons = {};
      const bar = el("div", { class: "ways", role: "group", "aria-label": this.t("waysLabel") });
      for (const way of this._available) {
        const button = el("button", { type: "button", "aria-pressed": "false", part: "button way", "data-way": way, text: labels[way] });
        button.addEventListener("click", () => (this._state?.way === way && this._expanded ? this._showInput(true) : this._go(this._blank(way), true, true)));
        this._wayButtons[way] = button;
        bar.append(button);
      }
      this._ways.replaceChildren(el("p", { part: "hint", class: "hint", text: this.t("waysIntro") }), bar);
      this._ways.hidden = this._available.length < 2;
      this._buildExpert();
      this._buildDescribe();
    }

    _blank(way) {
      return { way, step: way === "guided" ? 1 : "", answers: {}, description: "", profile: { needs: [] }, view: this._state?.view || "list" };
    }

    _go(state, push, focus) {
      this._toUrl(state, push);
      this._apply(state, focus);
    }

    _restore(focus) {
      if (!this._taxonomy || !this._expert.elements.stage) return;
      const state = this._urlState || !this._state ? this._fromUrl() : this._state;
      this._apply(state, Boolean(focus));
    }

    _showsResults(state) {
      return state.way === "expert" ? this._hasProfile(state.profile) : state.step === "results";
    }

    _apply(state, focus) {
      this._state = state;
      const showing = this._showsResults(state);
      this._expanded = !showing;
      this._clearErrors();
      this._writeExpert(state.profile);
      this._describe.elements.description.value = state.description;
      this._showInput(focus && !showing);
      if (showing) this._search(state, focus);
      else {
        this._controller?.abort();
        this._loading.hidden = true;
        this._problem.hidden = true;
        this._results.hidden = true;
      }
    }

    _showInput(focus) {
      const way = this._state.way;
      const open = this._expanded;
      for (const [name, button] of Object.entries(this._wayButtons)) button.setAttribute("aria-pressed", String(name === way));
      this._ways.hidden = !open || this._available.length < 2;
      this._expert.hidden = !open || way !== "expert";
      this._describe.hidden = !open || way !== "describe";
      this._guided.hidden = !open || way !== "guided";
      this._collapsed.hidden = open;
      if (way === "guided" && open) this._renderGuided();
      if (!focus || !open) return;
      const guided = this._guided;
      const target = way === "expert" ? this._stageInput() : way === "describe" ? this._describe.elements.description : guided.querySelector("input:checked") || guided.querySelector("input,textarea,[tabindex='-1']");
      target?.focus();
    }

    _expand() {
      this._expanded = true;
      this._showInput(true);
    }

    // ---- guided questions, one at a time ----------------------------------------------------------------------

    _question(id) {
      return this._taxonomy.questions.find((q) => q.id === id);
    }

    _renderGuided() {
      const state = this._state;
      const questions = this._taxonomy.questions;
      const h = `h${Math.min(this.level + 1, 6)}`;
      const form = this._guided;
      const errors = this._answerErrors || {};
      if (typeof state.step !== "number") {
        const rows = questions.map((q) => {
          const change = el("button", { type: "button", class: "small", part: "button change", "aria-label": this.t("changeAnswer", { question: q.text }), text: this.t("change") });
          change.addEventListener("click", () => this._go({ ...state, step: questions.indexOf(q) + 1 }, true, true));
          const error = errors[q.id] ? el("p", { class: "error", id: `answer-${q.id}-error`, part: "field-error", text: errors[q.id] }) : null;
          if (error) change.setAttribute("aria-describedby", error.id);
          return el("li", { "data-question": q.id }, el("div", null, el("p", { text: q.text }), el("p", { class: "hint", text: this._answerText(q, state.answers[q.id]) }), error), change);
        });
        const back = el("button", { type: "button", part: "button back", text: this.t("back") });
        back.addEventListener("click", () => this._go({ ...state, step: questions.length }, true, true));
        this._guidedError = el("p", { class: "error", id: "answers-error", hidden: true, part: "form-error" });
        form.replaceChildren(
          el(h, { id: "answers-heading", tabindex: "-1", part: "answers-heading", text: this.t("answersHeading") }),
          el("p", { class: "hint", text: this.t("answersIntro") }),
          el("ul", { class: "answers", part: "answers" }, ...rows),
          this._guidedError,
          el("div", { class: "nav" }, back, el("button", { type: "submit", part: "button submit", text: this.t("submit") }))
        );
        form.onsubmit = (event) => {
          event.preventDefault();
          if (!Object.keys(state.answers).length) {
            this._refuse(this._guidedError, this.t("answerSomething"), null);
            return form.querySelector("button.small")?.focus();
          }
          this._go({ ...state, step: "results" }, true, true);
        };
        return;
      }
      const index = Math.min(Math.max(state.step, 1), questions.length) - 1;
      const q = questions[index];
      const answer = state.answers[q.id];
      const help = q.help ? el("p", { id: "question-help", class: "hint", part: "hint", text: q.help }) : null;
      const error = errors[q.id] ? el("p", { id: "question-error", class: "error", part: "field-error", text: errors[q.id] }) : null;
      const described = [help && "question-help", error && "question-error"].filter(Boolean).join(" ") || null;
      let body;
      if (q.kind === "text") {
        body = el("div", { class: "field" }, el("label", { for: "answer", class: "sr", text: q.text }), el("textarea", { id: "answer", name: "answer", maxlength: 1000, rows: 4, "aria-describedby": described, "aria-invalid": error ? "true" : null, part: "input" }));
        body.querySelector("textarea").value = typeof answer === "string" ? answer : "";
      } else {
        const chosen = Array.isArray(answer) ? answer : answer ? [answer] : [];
        body = el("div", { class: "options", part: "options" });
        for (const option of q.options || []) {
          const input = el("input", { type: q.kind === "multi" ? "checkbox" : "radio", name: "answer", value: option.id, part: q.kind === "multi" ? "checkbox" : "radio" });
          input.checked = chosen.includes(option.id);
          body.append(el("label", { class: "option", part: "option" }, input, el("span", { text: option.label })));
        }
      }
      const fieldset = el(
        "fieldset",
        { class: "q", part: "question", "data-question": q.id, "aria-describedby": described },
        el("legend", { id: "question-text", text: q.text }),
        help,
        error,
        body
      );
      const nav = el("div", { class: "nav" });
      if (index > 0) {
        const back = el("button", { type: "button", part: "button back", text: this.t("back") });
        back.addEventListener("click", () => this._go({ ...state, answers: this._readAnswer(q), step: index }, true, true));
        nav.append(back);
      }
      nav.append(el("button", { type: "submit", part: "button next", text: index === questions.length - 1 ? this.t("review") : this.t("next") }));
      form.replaceChildren(el("p", { class: "step", part: "step", text: this.t("stepOf", { number: index + 1, total: questions.length }) }), fieldset, el("p", { class: "hint", text: this.t("skipHint") }), nav);
      form.onsubmit = (event) => {
        event.preventDefault();
        this._go({ ...state, answers: this._readAnswer(q), step: index + 2 > questions.length ? "summary" : index + 2 }, true, true);
      };
    }

    _readAnswer(q) {
      const answers = { ...this._state.answers };
      const form = this._guided;
      let value;
      if (q.kind === "text") value = form.elements.answer.value.trim();
      else {
        const chosen = [...form.querySelectorAll('input[name="answer"]:checked')].map((input) => input.value);
        value = q.kind === "multi" ? chosen : chosen[0] || "";
      }
      if (value.length) answers[q.id] = value;
      else delete answers[q.id];
      if (JSON.stringify(answers[q.id]) !== JSON.stringify(this._state.answers[q.id]) && this._answerErrors) delete this._answerErrors[q.id];
      return answers;
    }

    _answerText(q, answer) {
      if (answer == null || answer === "" || (Array.isArray(answer) && !answer.length)) return this.t("notAnswered");
      if (q.kind === "text") return String(answer);
      return (Array.isArray(answer) ? answer : [answer]).map((id) => (q.options || []).find((o) => o.id === id)?.label ?? this.t("notAnOption", { value: id })).join("; ");
    }

    // ---- in your own words ------------------------------------------------------------------------------------

    _buildDescribe() {
      const form = this._describe;
      this._describeError = el("p", { id: "description-error", class: "error", hidden: true, part: "field-error" });
      form.replaceChildren(
        el(
          "div",
          { class: "field", part: "field" },
          el("label", { for: "description", part: "label", text: this.t("describeLabel") }),
          el("p", { id: "description-hint", class: "hint", part: "hint", text: this.t("describeHint") }),
          el("textarea", { id: "description", name: "description", maxlength: 1000, rows: 5, "aria-describedby": "description-hint", part: "input" }),
          this._describeError
        ),
        el("button", { type: "submit", part: "button submit", text: this.t("submit"), class: "go" })
      );
      form.onsubmit = (event) => {
        event.preventDefault();
        const description = form.elements.description.value.trim();
        if (!description) return this._refuse(this._describeError, this.t("describeSomething"), form.elements.description);
        this._go({ ...this._blank("describe"), description, step: "results", view: this._state.view }, true, true);
      };
    }

    _refuse(where, message, control) {
      where.textContent = message;
      where.hidden = false;
      if (control) {
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", [where.id, control.getAttribute("aria-describedby")].filter(Boolean).join(" "));
      }
      this._announce(message);
      control?.focus();
    }

    // ---- the expert form ----------------------------------------------------------------------------------------

    _select(id, label, options, hint) {
      const select = el("select", { id, name: id, "aria-describedby": hint || null, part: "input" }, el("option", { value: "", text: id === "stage" || id === "trl" ? this.t("notSure") : this.t("anyOption") }));
      for (const [value, text] of options) select.append(el("option", { value, text }));
      return el("div", { class: "field", part: "field", "data-field": id }, el("label", { for: id, part: "label", text: label }), select);
    }

    // The stages as radios: their names are too long for a select on a phone.
    _stages(stages) {
      const radio = (value, text, id) => el("label", { class: "check" }, el("input", { type: "radio", name: "stage", id, value, part: "radio" }), el("span", { text }));
      return el(
        "fieldset",
        { class: "bare", part: "field", "data-field": "stage", "aria-describedby": "crosswalk-intro crosswalk" },
        el("legend", { part: "label", text: this.t("stageLabel") }),
        el("div", { class: "stages" }, radio("", this.t("notSure"), "stage"), ...stages.map((s) => radio(s.number, this.t("stageOption", s), `stage-${s.number}`)))
      );
    }

    _stageInput() {
      return this._expert.querySelector('input[name="stage"]:checked') || this._expert.querySelector('input[name="stage"]');
    }

    _buildExpert() {
      const tax = this._taxonomy;
      const form = this._expert;
      const crosswalk = el("p", { id: "crosswalk", class: "hint", "aria-live": "polite", part: "hint" });
      const pathway = el(
        "fieldset",
        { part: "fieldset" },
        el("legend", { text: this.t("pathwayLegend") }),
        el("p", { id: "crosswalk-intro", class: "hint", text: this.t("crosswalkIntro") }),
        this._stages(tax.stages),
        this._select("trl", this.t("trlLabel"), tax.trls.map((l) => [l.level, this.t("trlOption", l)]), "crosswalk-intro crosswalk"),
        crosswalk
      );
      const needList = el("ul", { class: "needs" });
      const check = (need) => el("label", { class: "check" }, el("input", { type: "checkbox", name: "needs", value: need.slug, part: "checkbox" }), el("span", { text: need.name }));
      for (const need of tax.needs) {
        const children = need.children || [];
        const more = children.length
          ? el("details", { part: "more" }, el("summary", null, this.t("moreSpecific"), el("span", { class: "sr", text: `: ${need.name}` })), el("ul", null, ...children.map((child) => el("li", null, check(child)))))
          : null;
        needList.append(el("li", null, check(need), more));
      }
      const needs = el("fieldset", { part: "fieldset", "data-field": "needs" }, el("legend", { text: this.t("needsLegend") }), needList);
      const terms = (list) => list.map((term) => [term.slug, term.name]);
      const about = el(
        "div",
        { class: "row" },
        this._select("sector", this.t("sectorLabel"), terms(tax.sectors)),
        this._select("organisation_type", this.t("organisationLabel"), terms(tax.types)),
        this._select("location", this.t("locationLabel"), terms(tax.locations))
      );
      const keywords = el(
        "div",
        { class: "field", part: "field", "data-field": "keywords" },
        el("label", { for: "keywords", part: "label", text: this.t("keywordsLabel") }),
        el("p", { id: "keywords-hint", class: "hint", text: this.t("keywordsHint") }),
        el("input", { id: "keywords", name: "keywords", type: "search", maxlength: 200, autocomplete: "off", "aria-describedby": "keywords-hint", part: "input" })
      );
      this._formError = el("p", { id: "form-error", class: "error", hidden: true, part: "form-error" });
      const submit = el("button", { type: "submit", part: "button submit", class: "go", text: this.t("submit") });
      form.replaceChildren(pathway, needs, about, keywords, this._formError, submit);
      form.setAttribute("aria-busy", "false");
      form.onchange = () => this._explainCrosswalk();
      form.onsubmit = (event) => {
        event.preventDefault();
        this._submitExpert();
      };
      this._explainCrosswalk();
    }

    _explainCrosswalk() {
      const form = this._expert;
      const stage = this._taxonomy.stages.find((s) => String(s.number) === form.elements.stage.value);
      const trl = this._taxonomy.trls.find((l) => String(l.level) === form.elements.trl.value);
      let text = "";
      let mismatch = false;
      if (stage && trl) {
        mismatch = !trl.stages.includes(stage.number);
        if (mismatch) text = this.t("crosswalkMismatch", { level: trl.level, number: stage.number, min: stage.trl_band[0], max: stage.trl_band[1] });
      }
      if (!text && stage) text = this.t("crosswalkStage", { number: stage.number, name: stage.name, min: stage.trl_band[0], max: stage.trl_band[1] });
      if (!mismatch && trl) {
        const names = trl.stages.map((n) => this._taxonomy.stages.find((s) => s.number === n)).filter(Boolean);
        const fits = this.t("crosswalkTrl", { level: trl.level, stages: names.map((s) => this.t("crosswalkTrlStage", s)).join(this.t("crosswalkOr")) });
        text = stage ? `${text} ${fits}` : fits;
      }
      const hint = form.querySelector("#crosswalk");
      if (hint.textContent !== text) hint.textContent = text;
      hint.classList.toggle("error", mismatch);
      return !mismatch;
    }

    _readExpert() {
      const elements = this._expert.elements;
      const profile = { needs: [...this._expert.querySelectorAll('input[name="needs"]:checked')].map((box) => box.value) };
      for (const name of PARAMS) profile[name] = elements[name].value.trim();
      return profile;
    }

    _writeExpert(profile) {
      const elements = this._expert.elements;
      for (const name of PARAMS) {
        const control = elements[name];
        const value = profile[name] == null ? "" : String(profile[name]);
        if (control instanceof RadioNodeList) {
          const known = [...control].some((radio) => radio.value === value);
          for (const radio of control) radio.checked = radio.value === (known ? value : "");
        } else control.value = control.tagName === "SELECT" && ![...control.options].some((o) => o.value === value) ? "" : value;
      }
      for (const box of this._expert.querySelectorAll('input[name="needs"]')) box.checked = (profile.needs || []).includes(box.value);
      for (const more of this._expert.querySelectorAll("details")) if (more.querySelector("input:checked")) more.open = true;
      this._explainCrosswalk();
    }

    _hasProfile(profile) {
      return Boolean(profile.stage || profile.trl || (profile.needs || []).length || profile.keywords);
    }

    _submitExpert() {
      const profile = this._readExpert();
      this._clearErrors();
      if (!this._hasProfile(profile) || !this._explainCrosswalk()) {
        const message = this._hasProfile(profile) ? this._expert.querySelector("#crosswalk").textContent : this.t("needSomething");
        const stage = this._expert.querySelector('[data-field="stage"]');
        this._refuse(this._formError, message, stage);
        stage.setAttribute("aria-describedby", "form-error crosswalk-intro crosswalk");
        return this._stageInput().focus();
      }
      this._go({ ...this._blank("expert"), profile, view: this._state.view }, true, true);
    }

    // ---- a refusal shown next to the field it names -----------------------------------------------------------

    _clearErrors() {
      this._answerErrors = {};
      for (const node of this.shadowRoot.querySelectorAll(".field-error-added")) node.remove();
      for (const node of this.shadowRoot.querySelectorAll("[aria-invalid]")) {
        node.removeAttribute("aria-invalid");
        const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
        if (described.length) node.setAttribute("aria-describedby", described.join(" "));
        else node.removeAttribute("aria-describedby");
      }
      for (const node of [this._formError, this._describeError]) if (node) node.hidden = true;
    }

    _markField(way, field, message) {
      const parts = field.replace(/^(body|query)[./]/, "").split(/[./[\]]+/).filter(Boolean);
      if (way === "guided" && parts[0] === "answers" && this._question(parts[1])) {
        this._answerErrors[parts[1]] = message;
        this._renderGuided();
        return this._guided.querySelector(`li[data-question="${parts[1]}"] button`);
      }
      if (way === "describe" && parts[0] === "description") {
        this._refuse(this._describeError, message, null);
        const control = this._describe.elements.description;
        control.setAttribute("aria-invalid", "true");
        control.setAttribute("aria-describedby", "description-error description-hint");
        return control;
      }
      if (way !== "expert" || (!PARAMS.includes(parts[0]) && parts[0] !== "needs")) return null;
      const box = this._expert.querySelector(`[data-field="${parts[0]}"]`);
      const id = `${parts[0]}-error`;
      if (!box) return null;
      box.querySelector(`#${id}`)?.remove();
      const note = el("p", { id, class: "error field-error-added", part: "field-error", text: message });
      box.append(note);
      const control = box.querySelector("input:checked") || box.querySelector("select,input");
      const target = box.tagName === "FIELDSET" ? box : control;
      target.setAttribute("aria-invalid", "true");
      target.setAttribute("aria-describedby", [id, target.getAttribute("aria-describedby")].filter(Boolean).join(" "));
      return control;
    }

    // ---- the address ------------------------------------------------------------------------------------------

    _fromUrl() {
      const query = new URLSearchParams(this._urlState ? location.search : "");
      const p = this.prefix;
      const get = (key) => query.get(p + URL_NAMES[key]) || "";
      const profile = { needs: query.getAll(p + URL_NAMES.needs) };
      for (const name of PARAMS) profile[name] = get(name);
      const answers = {};
      for (const [key, value] of query) {
        const q = key.startsWith(p + ANSWER) ? this._question(key.slice(p.length + ANSWER.length)) : null;
        if (!q || !value) continue;
        if (q.kind === "multi") (answers[q.id] = answers[q.id] || []).push(value);
        else answers[q.id] = value.slice(0, 2000);
      }
      const named = get("way");
      const way = this._available.includes(named) ? named : this._hasProfile(profile) ? "expert" : this._defaultWay;
      const rawStep = get("step");
      const number = Number(rawStep);
      const total = this._taxonomy.questions.length;
      const step = way === "guided" ? (rawStep === "summary" || rawStep === "results" ? rawStep : number >= 1 && number <= total ? number : 1) : rawStep === "results" ? "results" : "";
      const description = get("description").slice(0, 2000);
      return { way, step, answers, description, profile: way === "expert" ? profile : { needs: [] }, view: get("view") === "route" ? "route" : "list" };
    }

    _toUrl(state, push) {
      if (!this._urlState) return;
      const url = new URL(location.href);
      const p = this.prefix;
      const ours = new Set(Object.values(URL_NAMES).map((name) => p + name));
      for (const key of [...url.searchParams.keys()]) if (ours.has(key) || key.startsWith(p + ANSWER)) url.searchParams.delete(key);
      const set = (key, value) => url.searchParams.append(p + key, value);
      const blank = state.way === this._defaultWay && !Object.keys(state.answers).length && !state.description && (!state.step || state.step === 1);
      if (!blank && !(state.way === "expert" && this._hasProfile(state.profile))) set(URL_NAMES.way, state.way);
      if (state.way === "expert") {
        for (const name of PARAMS) if (state.profile[name]) set(URL_NAMES[name], state.profile[name]);
        for (const need of state.profile.needs) set(URL_NAMES.needs, need);
      } else if (state.way === "guided") {
        for (const [id, value] of Object.entries(state.answers)) for (const item of Array.isArray(value) ? value : [value]) set(ANSWER + id, item);
      } else if (state.description) set(URL_NAMES.description, state.description);
      if (state.step && !(state.way === "guided" && state.step === 1)) set(URL_NAMES.step, state.step);
      if (state.view === "route") set(URL_NAMES.view, "route");
      if (url.href !== location.href) history[push ? "pushState" : "replaceState"](history.state, "", url);
    }

    // ---- asking the API -----------------------------------------------------------------------------------------

    _query(profile) {
      const query = { needs: Array.isArray(profile.needs) ? profile.needs : profile.needs ? [profile.needs] : [] };
      for (const name of PARAMS) if (profile[name] != null && profile[name] !== "") query[name] = profile[name];
      return query;
    }

    async _intake(state, signal) {
      const payload = state.way === "guided" ? { answers: state.answers } : { description: state.description };
      payload.limit = Number(this.getAttribute("limit")) || 10;
      const key = JSON.stringify(payload);
      if (this._intakeCache?.key === key) return this._intakeCache.body;
      const body = await this._api("v1/intake", null, signal, payload);
      this._intakeCache = { key, body };
      return body;
    }

    async _search(state, focus) {
      const { signal, done } = this._begin((again) => this._search(this._state, again));
      this._results.setAttribute("aria-busy", "true");
      this._announce(this.t("loading"));
      try {
        let intake = null;
        let profile = state.profile;
        if (state.way !== "expert") {
          this._summarise({ needs: [] }, state.way, true);
          intake = await this._intake(state, signal);
          profile = intake.profile || {};
        }
        const query = this._query(profile);
        this._summarise(query, state.way);
        let body;
        if (intake && !intake.match) body = { results: [], unknown: true };
        else if (state.view === "route") body = await this._api("v1/pathway", { ...query, per_stage: Number(this.getAttribute("per-stage")) || 3 }, signal);
        else if (intake) body = intake.match || { results: [] };
        else body = await this._api("v1/match", { ...query, limit: Number(this.getAttribute("limit")) || 10 }, signal);
        if (state.view !== "route" && !(body.results || []).length && !body.near_misses && this._hasProfile(query)) {
          const full = await this._api("v1/match", { ...query, limit: Number(this.getAttribute("limit")) || 10, explain: "full" }, signal).catch(() => null);
          if (full) body = { ...body, near_misses: full.near_misses, front_door: body.front_door || full.front_door };
        }
        done();
        this._render(body, state, intake, query, focus);
      } catch (error) {
        done();
        this._fail(error, signal, focus, state);
      }
    }

    _summarise(query, way, loading) {
      const tax = this._taxonomy;
      const parts = [];
      if (query.stage) parts.push(this.t("summaryStage", { number: query.stage }));
      if (query.trl) parts.push(this.t("summaryTrl", { level: query.trl }));
      for (const slug of query.needs) parts.push(tax.names[slug] || words(slug));
      for (const name of ["sector", "organisation_type", "location"]) if (query[name]) parts.push(tax.names[query[name]] || words(query[name]));
      if (query.keywords) parts.push(this.t("summaryKeywords", { keywords: query.keywords }));
      const label = way === "guided" ? this.t("fromAnswers") : way === "describe" ? this.t("fromDescription") : this.t("searchLabel");
      const change = el("button", { type: "button", class: "small", part: "button change", "aria-label": this.t("changeSearch"), text: this.t("change") });
      change.addEventListener("click", () => this._expand());
      this._collapsed.replaceChildren(el("p", null, el("span", { class: way === "expert" ? "sr" : "hint" }, label, " "), parts.join(" · ") || (loading ? "…" : this.t(way === "expert" ? "summaryNothing" : "summaryNothingYet"))), change);
    }

    _changeVia(field) {
      const profile = this._lastQuery ? { ...this._lastQuery, needs: [...this._lastQuery.needs] } : { needs: [] };
      this._go({ ...this._blank("expert"), profile, view: this._state.view }, true, false);
      this._expanded = true;
      this._showInput(false);
      const name = field === "trl_band" ? "trl" : field;
      const box = this._expert.querySelector(`[data-field="${name}"]`);
      const target = box?.querySelector("input:checked") || box?.querySelector("select,input") || this._stageInput();
      box?.querySelector("details")?.setAttribute("open", "");
      target.focus();
    }

    // ---- showing the answer -----------------------------------------------------------------------------------

    _render(body, state, intake, query, focus) {
      const h = this.level;
      const view = body.unknown ? "list" : state.view;
      this._lastQuery = query;
      const stages = view === "route" ? body.stages || [] : [];
      const results = view === "route" ? stages.reduce((n, stage) => n + (stage.results || []).length, 0) : (body.results || []).length;
      const headingText = body.unknown ? this.t("needMoreHeading") : view === "route" ? this.t("routeHeading") : !results ? this.t("emptyHeading") : results === 1 ? this.t("resultsOne") : this.t("resultsMany", { count: results });
      const heading = el(`h${h}`, { id: "results-heading", tabindex: "-1", part: "results-heading", text: headingText });
      const bar = el("div", { class: "bar", part: "views" });
      for (const [name, label] of [["list", this.t("listView")], ["route", this.t("routeView")]]) {
        const button = el("button", { type: "button", "aria-pressed": String(view === name), part: "button view", text: label });
        button.addEventListener("click", () => this._showView(name));
        bar.append(button);
      }
      const content = [];
      if (view === "route") {
        content.push(el("p", { class: "hint", text: this.t("routeIntro") }));
        const seen = {};
        for (const step of stages) for (const item of step.results || []) (seen[item.offer?.slug] = seen[item.offer?.slug] || []).push(step.stage.number);
        const route = el("ol", { class: "route", part: "route" });
        for (const step of stages) {
          const title = el(`h${Math.min(h + 1, 6)}`, { part: "stage-title", text: this.t("routeStage", step.stage) });
          const items = el("ol", { class: "list" }, ...(step.results || []).map((item) => this._card(item, h + 2, { compact: true, others: (seen[item.offer?.slug] || []).filter((n) => n !== step.stage.number) })));
          const note = step.note ? el("p", { class: "hint", part: "note", text: String(step.note) }) : null;
          route.append(
            el(
              "li",
              { part: step.is_current ? "stage current" : "stage", "aria-current": step.is_current ? "step" : null },
              title,
              step.is_current ? el("p", { class: "here", text: this.t("youAreHere") }) : null,
              note,
              (step.results || []).length ? items : note ? null : el("p", { class: "hint", text: this.t("routeEmpty") })
            )
          );
        }
        content.push(route);
      } else if (body.unknown) {
        content.push(el("p", { class: "empty", part: "empty", text: this.t("needMore") }));
      } else if (!results) {
        content.push(el("p", { class: "empty", part: "empty", text: this.t("empty") }));
        const near = body.near_misses || [];
        if (near.length) {
          const cards = near.slice(0, 5).map((item) => this._card(item, h + 2, { compact: true, hint: item.hint }));
          content.push(this._block("near-misses", "near-heading", h + 1, this.t("nearHeading"), el("p", { class: "hint", text: this.t("nearIntro") }), el("ul", { class: "plain" }, ...cards)));
        }
      } else {
        content.push(el("ol", { class: "list", part: "list" }, ...body.results.map((item) => this._card(item, h + 1))));
      }
      if (intake) content.push(...this._understood(intake, h + 1));
      const doors = body.front_door || (intake && intake.match && intake.match.front_door) || [];
      if (doors.length) {
        const cards = doors.map((item) => this._card(item.offer ? item : { offer: item }, h + 2, { compact: true }));
        content.push(this._block("front-door", "front-door-heading", h + 1, this.t("frontDoorHeading"), el("p", { text: this.t("frontDoorIntro") }), el("ul", { class: "plain" }, ...cards)));
      }
      this._results.replaceChildren(...[heading, body.unknown ? null : bar, ...content].filter(Boolean));
      if (this._urlState && results) {
        const share = el("button", { type: "button", part: "button share", text: this.t("copyLink") });
        share.addEventListener("click", async () => {
          try {
            await navigator.clipboard.writeText(location.href);
            this._announce(this.t("linkCopied"));
          } catch {
            this._announce(this.t("linkNotCopied"));
          }
        });
        this._results.append(el("div", { class: "bar" }, share));
      }
      this._results.hidden = false;
      this._loading.hidden = true;
      this._results.setAttribute("aria-busy", "false");
      this._announce(view === "route" || results ? this.t("announceResults", { heading: headingText }) : `${headingText}. ${this.t(body.unknown ? "needMore" : "empty")}`);
      if (focus) heading.focus();
      this.dispatchEvent(new CustomEvent("support-navigator:results", { bubbles: true, composed: true, detail: { view, profile: query, body, intake } }));
    }

    // One titled block of the answer (near misses, the front door, what was understood): a section named by its
    // heading, which sits at `level`, with an intro line and a list.
    _block(part, id, level, heading, intro, list) {
      return el("section", { class: "block", part, "aria-labelledby": id }, el(`h${Math.min(level, 6)}`, { id, text: heading }), intro, list);
    }

    _understood(intake, level) {
      const blocks = [];
      const tax = this._taxonomy;
      const items = (intake.inferences || []).map((inference) => {
        const field = String(inference.field || "");
        const values = Array.isArray(inference.value) ? inference.value : [inference.value];
        const value = values.map((v) => tax.names[v] || (typeof v === "string" ? words(v) : String(v))).join(field === "trl" || field === "trl_band" ? "-" : ", ");
        const stage = field === "stage" ? tax.stages.find((s) => s.number === Number(values[0])) : null;
        const what = stage ? this.t("inferStage", stage) : field === "trl" || field === "trl_band" ? this.t("inferTrl", { value }) : field === "keywords" ? this.t("inferKeywords", { value: values.join(" ") }) : value;
        const source = String(inference.source || "");
        const question = source.startsWith("answer:") ? this._question(source.slice(7)) : null;
        const from = question ? this.t("fromAnswer", { question: question.text }) : source === "description" ? this.t("fromText") : "";
        const change = el("button", { type: "button", class: "small", part: "button correct", "aria-label": this.t("correctThis", { field: what }), text: this.t("correct") });
        change.addEventListener("click", () => this._changeVia(field));
        return el("li", null, el("strong", { text: what }), " ", el("span", { text: this.t("inferBecause", { because: String(inference.because || "").replace(/[.\s]+$/, "") }) }), " ", from ? el("span", { class: "hint", text: from }) : null, " ", change);
      });
      if (items.length) blocks.push(this._block("inferences", "understood-heading", level, this.t("understoodHeading"), el("p", { class: "hint", text: this.t("understoodIntro") }), el("ul", { class: "understood" }, ...items)));
      const follow = (intake.follow_up || []).filter((item) => item && (item.text || typeof item === "string"));
      if (follow.length) {
        const list = el("ul", null);
        for (const item of follow) {
          const text = typeof item === "string" ? item : String(item.text);
          const q = this._question(item.question);
          let answer = null;
          if (this._state.way === "guided" && q) {
            answer = el("button", { type: "button", class: "small", part: "button answer", "aria-label": `${this.t("followUpAnswer")}: ${q.text}`, text: this.t("followUpAnswer") });
            answer.addEventListener("click", () => this._go({ ...this._state, step: this._taxonomy.questions.indexOf(q) + 1 }, true, true));
          }
          list.append(el("li", null, el("span", { text }), " ", answer));
        }
        let add = null;
        if (this._state.way === "describe") {
          add = el("button", { type: "button", part: "button answer", class: "go", text: this.t("followUpDescribe") });
          add.addEventListener("click", () => this._expand());
        }
        // Asked for more because nothing could be searched: the results heading already says so.
        const heading = intake.match ? el(`h${Math.min(level, 6)}`, { id: "follow-heading", text: this.t("followUpHeading") }) : null;
        blocks.push(el("section", { class: "block", part: "follow-up", "aria-labelledby": heading ? "follow-heading" : "results-heading" }, heading, list, add));
      }
      return blocks;
    }

    _showView(view) {
      if (!this._state || view === this._state.view) return;
      const state = { ...this._state, view };
      this._toUrl(state, false);
      this._state = state;
      this._search(state, true);
    }

    _card(item, level, options) {
      const opts = options || {};
      const offer = item.offer || {};
      const href = safeUrl(offer.url);
      const rank = Number(item.rank) ? el("span", { part: "rank", text: `${Number(item.rank)}. ` }) : null;
      const title = el(`h${Math.min(level, 6)}`, { part: "result-title" }, rank, el("span", { text: offer.name || offer.slug || "" }));
      const tags = el("p", { class: "tags meta", part: "meta" });
      if (offer.kind) tags.append(el("span", { part: "kind", text: this.t(`kind-${offer.kind}`) === `kind-${offer.kind}` ? words(offer.kind) : this.t(`kind-${offer.kind}`) }));
      if (offer.cost) tags.append(el("span", { "aria-hidden": "true", text: "·" }), el("span", { part: "cost", text: this.t(`cost-${offer.cost}`) === `cost-${offer.cost}` ? words(offer.cost) : this.t(`cost-${offer.cost}`) }));
      if (item.forthcoming || offer.status === "forthcoming") tags.append(el("span", { class: "badge soon", part: "badge", text: this.t("forthcoming") }));
      if (opts.others && opts.others.length) tags.append(el("span", { class: "badge", part: "badge recurs", text: this.t(opts.others.length === 1 ? "recursOne" : "recursMany", { stages: opts.others.join(", ") }) }));
      const reasons = el("ul", { part: "reasons" }, ...(item.reasons || []).map((reason) => el("li", { text: reason.text || "" })));
      const route = offer.contact_route ? el("p", { part: "contact" }, el("strong", { text: this.t("nextStep") }), " ", String(offer.contact_route)) : null;
      const link = href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", part: "link", class: "go" }, this.t("visit", { name: offer.name || offer.provider?.name || "" }), el("span", { class: "sr", text: ` ${this.t("opensNewTab")}` })) : null;
      return el(
        "li",
        { class: "result", part: "result", "data-slug": offer.slug || "" },
        title,
        tags.childElementCount ? tags : null,
        offer.provider?.name ? el("p", { class: "meta", part: "provider", text: this.t("provider", { name: offer.provider.name }) }) : null,
        opts.hint ? el("p", { class: "why-not", part: "hint", text: String(opts.hint) }) : null,
        !opts.compact && offer.summary ? el("p", { part: "summary", text: offer.summary }) : null,
        reasons.childElementCount ? el("p", { class: "meta", text: this.t("why") }) : null,
        reasons.childElementCount ? reasons : null,
        route || link ? el("div", { class: "next", part: "next-step" }, route, link) : null
      );
    }
  }

  customElements.define("support-navigator", SupportNavigator);
})();

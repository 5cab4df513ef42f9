/* Support Navigator widget: <support-navigator api-base="https://…">. No dependencies; talks only to api-base.
   Every text from the API is untrusted: nodes are built with textContent, links are http(s) only. */
(() => {
  "use strict";
  if (customElements.get("support-navigator")) return;
  const SCRIPT = document.currentScript;
  const DEFAULT_BASE = SCRIPT && SCRIPT.src ? new URL("..", SCRIPT.src).href : "";

  const STRINGS = {
    title: "Find support for your health innovation",
    intro: "Tell us where you are and what you need. We suggest the support offers in the Leeds City Region that fit you best, and say why.",
    loadingForm: "Loading the questions…",
    pathwayLegend: "Where are you on the innovation pathway?",
    stageLabel: "Pathway stage",
    trlLabel: "Or your technology readiness level (TRL)",
    notSure: "Not sure",
    stageOption: "Stage {number}: {name}",
    trlOption: "TRL {level}: {name}",
    crosswalkIntro: "Technology readiness levels run from 1 (an idea being explored) to 9 (a product in everyday use). Choose a stage or a TRL, whichever you know; we work out the other.",
    crosswalkStage: "Stage {number}, {name}, usually covers TRL {min} to {max}.",
    crosswalkTrl: "TRL {level} fits {stages}.",
    crosswalkTrlStage: "stage {number} ({name})",
    crosswalkOr: " or ",
    crosswalkMismatch: "TRL {level} does not fit stage {number}, which covers TRL {min} to {max}. Change one of them, or set one to “Not sure”.",
    needsLegend: "What do you need? Choose any that apply",
    sectorLabel: "Sector",
    organisationLabel: "Your organisation",
    locationLabel: "Where you are based",
    anyOption: "Any or prefer not to say",
    keywordsLabel: "Keywords (optional)",
    keywordsHint: "For example: software as a medical device",
    submit: "Find support",
    needSomething: "Choose a pathway stage, a TRL or at least one need, so we can match you.",
    loading: "Finding support…",
    resultsOne: "1 offer that fits you",
    resultsMany: "{count} offers that fit you",
    announceResults: "{heading}. Results follow the form.",
    empty: "No offers fit all of that. Try fewer needs, a wider location, or no keywords.",
    listView: "Ranked list",
    routeView: "Your route",
    routeHeading: "Your route through the pathway",
    routeIntro: "The best offers for you at each stage, from where you are now onwards.",
    routeStage: "Stage {number}: {name}",
    youAreHere: "You are here",
    routeEmpty: "Nothing specific for this stage yet.",
    provider: "Provided by {name}",
    why: "Why we suggest it",
    forthcoming: "Opening soon",
    opensNewTab: "(opens in a new tab)",
    copyLink: "Copy a link to these results",
    linkCopied: "Link copied. Anyone opening it sees these results.",
    linkNotCopied: "Copy this page's address to share these results.",
    unreachable: "We can't reach the support navigator just now. Check your connection, then try again.",
    serverTrouble: "The support navigator is having trouble just now. Please try again in a moment.",
    checkAnswers: "Please check your answers: {detail}",
    retry: "Try again",
  };

  const CSS = `
:host{--sn-font:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;--sn-text:#1f2328;--sn-muted:#4a5360;--sn-bg:#fff;
--sn-surface:#f4f6f8;--sn-border:#6b7480;--sn-accent:#005eb8;--sn-accent-text:#fff;--sn-focus:#1f2328;--sn-error:#b3261e;
--sn-radius:6px;--sn-gap:1rem;display:block;font-family:var(--sn-font);color:var(--sn-text);background:var(--sn-bg);line-height:1.5}
:host([hidden]){display:none}
*{box-sizing:border-box}
.sn{display:grid;gap:var(--sn-gap)}
h2,h3,h4,h5,h6{margin:0;line-height:1.25}
p{margin:0}
form{display:grid;gap:var(--sn-gap)}
fieldset{border:1px solid var(--sn-border);border-radius:var(--sn-radius);padding:.75rem 1rem;margin:0;display:grid;gap:.5rem}
legend{font-weight:600;padding:0 .25rem}
label{font-weight:600;display:block}
.field{display:grid;gap:.25rem}
.row{display:grid;gap:var(--sn-gap);grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
select,input[type=search]{font:inherit;color:var(--sn-text);background:var(--sn-bg);border:1px solid var(--sn-border);
border-radius:var(--sn-radius);padding:.5rem;min-height:2.75rem;width:100%}
.hint{color:var(--sn-muted)}
.needs{list-style:none;margin:0;padding:0;columns:2 18rem;column-gap:2rem}
.needs>li{break-inside:avoid;padding-bottom:.35rem}
.needs ul{list-style:none;margin:.25rem 0 0 1.75rem;padding:0;display:grid;gap:.25rem}
.check{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.check input{width:1.25rem;height:1.25rem;margin:.15rem 0 0;flex:none;accent-color:var(--sn-accent)}
button{font:inherit;font-weight:600;border-radius:var(--sn-radius);padding:.55rem 1.1rem;min-height:2.75rem;cursor:pointer;
border:2px solid var(--sn-accent);background:var(--sn-bg);color:var(--sn-accent)}
form>button{justify-self:start}
button[type=submit],.retry,button[aria-pressed=true]{background:var(--sn-accent);color:var(--sn-accent-text)}
button:disabled{opacity:.6;cursor:not-allowed}
:focus-visible,[tabindex="-1"]:focus{outline:3px solid var(--sn-focus);outline-offset:2px}
.error{color:var(--sn-error);font-weight:600}
.problem{border:2px solid var(--sn-error);border-radius:var(--sn-radius);padding:1rem;display:grid;gap:.5rem;justify-items:start}
.results{display:grid;gap:var(--sn-gap)}
.bar{display:flex;flex-wrap:wrap;gap:.5rem}
ol.list,ol.route{margin:0;padding:0;list-style:none;display:grid;gap:var(--sn-gap)}
.result{background:var(--sn-surface);border-radius:var(--sn-radius);padding:.75rem 1rem;display:grid;gap:.35rem}
.result ul{margin:0;padding-left:1.25rem}
a{color:var(--sn-accent);font-weight:600}
.meta,.sr-hint{color:var(--sn-muted)}
.badge{display:inline-block;border:1px solid currentColor;border-radius:var(--sn-radius);padding:0 .4rem;font-size:.875em;font-weight:600}
.route>li{display:grid;gap:.5rem}
.here{font-weight:600;color:var(--sn-accent)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none!important}`;

  const PARAMS = ["stage", "trl", "sector", "organisation_type", "location", "keywords"];
  const URL_NAMES = { stage: "stage", trl: "trl", needs: "needs", sector: "sector", organisation_type: "org", location: "location", keywords: "q", view: "view" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value == null) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) if (child != null) node.append(child);
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

  class ApiProblem extends Error {
    constructor(kind, body) {
      super(kind);
      this.kind = kind;
      this.body = body || {};
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
      this._view = "list";
      this._profile = null;
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

    connectedCallback() {
      if (!this._built) this._rebuild();
      this._onPop = () => this._restore(false);
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
      this._status = el("p", { class: "sr", role: "status", "aria-live": "polite", "aria-atomic": "true", part: "status" });
      this._problem = el("div", { class: "problem", part: "error", tabindex: "-1", hidden: true });
      this._loading = el("p", { class: "hint", part: "loading", hidden: true, text: this.t("loading") });
      this._form = el("form", { part: "form", novalidate: true, "aria-busy": "true" }, el("p", { class: "hint", text: this.t("loadingForm") }));
      this._results = el("section", { class: "results", part: "results", "aria-labelledby": "results-heading", hidden: true });
      const title = this.t("title");
      const container = el("div", { class: "sn", part: "container" }, title ? el(`h${this.level}`, { part: "title", text: title }) : null, this.t("intro") ? el("p", { part: "intro", text: this.t("intro") }) : null, this._form, this._status, this._loading, this._problem, this._results);
      for (const node of [...root.childNodes]) if (node.nodeName !== "STYLE") node.remove();
      root.append(container);
      this._loadTaxonomy();
    }

    async _api(path, params, signal) {
      const url = new URL(path, this.apiBase);
      for (const [name, value] of Object.entries(params || {})) {
        for (const item of Array.isArray(value) ? value : [value]) if (item !== "" && item != null) url.searchParams.append(name, item);
      }
      let response;
      try {
        response = await fetch(url, { signal, headers: { Accept: "application/json" }, credentials: "omit", mode: "cors" });
      } catch (error) {
        if (error.name === "AbortError") throw error;
        throw new ApiProblem("unreachable");
      }
      let body = null;
      try {
        body = await response.json();
      } catch {
        if (response.ok) throw new ApiProblem("server");
      }
      if (response.ok) return body;
      throw new ApiProblem(response.status >= 400 && response.status < 500 && response.status !== 429 ? "input" : "server", body);
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

    _fail(error, signal, focus) {
      if (signal.aborted && signal.reason !== "timeout") return;
      this._loading.hidden = true;
      this._results.hidden = true;
      const problem = error instanceof ApiProblem ? error : new ApiProblem("unreachable");
      const message =
        problem.kind === "input" ? this.t("checkAnswers", { detail: String(problem.body.detail || problem.body.title || "") }) : this.t(problem.kind === "server" ? "serverTrouble" : "unreachable");
      const list = el("ul");
      if (problem.kind === "input" && Array.isArray(problem.body.errors)) {
        for (const item of problem.body.errors.slice(0, 10)) list.append(el("li", { text: `${item.field ?? ""}: ${item.message ?? ""}` }));
      }
      const retry = el("button", { type: "button", class: "retry", part: "button retry", text: this.t("retry") });
      retry.addEventListener("click", () => this._lastAction?.(true));
      this._problem.replaceChildren(...[el("p", { class: "error", text: message }), list.childElementCount ? list : null, problem.kind === "input" ? null : retry].filter(Boolean));
      this._problem.hidden = false;
      this._announce(message);
      if (focus) this._problem.focus();
    }

    _announce(text) {
      this._status.textContent = "";
      setTimeout(() => (this._status.textContent = text), 50);
    }

    async _loadTaxonomy(userAction) {
      const { signal, done } = this._begin((again) => this._loadTaxonomy(again));
      try {
        if (!this._taxonomy) {
          const [stages, needs, sectors, types, locations] = await Promise.all(
            ["v1/stages", "v1/needs", "v1/sectors", "v1/organisation-types", "v1/locations"].map((path) => this._api(path, null, signal))
          );
          this._taxonomy = { stages: stages.stages, trls: stages.trls, needs: needs.needs, sectors: sectors.terms, types: types.terms, locations: locations.locations };
        }
        done();
        this._loading.hidden = true;
        this._buildForm();
        this._restore(false);
        if (userAction && !this._profile) this._form.querySelector("select,input")?.focus();
      } catch (error) {
        done();
        this._fail(error, signal, userAction);
      }
    }

    _select(id, label, options, hint) {
      const select = el("select", { id, name: id, "aria-describedby": hint || null, part: "input" }, el("option", { value: "", text: id === "stage" || id === "trl" ? this.t("notSure") : this.t("anyOption") }));
      for (const [value, text] of options) select.append(el("option", { value, text }));
      return el("div", { class: "field", part: "field" }, el("label", { for: id, part: "label", text: label }), select);
    }

    _buildForm() {
      const tax = this._taxonomy;
      const form = this._form;
      const crosswalk = el("p", { id: "crosswalk", class: "hint", "aria-live": "polite", part: "hint" });
      const pathway = el(
        "fieldset",
        { part: "fieldset" },
        el("legend", { text: this.t("pathwayLegend") }),
        el("p", { id: "crosswalk-intro", class: "hint", text: this.t("crosswalkIntro") }),
        el(
          "div",
          { class: "row" },
          this._select("stage", this.t("stageLabel"), tax.stages.map((s) => [s.number, this.t("stageOption", s)]), "crosswalk-intro crosswalk"),
          this._select("trl", this.t("trlLabel"), tax.trls.map((l) => [l.level, this.t("trlOption", l)]), "crosswalk-intro crosswalk")
        ),
        crosswalk
      );
      const needList = el("ul", { class: "needs" });
      const check = (need) => el("label", { class: "check" }, el("input", { type: "checkbox", name: "needs", value: need.slug, part: "checkbox" }), el("span", { text: need.name }));
      for (const need of tax.needs) {
        const children = (need.children || []).map((child) => el("li", null, check(child)));
        needList.append(el("li", null, check(need), children.length ? el("ul", null, ...children) : null));
      }
      const needs = el("fieldset", { part: "fieldset" }, el("legend", { text: this.t("needsLegend") }), needList);
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
        { class: "field", part: "field" },
        el("label", { for: "keywords", part: "label", text: this.t("keywordsLabel") }),
        el("p", { id: "keywords-hint", class: "hint", text: this.t("keywordsHint") }),
        el("input", { id: "keywords", name: "keywords", type: "search", maxlength: 200, autocomplete: "off", "aria-describedby": "keywords-hint", part: "input" })
      );
      this._formError = el("p", { id: "form-error", class: "error", hidden: true, part: "form-error" });
      const submit = el("button", { type: "submit", part: "button submit", text: this.t("submit") });
      form.replaceChildren(pathway, needs, about, keywords, this._formError, submit);
      form.setAttribute("aria-busy", "false");
      form.onchange = () => this._explainCrosswalk();
      form.onsubmit = (event) => {
        event.preventDefault();
        this._submit();
      };
      this._explainCrosswalk();
    }

    _explainCrosswalk() {
      const form = this._form;
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

    _readForm() {
      const elements = this._form.elements;
      const profile = { needs: [...this._form.querySelectorAll('input[name="needs"]:checked')].map((box) => box.value) };
      for (const name of PARAMS) profile[name] = elements[name].value.trim();
      return profile;
    }

    _writeForm(profile) {
      const elements = this._form.elements;
      for (const name of PARAMS) {
        const control = elements[name];
        const value = profile[name] || "";
        control.value = control.tagName === "SELECT" && ![...control.options].some((o) => o.value === value) ? "" : value;
      }
      for (const box of this._form.querySelectorAll('input[name="needs"]')) box.checked = profile.needs.includes(box.value);
      this._explainCrosswalk();
    }

    _fromUrl() {
      const query = new URLSearchParams(location.search);
      const get = (key) => query.get(this.prefix + URL_NAMES[key]) || "";
      const profile = { needs: query.getAll(this.prefix + URL_NAMES.needs) };
      for (const name of PARAMS) profile[name] = get(name);
      return { profile, view: get("view") === "route" ? "route" : "list" };
    }

    _toUrl(profile, view, push) {
      if (this.getAttribute("url-state") === "off") return;
      const url = new URL(location.href);
      for (const key of Object.values(URL_NAMES)) url.searchParams.delete(this.prefix + key);
      for (const name of PARAMS) if (profile[name]) url.searchParams.set(this.prefix + URL_NAMES[name], profile[name]);
      for (const need of profile.needs) url.searchParams.append(this.prefix + URL_NAMES.needs, need);
      if (view === "route") url.searchParams.set(this.prefix + URL_NAMES.view, "route");
      if (url.href !== location.href) history[push ? "pushState" : "replaceState"](history.state, "", url);
    }

    _hasProfile(profile) {
      return Boolean(profile.stage || profile.trl || profile.needs.length);
    }

    _restore(focus) {
      if (!this._taxonomy || !this._form.elements.stage || this.getAttribute("url-state") === "off") return;
      const { profile, view } = this._fromUrl();
      this._writeForm(profile);
      if (this._hasProfile(profile)) this._search(this._readForm(), view, focus);
      else {
        this._profile = null;
        this._results.hidden = true;
      }
    }

    _submit() {
      const profile = this._readForm();
      this._formError.hidden = true;
      this._form.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
      if (!this._hasProfile(profile) || !this._explainCrosswalk()) {
        const stage = this._form.elements.stage;
        const message = this._hasProfile(profile) ? this._form.querySelector("#crosswalk").textContent : this.t("needSomething");
        this._formError.textContent = message;
        this._formError.hidden = false;
        stage.setAttribute("aria-invalid", "true");
        stage.setAttribute("aria-describedby", "form-error crosswalk-intro crosswalk");
        this._announce(message);
        stage.focus();
        return;
      }
      this._form.elements.stage.setAttribute("aria-describedby", "crosswalk-intro crosswalk");
      this._toUrl(profile, this._view, true);
      this._search(profile, this._view, true);
    }

    _query(profile) {
      const query = { needs: profile.needs };
      for (const name of PARAMS) query[name] = profile[name];
      return query;
    }

    async _search(profile, view, focus) {
      const { signal, done } = this._begin((again) => this._search(profile, view, again));
      this._profile = profile;
      this._view = view;
      this._results.setAttribute("aria-busy", "true");
      this._announce(this.t("loading"));
      try {
        const limit = Number(this.getAttribute("limit")) || 10;
        const path = view === "route" ? "v1/pathway" : "v1/match";
        const extra = view === "route" ? { per_stage: Number(this.getAttribute("per-stage")) || 3 } : { limit };
        const body = await this._api(path, { ...this._query(profile), ...extra }, signal);
        done();
        this._render(body, view, focus);
      } catch (error) {
        done();
        this._fail(error, signal, focus);
      }
    }

    _showView(view) {
      if (!this._profile || view === this._view) return;
      this._toUrl(this._profile, view, false);
      this._search(this._profile, view, true);
    }

    _render(body, view, focus) {
      const h = this.level;
      const results = view === "route" ? body.stages.reduce((n, stage) => n + stage.results.length, 0) : body.results.length;
      const headingText = view === "route" ? this.t("routeHeading") : results === 1 ? this.t("resultsOne") : this.t("resultsMany", { count: results });
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
        const route = el("ol", { class: "route", part: "route" });
        for (const step of body.stages) {
          const title = el(`h${Math.min(h + 1, 6)}`, { part: "stage-title", text: this.t("routeStage", step.stage) });
          const items = el("ol", { class: "list" }, ...step.results.map((item) => this._card(item, h + 2, true)));
          route.append(
            el("li", { part: step.is_current ? "stage current" : "stage", "aria-current": step.is_current ? "step" : null }, title, step.is_current ? el("p", { class: "here", text: this.t("youAreHere") }) : null, step.results.length ? items : el("p", { class: "hint", text: this.t("routeEmpty") }))
          );
        }
        content.push(route);
      } else if (!results) {
        content.push(el("p", { class: "empty", part: "empty", text: this.t("empty") }));
      } else {
        content.push(el("ol", { class: "list", part: "list" }, ...body.results.map((item) => this._card(item, h + 1))));
      }
      const share = el("button", { type: "button", part: "button share", text: this.t("copyLink") });
      share.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(location.href);
          this._announce(this.t("linkCopied"));
        } catch {
          this._announce(this.t("linkNotCopied"));
        }
      });
      this._results.replaceChildren(heading, bar, ...content);
      if (this.getAttribute("url-state") !== "off") this._results.append(el("div", { class: "bar" }, share));
      this._results.hidden = false;
      this._loading.hidden = true;
      this._results.setAttribute("aria-busy", "false");
      this._announce(view === "route" || results ? this.t("announceResults", { heading: headingText }) : this.t("empty"));
      if (focus) heading.focus();
      this.dispatchEvent(new CustomEvent("support-navigator:results", { bubbles: true, composed: true, detail: { view, profile: this._profile, body } }));
    }

    _card(item, level, compact) {
      const offer = item.offer || {};
      const href = safeUrl(offer.url);
      const name = el("span", { text: offer.name || offer.slug || "" });
      const rank = Number(item.rank) ? el("span", { part: "rank", text: `${Number(item.rank)}. ` }) : null;
      const title = el(
        `h${Math.min(level, 6)}`,
        { part: "result-title" },
        rank,
        href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", part: "link" }, name, el("span", { class: "sr", text: ` ${this.t("opensNewTab")}` })) : name
      );
      const reasons = el("ul", { part: "reasons" }, ...(item.reasons || []).map((reason) => el("li", { text: reason.text || "" })));
      return el(
        "li",
        { class: "result", part: "result", "data-slug": offer.slug || "" },
        title,
        offer.provider?.name ? el("p", { class: "meta", part: "provider", text: this.t("provider", { name: offer.provider.name }) }) : null,
        item.forthcoming ? el("p", null, el("span", { class: "badge", part: "badge", text: this.t("forthcoming") })) : null,
        !compact && offer.summary ? el("p", { part: "summary", text: offer.summary }) : null,
        reasons.childElementCount ? el("p", { class: "meta", text: this.t("why") }) : null,
        reasons.childElementCount ? reasons : null
      );
    }
  }

  customElements.define("support-navigator", SupportNavigator);
})();

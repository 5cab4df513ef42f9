/**
 * TypeScript declarations of the <support-navigator> custom element (app/widget/navigator.js): its attributes,
 * properties and events. The API's JSON shapes come from ./api.d.ts, generated from the OpenAPI document by
 * `make client`; nothing here restates them.
 *
 *   import type { SupportNavigatorElement } from "./navigator";
 *   const widget = document.querySelector("support-navigator")!;   // typed as SupportNavigatorElement
 *   widget.addEventListener("support-navigator:results", (event) => console.log(event.detail.body));
 */
import type { components } from "./api";

/** The answer of GET /v1/match, as the API's OpenAPI document defines it. */
export type MatchResponse = components["schemas"]["MatchResponse"];
/** The answer of GET /v1/pathway, as the API's OpenAPI document defines it. */
export type PathwayResponse = components["schemas"]["PathwayResponse"];
/** The answer of POST /v1/intake, as the API's OpenAPI document defines it. */
export type IntakeResponse = components["schemas"]["IntakeResponse"];

/** The keys of every text the widget shows (the STRINGS object at the top of navigator.js). */
export type SupportNavigatorStringKey =
  | "title"
  | "intro"
  | "loadingForm"
  | "waysLabel"
  | "waysIntro"
  | "wayGuided"
  | "wayDescribe"
  | "wayExpert"
  | "stepOf"
  | "next"
  | "back"
  | "review"
  | "skipHint"
  | "answersHeading"
  | "answersIntro"
  | "notAnswered"
  | "notAnOption"
  | "change"
  | "changeAnswer"
  | "answerSomething"
  | "describeLabel"
  | "describeHint"
  | "describeSomething"
  | "pathwayLegend"
  | "stageLabel"
  | "trlLabel"
  | "notSure"
  | "stageOption"
  | "trlOption"
  | "crosswalkIntro"
  | "crosswalkStage"
  | "crosswalkTrl"
  | "crosswalkTrlStage"
  | "crosswalkOr"
  | "crosswalkMismatch"
  | "needsLegend"
  | "moreSpecific"
  | "moreSpecificOf"
  | "sectorLabel"
  | "organisationLabel"
  | "locationLabel"
  | "anyOption"
  | "keywordsLabel"
  | "keywordsHint"
  | "submit"
  | "needSomething"
  | "loading"
  | "searchLabel"
  | "fromAnswers"
  | "fromDescription"
  | "changeSearch"
  | "summaryStage"
  | "summaryTrl"
  | "summaryKeywords"
  | "summaryNothing"
  | "summaryNothingYet"
  | "resultsOne"
  | "resultsMany"
  | "announceResults"
  | "emptyHeading"
  | "empty"
  | "nearHeading"
  | "nearIntro"
  | "understoodHeading"
  | "understoodIntro"
  | "inferStage"
  | "inferTrl"
  | "inferKeywords"
  | "inferBecause"
  | "fromAnswer"
  | "fromText"
  | "correct"
  | "correctThis"
  | "followUpHeading"
  | "followUpAnswer"
  | "followUpDescribe"
  | "needMoreHeading"
  | "needMore"
  | "frontDoorHeading"
  | "frontDoorIntro"
  | "listView"
  | "routeView"
  | "routeHeading"
  | "routeIntro"
  | "routeStage"
  | "youAreHere"
  | "routeEmpty"
  | "recursOne"
  | "recursMany"
  | "provider"
  | "why"
  | "nextStep"
  | "visit"
  | "forthcoming"
  | "opensNewTab"
  | "copyLink"
  | "linkCopied"
  | "linkNotCopied"
  | "unreachable"
  | "serverTrouble"
  | "checkAnswers"
  | "checkFields"
  | "retry";

/** The profile as the form holds it: every field a string ("" when not chosen), needs a list of slugs. */
export interface SupportNavigatorProfile {
  needs: string[];
  stage: string;
  trl: string;
  sector: string;
  organisation_type: string;
  location: string;
  keywords: string;
}

/** The detail of the `support-navigator:results` event, sent each time results are shown; `intake` is the POST
 * /v1/intake answer the results came from (the guided or described way), null for the expert form. */
export type SupportNavigatorResultsDetail =
  | { view: "list"; profile: SupportNavigatorProfile; body: MatchResponse; intake: IntakeResponse | null }
  | { view: "route"; profile: SupportNavigatorProfile; body: PathwayResponse; intake: IntakeResponse | null };

/** The element's HTML attributes. */
export interface SupportNavigatorAttributes {
  /** The API's address; default: where the script was loaded from. */
  "api-base"?: string;
  /** Ranked offers to show, 1-50 (default 10). */
  limit?: `${number}`;
  /** Offers per stage in "Your route", 1-10 (default 3). */
  "per-stage"?: `${number}`;
  /** Level of the widget's top headings, 1-5 (default 2). */
  "heading-level"?: "1" | "2" | "3" | "4" | "5";
  /** Prefix of the address parameters (default "sn-"). */
  "state-prefix"?: string;
  /** "off": neither read nor write the page's address. */
  "url-state"?: "off";
  /** A JSON object replacing any texts, by key. */
  "data-strings"?: string;
}

export interface SupportNavigatorElement extends HTMLElement {
  /** Every text in use (defaults, then the strings slot, then data-strings, then what was set here). */
  get strings(): Record<SupportNavigatorStringKey, string>;
  /** Replace some texts, by key; later sources win over the defaults. */
  set strings(value: Partial<Record<SupportNavigatorStringKey, string>> | null);
  /** The API base the element calls, always ending in "/". */
  readonly apiBase: string;
  /** The prefix of its address parameters. */
  readonly prefix: string;
  /** The level of its top headings. */
  readonly level: number;
  addEventListener<K extends keyof SupportNavigatorEventMap>(
    type: K,
    listener: (this: SupportNavigatorElement, event: SupportNavigatorEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

export interface SupportNavigatorEventMap extends HTMLElementEventMap {
  "support-navigator:results": CustomEvent<SupportNavigatorResultsDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    "support-navigator": SupportNavigatorElement;
  }
  interface HTMLElementEventMap {
    "support-navigator:results": CustomEvent<SupportNavigatorResultsDetail>;
  }
}

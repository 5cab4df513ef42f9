// Compiled by the tests (tsc --noEmit --strict): the README's TypeScript example, typed by the generated shapes.
import type { components, paths } from "../../app/widget/api";
import type { SupportNavigatorElement, SupportNavigatorResultsDetail } from "../../app/widget/navigator";

type Offer = components["schemas"]["OfferPublic"];
type MatchRequest = components["schemas"]["MatchRequest"];
type MatchAnswer = paths["/v1/match"]["post"]["responses"][200]["content"]["application/json"];

export async function match(base: string, profile: MatchRequest): Promise<MatchAnswer> {
  const response = await fetch(`${base}/v1/match`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(profile),
  });
  return (await response.json()) as MatchAnswer;
}

export async function firstOffer(base: string): Promise<Offer | undefined> {
  const page = (await (await fetch(`${base}/v1/offers?limit=1`)).json()) as components["schemas"]["OfferPage"];
  return page.items[0];
}

export function listen(): string[] {
  const widget: SupportNavigatorElement | null = document.querySelector("support-navigator");
  const seen: string[] = [];
  widget?.addEventListener("support-navigator:results", (event) => {
    const detail: SupportNavigatorResultsDetail = event.detail;
    if (detail.view === "list") seen.push(...detail.body.results.map((result) => result.offer.slug));
    else seen.push(...detail.body.stages.map((step) => step.stage.slug));
  });
  if (widget) widget.strings = { submit: "Show me support" };
  return seen;
}

void match("https://navigator.example.org", { stage: 5, needs: ["regulatory-advice"], location: "leeds" });

/** Test pages for DOM tests (happy-dom): markup parsed by DOMParser, never assigned as innerHTML. */
export function setBody(html: string): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
}

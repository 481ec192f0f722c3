/**
 * The first-run notice (opened on install at `#welcome`) and, after that, the same words under
 * "About your data": what the extension reads, that nothing leaves the browser, what it keeps.
 */
export interface AboutDataProps {
  /** First run: shown open and first, with a heading of its own. */
  welcome: boolean;
}

function Body() {
  return (
    <>
      <p>
        <strong>What it reads.</strong> On the UK news and health-policy sites it runs on (and any site you switch it on
        for), it reads the article’s visible text — headline, standfirst, paragraphs and captions — to find mentions of
        the people, organisations and strikes in its fact base.
      </p>
      <p>
        <strong>Nothing leaves your browser.</strong> Articles are matched against a fact base stored in this browser.
        The extension sends nothing to any server; the only requests it makes are for pack subscriptions you add
        yourself, to the addresses you give.
      </p>
      <p>
        <strong>What it keeps.</strong> The fact base, your settings, the facts you add and the facts you flag as wrong.
        Annotated articles are kept only if you turn on “Keep annotations” below — their address, title, date, text and
        annotations — and you can delete them at any time. A backup file holds all of this; keep it somewhere safe.
      </p>
    </>
  );
}

/** What the extension reads, sends (nothing) and keeps. */
export function AboutData({ welcome }: AboutDataProps) {
  if (welcome) {
    return (
      <section class="welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title">Welcome to NHS Context</h2>
        <Body />
      </section>
    );
  }
  return (
    <details class="about-data">
      <summary>About your data</summary>
      <Body />
    </details>
  );
}

/** The popup's lists: mentions grouped by kind (click to scroll to one) and the checked claims, one row each. */
import { SourceLink } from '../SourceLink.tsx';
import type { ClaimItem, Summary } from './summary.ts';

const VERDICT_LABEL: Record<ClaimItem['verdict'], string> = {
  consistent: 'Consistent with the fact base',
  differs: 'The fact base holds something else',
  'no-data': 'Not in the fact base',
};

export function MentionList({ summary, onPick }: { summary: Summary; onPick: (annotationId: string) => void }) {
  if (summary.groups.length === 0) return <p class="empty">Nothing on this page matches the fact base.</p>;
  return (
    <div class="mentions">
      {summary.groups.map((g) => (
        <section key={g.group} aria-label={g.label}>
          <h2 class="group-title">{g.label}</h2>
          <ul>
            {g.items.map((item) => (
              <li key={item.id}>
                <button type="button" class="link" onClick={(e) => e.isTrusted && onPick(item.firstAnnotationId)}>
                  {item.name}
                </button>
                {item.count > 1 ? <span class="count"> ×{item.count}</span> : null}
                {item.role ? <span class="role">{item.role}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ClaimList({ claims, onPick }: { claims: ClaimItem[]; onPick: (annotationId: string) => void }) {
  if (claims.length === 0) return <p class="empty">No checkable claims found on this page.</p>;
  return (
    <ul class="claims">
      {claims.map((c) => (
        <li key={c.annotationId} class={`claim claim-${c.verdict}`}>
          <span class={`verdict verdict-${c.verdict}`}>{VERDICT_LABEL[c.verdict]}</span>
          <button type="button" class="link quote" onClick={(e) => e.isTrusted && onPick(c.annotationId)}>
            “{c.exact}”
          </button>
          {c.count > 1 ? <span class="count"> ×{c.count}</span> : null}
          <p>{c.explanation}</p>
          {c.source ? (
            <p class="claim-source">
              Source: <SourceLink source={c.source} />
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

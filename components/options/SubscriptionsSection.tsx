/**
 * Pack subscriptions (uBlock Origin's filter lists are the model): follow a pack by URL with an
 * optional SHA-256 integrity value; each shows its last check, last update, last error and what
 * changed, with "Update now" and "Remove". Subscribing asks the browser for permission to read that
 * one site (`requestHost`, called first in the click so it counts as the reader's gesture).
 */
import { useState } from 'preact/hooks';
import type { SubscriptionView } from '../../lib/protocol/manage-calls.ts';
import { data } from './client.ts';
import { describeChanges, when } from './format.ts';
import type { SectionProps } from './PacksSection.tsx';
import { useReply } from './use-reply.ts';

/** Subscriptions section props. */
export interface SubscriptionsProps extends SectionProps {
  /** Ask for the host permission a URL needs; false when the reader refused. */
  requestHost: (url: string) => Promise<boolean>;
}

const RESULT: Record<NonNullable<SubscriptionView['lastResult']>, string> = {
  updated: 'updated',
  'not-modified': 'not modified since the last check',
  unchanged: 'unchanged',
  error: 'failed',
};

function Item({
  sub,
  busy,
  onUpdate,
  onRemove,
}: {
  sub: SubscriptionView;
  busy: boolean;
  onUpdate: () => void;
  onRemove: () => void;
}) {
  return (
    <li class="subscription" data-url={sub.url}>
      <strong class="subscription-url">{sub.url}</strong>
      {sub.packId ? <span> — pack {sub.packId}</span> : null}
      {sub.integrity ? <div class="hint">Integrity: {sub.integrity}</div> : null}
      <div>
        Last checked: <span class="last-checked">{when(sub.lastChecked)}</span>
        {sub.lastResult ? (
          <span class="last-result" data-result={sub.lastResult}>
            {' '}
            ({RESULT[sub.lastResult]})
          </span>
        ) : null}
        ; last updated: <span class="last-updated">{when(sub.lastUpdated)}</span>
      </div>
      {sub.changes ? <div class="changes">What changed: {describeChanges(sub.changes)}</div> : null}
      {sub.lastError ? (
        <div class="last-error" role="alert">
          Last error: {sub.lastError}
        </div>
      ) : null}
      <button type="button" disabled={busy} onClick={onUpdate} aria-label={`Update ${sub.url} now`}>
        Update now
      </button>{' '}
      <button type="button" disabled={busy} onClick={onRemove} aria-label={`Remove the subscription to ${sub.url}`}>
        Remove
      </button>
    </li>
  );
}

/** The subscriptions, their state, and the subscribe form. */
export function SubscriptionsSection({ call, revision, onChanged, requestHost }: SubscriptionsProps) {
  const list = useReply(() => call({ type: 'subscriptions' }), revision);
  const [url, setUrl] = useState('');
  const [integrity, setIntegrity] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (task: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const text = await task();
      setMessage(text ? { error: false, text } : null);
    } catch (e) {
      setMessage({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
      onChanged();
    }
  };
  const subscribe = (event: Event) => {
    event.preventDefault();
    const asked = requestHost(url); // first, while the click still counts as a gesture
    void run(async () => {
      if (!(await asked))
        throw new Error('The browser did not allow reading that site, so the pack cannot be downloaded.');
      const r = await data(call({ type: 'subscribe', url, ...(integrity.trim() ? { integrity } : {}) }));
      if (!r.ok) throw new Error(r.message);
      setUrl('');
      setIntegrity('');
      return r.subscription.lastError ? null : `Subscribed to ${r.subscription.url}.`;
    });
  };
  const update = (u?: string) =>
    run(async () => (await data(call({ type: 'updateSubscriptions', ...(u ? { url: u } : {}) })), null));
  const remove = (u: string) =>
    run(async () => ((await data(call({ type: 'unsubscribe', url: u }))).removed ? `Removed ${u}.` : null));

  return (
    <section aria-labelledby="subs-title">
      <h2 id="subs-title">Subscriptions</h2>
      {list.state === 'error' ? <p role="alert">{list.message}</p> : null}
      {list.state === 'ready' && list.data.subscriptions.length === 0 ? <p>No subscriptions.</p> : null}
      {list.state === 'ready' && list.data.subscriptions.length > 0 ? (
        <>
          <ul class="subscriptions">
            {list.data.subscriptions.map((s) => (
              <Item
                key={s.url}
                sub={s}
                busy={busy}
                onUpdate={() => void update(s.url)}
                onRemove={() => void remove(s.url)}
              />
            ))}
          </ul>
          <button type="button" disabled={busy} onClick={() => void update()}>
            Update all now
          </button>
        </>
      ) : null}
      <form class="subscribe" onSubmit={subscribe}>
        <label>
          Pack URL (https){' '}
          <input
            type="url"
            name="subscription-url"
            required
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>{' '}
        <label>
          Integrity (optional, sha256-… or hex){' '}
          <input name="subscription-integrity" value={integrity} onInput={(e) => setIntegrity(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit" disabled={busy}>
          Subscribe
        </button>
      </form>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'error' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

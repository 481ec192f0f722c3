/**
 * The own-entity and own-fact forms. Validation happens in the background (lib/facts/own.ts);
 * its messages come back per field and are shown beside each input. A fact needs a source URL
 * (http or https) and a date.
 */
import { useState } from 'preact/hooks';
import type { OwnEntityView, OwnFactView } from '../../lib/protocol/manage-calls.ts';
import type { RequestOf } from '../../lib/protocol/messages.ts';
import { data, type Call } from './client.ts';
import { errorMap, Field } from './Field.tsx';
import { SOURCE_TIERS, TIER_MEANING, type SourceTier } from '../../lib/sources/tiers.ts';

type EntityInput = RequestOf<'saveOwnEntity'>['entity'];
type FactInput = RequestOf<'saveOwnFact'>['fact'];

const KINDS: [EntityInput['kind'], string][] = [
  ['person', 'Person'],
  ['organisation', 'Organisation'],
  ['staff-group', 'Staff group'],
  ['role', 'Role'],
  ['place', 'Place'],
];

/** What an own-record form needs. */
export interface FormProps<V> {
  call: Call;
  /** The record being edited, or null for a new one. */
  editing: V | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

function entityInput(e: OwnEntityView | null): EntityInput {
  if (!e) return { name: '', kind: 'person', aliases: [], description: '', private: false };
  return {
    id: e.id,
    name: e.name,
    kind: e.kind as EntityInput['kind'],
    aliases: e.aliases,
    description: e.description,
    ...(e.wikipedia ? { wikipedia: e.wikipedia } : {}),
    private: e.private,
  };
}

/** Add or edit an own entity. */
export function EntityForm({ call, editing, onSaved, onCancel }: FormProps<OwnEntityView>) {
  const [v, setV] = useState<EntityInput>(() => entityInput(editing));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    <K extends keyof EntityInput>(key: K) =>
    (value: EntityInput[K]) =>
      setV({ ...v, [key]: value });
  const submit = async (event: Event) => {
    event.preventDefault();
    const r = await data(call({ type: 'saveOwnEntity', entity: v })).catch((e: unknown) => ({
      ok: false as const,
      errors: [{ field: '', message: String(e) }],
    }));
    if (!r.ok) return setErrors(errorMap(r.errors));
    setErrors({});
    setV(entityInput(null));
    onSaved(r.id);
  };
  return (
    <form
      class="own-entity-form"
      onSubmit={(e) => void submit(e)}
      aria-label={editing ? `Edit ${editing.name}` : 'Add an entity'}
    >
      <Field name="name" label="Name" required value={v.name} onInput={set('name')} error={errors.name} />
      <Field
        name="kind"
        label="Kind"
        value={v.kind}
        onInput={(k) => set('kind')(k as EntityInput['kind'])}
        options={KINDS}
        error={errors.kind}
      />
      <Field
        name="aliases"
        label="Other names, one per line"
        multiline
        value={v.aliases.join('\n')}
        onInput={(t) => set('aliases')(t.split('\n'))}
      />
      <Field
        name="description"
        label="Description"
        multiline
        value={v.description}
        onInput={set('description')}
        error={errors.description}
      />
      <Field
        name="wikipedia"
        label="Wikipedia page"
        type="url"
        value={v.wikipedia ?? ''}
        onInput={(w) => setV({ ...v, wikipedia: w || undefined })}
        error={errors.wikipedia}
      />
      <label class="check">
        <input
          type="checkbox"
          name="private"
          checked={v.private}
          onChange={(e) => set('private')(e.currentTarget.checked)}
        />{' '}
        Private: never highlight it in pages (a page could see which words are highlighted)
      </label>
      {errors[''] ? (
        <p role="alert" class="error">
          {errors['']}
        </p>
      ) : null}
      <button type="submit">{editing ? 'Save entity' : 'Add entity'}</button>{' '}
      {editing ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}

function factInput(f: OwnFactView | null, subject: string): FactInput {
  if (!f) return { subject, statement: '', date: '', sourceUrl: '' };
  return {
    id: f.id,
    subject: f.subject,
    statement: f.statement,
    date: f.date ?? '',
    sourceUrl: f.sourceUrl,
    publisher: f.publisher,
    ...(f.sourceDate ? { sourceDate: f.sourceDate } : {}),
    tier: f.tier,
    ...(f.note ? { note: f.note } : {}),
  };
}

/** The source-tier choice: by the site (the known-sites table; an unknown site is weak), or the reader's. */
const TIER_OPTIONS: [string, string][] = [
  ['', 'Decide by the site (an unknown site counts as weak)'],
  ...SOURCE_TIERS.map((t): [string, string] => [t, `${t[0]!.toUpperCase()}${t.slice(1)}: ${TIER_MEANING[t]}`]),
];

/** The fact form also needs what facts can be about. */
export interface FactFormProps extends FormProps<OwnFactView> {
  subjects: { id: string; name: string; kind: string }[];
}

/** Add or edit an own fact (source URL and date required). */
export function FactForm({ call, editing, onSaved, onCancel, subjects }: FactFormProps) {
  const [v, setV] = useState<FactInput>(() => factInput(editing, subjects[0]?.id ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const set = (key: keyof FactInput) => (value: string) => setV({ ...v, [key]: value });
  const shown = filterSubjects(subjects, filter, v.subject);
  const narrow = (text: string) => {
    setFilter(text);
    // The first match becomes the choice, so typing a name and saving is enough.
    const first = filterSubjects(subjects, text, '')[0];
    if (text.trim() && first) setV({ ...v, subject: first.id });
  };
  const setTier = (value: string) => {
    const { tier: _old, ...rest } = v;
    setV(value ? { ...rest, tier: value as SourceTier } : rest);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const r = await data(call({ type: 'saveOwnFact', fact: v })).catch((e: unknown) => ({
      ok: false as const,
      errors: [{ field: '', message: String(e) }],
    }));
    if (!r.ok) return setErrors(errorMap(r.errors));
    setErrors({});
    setV(factInput(null, v.subject));
    onSaved(r.id);
  };
  return (
    <form
      class="own-fact-form"
      onSubmit={(e) => void submit(e)}
      aria-label={editing ? 'Edit the fact' : 'Add a fact'}
      noValidate
    >
      <div class="field subject-filter">
        <label for="subject-filter">Find the subject</label>
        <input
          id="subject-filter"
          type="search"
          value={filter}
          placeholder="Type a name: Barclay, BMA, consultants…"
          aria-controls="field-subject"
          aria-describedby="subject-filter-count"
          onInput={(e) => narrow(e.currentTarget.value)}
        />
        <small id="subject-filter-count" class="hint" aria-live="polite">
          {filter.trim() ? `${shown.length} of ${subjects.length} match` : `${subjects.length} subjects`}
        </small>
      </div>
      <Field
        name="subject"
        label="About"
        value={v.subject}
        onInput={set('subject')}
        options={shown.map((s) => [s.id, `${s.name} (${s.kind})`])}
        error={errors.subject}
      />
      <Field
        name="statement"
        label="What it says"
        required
        multiline
        value={v.statement}
        onInput={set('statement')}
        error={errors.statement}
      />
      <Field
        name="date"
        label="Date"
        required
        value={v.date}
        onInput={set('date')}
        hint="When it was true or happened: YYYY-MM-DD, YYYY-MM or YYYY"
        error={errors.date}
      />
      <Field
        name="sourceUrl"
        label="Source URL"
        required
        type="url"
        value={v.sourceUrl}
        onInput={set('sourceUrl')}
        hint="Where a reader can check it (http or https)"
        error={errors.sourceUrl}
      />
      <Field
        name="publisher"
        label="Publisher"
        value={v.publisher ?? ''}
        onInput={set('publisher')}
        hint="Defaults to the source's site"
      />
      <Field
        name="sourceDate"
        label="Source published"
        value={v.sourceDate ?? ''}
        onInput={set('sourceDate')}
        error={errors.sourceDate}
      />
      <Field
        name="tier"
        label="How reliable is the source?"
        value={v.tier ?? ''}
        onInput={setTier}
        options={TIER_OPTIONS}
        hint="Shown beside the source on cards and in exports"
        error={errors.tier}
      />
      <Field name="note" label="Note" multiline value={v.note ?? ''} onInput={set('note')} />
      {errors[''] ? (
        <p role="alert" class="error">
          {errors['']}
        </p>
      ) : null}
      <button type="submit">{editing ? 'Save fact' : 'Add fact'}</button>{' '}
      {editing ? (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </form>
  );
}

const foldText = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * The subjects whose name or kind contains every word typed (any order), the current choice
 * always kept so the select never shows something other than what will be saved.
 */
export function filterSubjects<S extends { id: string; name: string; kind: string }>(
  subjects: S[],
  text: string,
  current: string,
): S[] {
  const words = foldText(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return subjects;
  return subjects.filter((s) => {
    if (s.id === current) return true;
    const hay = foldText(`${s.name} ${s.kind} ${s.id}`);
    return words.every((w) => hay.includes(w));
  });
}

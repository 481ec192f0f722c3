/**
 * How sure detection is of each kind of annotation (0–1; `Annotation.score`). One table, so a
 * change of confidence is made in one place and the order between kinds stays visible. Cards and
 * exports rank and filter by these numbers; 0 marks a candidate kept only if a name stands beside it.
 */
export const SCORE = {
  /** A name that needs no context to be sure of ("Royal College of Nursing"). */
  exactName: 0.95,
  /** A name that counts only in an NHS context, found in one ("BMA", "consultants"). */
  domainName: 0.85,
  /** A short form that counts only after the full name ("Barclay" after "Steve Barclay"). */
  coreference: 0.8,
  /** A role written beside a person and confirmed by their name ("Health Secretary Steve Barclay"). */
  titleWithName: 0.9,
  /** A descriptor or job title beside a person, taken as the role they held on the date. */
  title: 0.75,
  /** "the Health Secretary": one holder known on the date from the pack's role facts. */
  roleHolder: 0.85,
  /** The same, but the holder is known only from an attestation, not a dated term. */
  attestedRoleHolder: 0.7,
  /** The same, past the fact base's coverage: the last known holder, said so on the card. */
  roleHolderPastCoverage: 0.6,
  /** A role with no known holder on the date (England only): the role itself. */
  roleOnly: 0.5,
  /** Not theirs on this date, or ambiguous: kept only if a name stands beside it. */
  keptOnlyWithName: 0,
  /** An event noun ("strike", "walkout") before it is linked to a known event. */
  eventCandidate: 0.7,
  /** An event noun linked to one event in the fact base. */
  linkedEvent: 0.7,
  /** An event noun no known event fits. */
  unlinkedEvent: 0.5,
  /** A date or figure read from the text. */
  value: 0.8,
  /** A claim checked against dated facts. */
  checkedClaim: 0.8,
  /** A claim the fact base has nothing to check against ("no-data"). */
  uncheckedClaim: 0.5,
} as const;

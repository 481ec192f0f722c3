/** A research record's title as a reader sees it: without bookkeeping such as "(derived)". */
export function displayTitle(title: string): string {
  return title.replace(/\s*\((derived|inferred|provisional)\)\s*$/i, '');
}

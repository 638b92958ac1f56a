/** Joins class names, skipping falsy ones. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

/**
 * The root class every default style hangs from. `unstyled` drops it, so no rule of styles.css
 * matches anything inside (they are all scoped under `.filedock`).
 */
export function rootClass(
  unstyled: boolean | undefined,
  className: string | undefined,
): string | undefined {
  return cx(!unstyled && 'filedock', className);
}

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

/**
 * `options` without its `undefined` values: what a component hands to a hook whose options are
 * optional but not `undefined`-able (`exactOptionalPropertyTypes`).
 */
export function defined<T extends object>(
  options: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

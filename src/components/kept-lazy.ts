'use client';
/**
 * A lazily loaded component that stops suspending once its chunk is here. `lazy` alone suspends
 * on its first render even when the chunk came long before (its promise settles a microtask
 * later), and React then holds the revealed content back to pace fallbacks: a pick's first rows,
 * a page's table or a resume note would show well after what they show.
 */
import { type ComponentType, createElement, type FunctionComponent, lazy } from 'react';

export interface Loaded<P> {
  default: ComponentType<P>;
  /** False for a stand-in (a chunk that failed to load): a later load may bring the real one. */
  kept?: boolean;
}

export interface KeptLazy<P> {
  /** Suspends only while the chunk is on its way; from then on renders what it brought. */
  Component: FunctionComponent<P>;
  /** Fetches the chunk (a prefetch too): what it resolves to is kept unless `kept` is false. */
  load(): Promise<Loaded<P>>;
}

export function keptLazy<P extends object>(fetch: () => Promise<Loaded<P>>): KeptLazy<P> {
  let loaded: ComponentType<P> | undefined;
  const load = (): Promise<Loaded<P>> =>
    fetch().then((module) => {
      if (module.kept === false) return module;
      loaded ??= module.default;
      return { default: loaded };
    });
  const Lazy = lazy(load);
  return {
    // biome-ignore lint/correctness/noComponentHookFactories: made once per chunk, at module level, as `lazy` makes its own.
    Component: (props: P) => createElement(loaded ?? Lazy, props),
    load,
  };
}

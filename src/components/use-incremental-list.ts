'use client';
/**
 * Mounts a long list a slice at a time: the first `step` items at once, then `step` more per
 * task until every item is shown. A thousand picked files otherwise mount in one render and
 * one commit, a main-thread task of several hundred milliseconds during which the
 * page neither paints nor answers input. Each slice is committed, so a store notification
 * arriving in between never throws finished work away (as an interrupted transition would).
 * Items already shown stay shown; a list that grows by less than `step` shows at once.
 */
import { useEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';

export function useIncrementalList<T>(items: readonly T[], step: number): readonly T[] {
  const shown = useRef(0);
  const [, next] = useReducer((n: number) => n + 1, 0);
  const count = Math.min(items.length, shown.current + step);

  useEffect(() => {
    shown.current = count;
    if (count >= items.length) return;
    // A new task (not a microtask, not a frame): the browser may paint and handle input between
    // slices, and a hidden tab still finishes the list. The slice renders and commits in that
    // task (flushSync), and this effect then runs in it too: one task per slice, where a plain
    // update would wait for React's own scheduler task and a later one for the effect, each
    // giving the browser another turn (and another frame) before the list is whole.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => flushSync(next);
    channel.port2.postMessage(undefined);
    return () => channel.port1.close();
  });

  return count >= items.length ? items : items.slice(0, count);
}

import type { StateCreator } from 'zustand';

/**
 * One slice of the client store: it creates `T` and may read or write the `Deps` it names (other slices' fields),
 * so a slice never imports the store root and the import graph stays acyclic.
 */
export type Slice<T, Deps = object> = StateCreator<T & Deps, [], [], T>;

/** The store root's reset, callable from any slice (sign-out and a failed session). */
export interface StoreReset {
  /** Puts every slice's member-bound fields back to what a fresh visit starts from (preferences stay). */
  resetAll: () => void;
}

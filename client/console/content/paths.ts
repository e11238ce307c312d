/** A path into nested JSON: object keys and array indexes. */
export type Path = readonly (string | number)[];

/** The value at `path`, or undefined when any step is missing. */
export function getIn(value: unknown, path: Path): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

/** A copy of `value` with `next` at `path`; objects and arrays on the way are copied, missing ones created. */
export function setIn(value: unknown, path: Path, next: unknown): unknown {
  const [step, ...rest] = path;
  if (step === undefined) return next;
  const inner = rest.length === 0 ? next : setIn(getIn(value, [step]), rest, next);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(step)] = inner;
    return copy;
  }
  const base = value !== null && typeof value === 'object' ? value : {};
  return { ...base, [step]: inner };
}

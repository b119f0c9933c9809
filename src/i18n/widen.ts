/** The shape of a catalogue with every string widened: another language must have exactly these keys. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

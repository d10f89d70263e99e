/** The shape of a locale's strings: the same nested keys as the English file, any wording. */
export type MessageShape<T> = { [K in keyof T]: T[K] extends string ? string : MessageShape<T[K]> };

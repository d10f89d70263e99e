/**
 * The library's one reading of the machine clock, used only as a default when a caller passes no "now"
 * (zod refinements such as "not in the future" run where nothing can be injected). The API passes its Clock.
 */
export const systemNow = (): Date => new Date();

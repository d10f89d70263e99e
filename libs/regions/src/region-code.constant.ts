/** Canonical region codes: 2 (province), 4 (city) or 6 (district) digits. */
export const REGION_CODE_PATTERN = /^(?:\d{2}|\d{4}|\d{6})$/;

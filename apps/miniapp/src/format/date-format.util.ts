// The code view's CST formatting is the one every resident-facing date uses, so the code page, the history and
// the hotline lookup never disagree about a day.
export { daysFromToday, formatDateTime, formatDay } from '@healthcode/code-view';

// Type-checking and jest resolve `platform/scanner` to this file; Taro builds pick scanner.<platform>.ts.
export { scanner } from './scanner.h5';

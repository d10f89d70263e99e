// Type-checking and jest resolve `platform/card-download` to this file; Taro builds pick card-download.<platform>.ts.
export { cardDownloader } from './card-download.h5';

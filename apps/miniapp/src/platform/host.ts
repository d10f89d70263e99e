// Type-checking and jest resolve `platform/host` to this file; Taro builds resolve host.<platform>.ts first.
export { host } from './host.h5';

// Type-checking and jest resolve `platform/subscribe` to this file; Taro builds pick subscribe.<platform>.ts.
export { subscriber } from './subscribe.h5';

// Type-checking and jest resolve `platform/evidence-picker` to this file; Taro builds pick evidence-picker.<platform>.ts.
export { evidencePicker } from './evidence-picker.h5';

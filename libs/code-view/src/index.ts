export * from './code-view-texts.constant';
export * from './code-view.model';
export * from './code-view.util';
export * from './cst-format.util';
export * from './history-view.util';
export * from './localized.util';

// One fallback rule for the server's bilingual texts, shared with the hotline lookup through the code view.
export { localized } from '@healthcode/code-view';

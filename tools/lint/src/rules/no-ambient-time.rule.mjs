// Time comes from the injected Clock (API) or the app's clock module (front ends), so tests can move it
// without sleeping and two reads in one request agree. `new Date(x)` with an argument only converts a value.

/** @type {import('eslint').Rule.RuleModule} */
export const noAmbientTime = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid `new Date()` without an argument and `Date.now()`: read time from the Clock.' },
    messages: {
      newDate: '`new Date()` reads the wall clock: take "now" from the injected Clock (or the app clock module).',
      dateNow: '`Date.now()` reads the wall clock: take "now" from the injected Clock (or the app clock module).',
    },
    schema: [],
  },
  create(context) {
    const isGlobalDate = (node) => {
      if (node.type !== 'Identifier' || node.name !== 'Date') return false;
      const scope = context.sourceCode.getScope(node);
      let ref = null;
      for (let s = scope; s && !ref; s = s.upper) ref = s.set.get('Date') ?? null;
      // A local binding named Date (an import or a parameter) is not the global clock.
      return !ref || ref.defs.length === 0;
    };
    return {
      NewExpression(node) {
        if (node.arguments.length === 0 && isGlobalDate(node.callee)) context.report({ node, messageId: 'newDate' });
      },
      // Any use of `Date.now`, called or passed along as a function, reads the wall clock.
      MemberExpression(node) {
        if (
          !node.computed &&
          node.property.type === 'Identifier' &&
          node.property.name === 'now' &&
          isGlobalDate(node.object)
        )
          context.report({ node, messageId: 'dateNow' });
      },
    };
  },
};

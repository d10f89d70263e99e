// A controller is a decorator stack and one delegating line: rules, branching and error mapping belong to
// services, where they are tested without HTTP. A method longer than a few statements is logic that moved in.

const DEFAULT_MAX = 2;
const NESTED = ['consequent', 'alternate', 'body', 'block', 'handler', 'finalizer'];

/** Statements at every depth, so an `if` with a long body counts as what it is. */
function countStatements(statements) {
  let n = 0;
  const visit = (stmt) => {
    if (stmt.type === 'BlockStatement') return stmt.body.forEach(visit);
    if (stmt.type === 'CatchClause') return visit(stmt.body);
    n += 1;
    for (const key of NESTED) {
      const child = stmt[key];
      if (child && typeof child === 'object' && !Array.isArray(child) && /Statement|CatchClause$/.test(child.type))
        visit(child);
    }
  };
  statements.forEach(visit);
  return n;
}

const isControllerClass = (classNode) =>
  (classNode?.decorators ?? []).some((d) => {
    const callee = d.expression.type === 'CallExpression' ? d.expression.callee : d.expression;
    return callee.type === 'Identifier' && callee.name === 'Controller';
  });

/** @type {import('eslint').Rule.RuleModule} */
export const thinController = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Controller methods delegate to a service in at most a few statements.' },
    messages: {
      tooLong:
        "Controller method '{{name}}' has {{count}} statements (at most {{max}}): move the logic into a service.",
    },
    schema: [
      {
        type: 'object',
        properties: { maxStatements: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const max = context.options[0]?.maxStatements ?? DEFAULT_MAX;
    return {
      MethodDefinition(node) {
        if (node.kind === 'constructor' || !node.value.body) return;
        if (!isControllerClass(node.parent.parent)) return;
        const count = countStatements(node.value.body.body);
        if (count <= max) return;
        const name = node.key.type === 'Identifier' ? node.key.name : '(computed)';
        context.report({ node: node.key, messageId: 'tooLong', data: { name, count, max } });
      },
    };
  },
};

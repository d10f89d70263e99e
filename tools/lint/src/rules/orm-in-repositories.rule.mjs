// Every query lives in a `*.repository.ts`: services hold rules, and a reader finds all SQL touching a table
// in one file per module. Services may still hold a transaction handle (`EntityManager`) to pass it to
// repositories, so type-only imports are allowed; using the handle is not.

const ORM_MODULES = new Set(['typeorm', '@nestjs/typeorm']);

/** Method and property names that exist only on TypeORM handles (DataSource, EntityManager, Repository). */
const ORM_ONLY_MEMBERS = new Set([
  'createQueryBuilder',
  'createQueryRunner',
  'getRepository',
  'getTreeRepository',
  'withRepository',
  'manager',
]);

/** @type {import('eslint').Rule.RuleModule} */
export const ormInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'TypeORM is used only in `*.repository.ts` files (and migrations / database setup).' },
    messages: {
      valueImport:
        "'{{name}}' from '{{source}}' is ORM machinery: move the query into a *.repository.ts (only `import type` is allowed here).",
      handleUse:
        "'{{name}}' is a TypeORM {{type}}: call a repository method and pass it the handle instead of using it here.",
      ormMember: "'.{{member}}' reaches into TypeORM: move this into a *.repository.ts.",
    },
    schema: [],
  },
  create(context) {
    /** Local names of TypeORM types imported with `import type`. */
    const ormTypes = new Set();
    /** Variables, parameters and class properties declared with a TypeORM type, by name. */
    const handles = new Map();

    const typeName = (annotation) => {
      const t = annotation?.typeAnnotation;
      if (t?.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && ormTypes.has(t.typeName.name))
        return t.typeName.name;
      return null;
    };
    const remember = (id) => {
      if (id?.type !== 'Identifier') return;
      const type = typeName(id.typeAnnotation);
      if (type) handles.set(id.name, type);
    };
    const handleOf = (object) => {
      if (object.type === 'Identifier') return handles.has(object.name) ? object.name : null;
      if (
        object.type === 'MemberExpression' &&
        object.object.type === 'ThisExpression' &&
        object.property.type === 'Identifier'
      )
        return handles.has(object.property.name) ? object.property.name : null;
      return null;
    };

    /** Calls on an object that may turn out to be a handle once the whole file is read. */
    const calls = [];

    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!ORM_MODULES.has(source)) return;
        for (const spec of node.specifiers) {
          const typeOnly = node.importKind === 'type' || spec.importKind === 'type';
          if (typeOnly) ormTypes.add(spec.local.name);
          else context.report({ node: spec, messageId: 'valueImport', data: { name: spec.local.name, source } });
        }
      },
      Identifier(node) {
        // Parameters (including constructor parameter properties) and typed variables.
        if (node.typeAnnotation) remember(node);
      },
      PropertyDefinition(node) {
        if (node.key.type === 'Identifier' && node.typeAnnotation) {
          const type = typeName(node.typeAnnotation);
          if (type) handles.set(node.key.name, type);
        }
      },
      TSParameterProperty(node) {
        remember(node.parameter);
      },
      'MemberExpression:exit'(node) {
        if (node.computed || node.property.type !== 'Identifier') return;
        if (ORM_ONLY_MEMBERS.has(node.property.name)) {
          context.report({ node: node.property, messageId: 'ormMember', data: { member: node.property.name } });
          return;
        }
        // `manager.query(...)`, `this.db.transaction(...)`: using a handle, not just passing it on.
        const parent = node.parent;
        if (parent.type === 'CallExpression' && parent.callee === node) calls.push(node);
      },
      'Program:exit'() {
        for (const node of calls) {
          const name = handleOf(node.object);
          if (name) context.report({ node, messageId: 'handleUse', data: { name, type: handles.get(name) } });
        }
      },
    };
  },
};

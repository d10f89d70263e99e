import { thinController } from './thin-controller.rule.mjs';
import { typescriptRuleTester } from './rule-tester.util';

typescriptRuleTester().run('thin-controller', thinController, {
  valid: [
    {
      name: 'one delegating line',
      code: `@Controller('appeals') class AppealController { @Get(':id') get(@Param('id') id: string) { return this.appeals.get(id); } }`,
    },
    {
      name: 'two statements are still thin',
      code: `@Controller() class C { @Post() async post(@Req() req: R) { const actor = actorOf(req); return this.s.post(actor); } }`,
    },
    {
      name: 'classes that are not controllers are not counted',
      code: `class Service { run() { const a = 1; const b = 2; if (a) { x(); y(); } return a + b; } }`,
    },
    {
      name: 'a limit from the options',
      options: [{ maxStatements: 3 }],
      code: `@Controller() class C { m() { a(); b(); return c(); } }`,
    },
    {
      name: 'callbacks inside an expression are one statement',
      code: `@Controller() class C { m() { return this.s.list().then((rows) => { const a = rows.map(f); return a.filter(g); }); } }`,
    },
  ],
  invalid: [
    {
      name: 'a rule inside a controller',
      code: `@Controller('x') class C { @Get() m(@Query() q: Q) { const page = q.page ?? 1; if (page > 10) throw new BadRequestException(); return this.s.list(page); } }`,
      errors: [{ messageId: 'tooLong', data: { name: 'm', count: 4, max: 2 } }],
    },
    {
      name: 'statements nested in an if count',
      code: `@Controller() class C { m(a: boolean) { if (a) { x(); y(); } } }`,
      errors: [{ messageId: 'tooLong' }],
    },
    {
      name: 'statements in try / catch count',
      code: `@Controller() class C { async m() { try { await a(); } catch (e) { log(e); throw e; } } }`,
      errors: [{ messageId: 'tooLong' }],
    },
  ],
});

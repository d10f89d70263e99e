import { Controller, Get, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { routeMetadata } from './route-metadata.util';

const KEY = 'test:route-metadata';

@SetMetadata(KEY, 'class-a')
@Controller()
class BaseController {
  @Get('inherited')
  inherited(): void {}

  @SetMetadata(KEY, 'own')
  @Get('own')
  own(): void {}
}

@SetMetadata(KEY, 'class-b')
@Controller()
class OtherController extends BaseController {}

@Controller()
class BareController {
  @Get('bare')
  bare(): void {}
}

function contextOf(cls: abstract new () => unknown, handler: (...args: never[]) => unknown): ExecutionContext {
  return { getClass: () => cls, getHandler: () => handler } as unknown as ExecutionContext;
}

describe('routeMetadata', () => {
  it('answers what getAllAndOverride answers: handler first, then class, undefined when neither has it', () => {
    const reflector = new Reflector();
    const proto = BaseController.prototype;
    expect(routeMetadata(reflector, KEY, contextOf(BaseController, proto.own))).toBe('own');
    expect(routeMetadata(reflector, KEY, contextOf(BaseController, proto.inherited))).toBe('class-a');
    expect(routeMetadata(reflector, KEY, contextOf(BareController, BareController.prototype.bare))).toBeUndefined();
  });

  it('keeps a handler inherited by two controllers apart: each gets its own class metadata', () => {
    const reflector = new Reflector();
    const handler = BaseController.prototype.inherited;
    expect(routeMetadata(reflector, KEY, contextOf(BaseController, handler))).toBe('class-a');
    expect(routeMetadata(reflector, KEY, contextOf(OtherController, handler))).toBe('class-b');
    expect(routeMetadata(reflector, KEY, contextOf(BaseController, handler))).toBe('class-a');
  });

  it('asks the reflector once per route and key, undefined answers included', () => {
    const reflector = new Reflector();
    const spy = jest.spyOn(reflector, 'getAllAndOverride');
    const ctx = contextOf(BaseController, BaseController.prototype.own);
    // Keys no other case asked for: the memory is per route and key, not per Reflector.
    for (let i = 0; i < 3; i++) {
      expect(routeMetadata(reflector, `${KEY}:unset`, ctx)).toBeUndefined();
      expect(routeMetadata(reflector, `${KEY}:also-unset`, ctx)).toBeUndefined();
    }
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

import { regionCode } from '@healthcode/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';

import { ApiZodQuery } from '../../common/api-zod.decorator';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Public } from '../auth/auth.guard';
import { RulesService } from './rules.service';

const RulesQuerySchema = z.strictObject({ region: regionCode() });

/** The rules are public: anyone can read what decides a colour, in plain language. */
@ApiTags('public')
@Controller('v1/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @Public()
  @ApiZodQuery('region', regionCode())
  effective(@Query(new ZodValidationPipe(RulesQuerySchema)) query: z.infer<typeof RulesQuerySchema>) {
    return this.rules.publicRules(query.region);
  }

  @Get('changelog')
  @Public()
  changelog() {
    return this.rules.changelog();
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

import { AuthorityFactEntity } from '../authority/authority-fact.entity';

/** Authority facts (case registry, close contacts, transport bookings) matched by the keyed ID HMAC. */
@Injectable()
export class FactsRepository {
  constructor(@InjectRepository(AuthorityFactEntity) private readonly facts: Repository<AuthorityFactEntity>) {}

  forIdHmac(idHmac: Buffer): Promise<AuthorityFactEntity[]> {
    return this.facts.find({ where: { idHmac } });
  }
}

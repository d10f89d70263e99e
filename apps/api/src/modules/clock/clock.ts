import { Injectable } from '@nestjs/common';

/** The only source of "now" in services, so tests can move time without sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

import type { CardTokenClaims } from '../card-token.model';
import { CARD_TOKEN_DEFAULT_TTL_SEC } from '../qr-token.constant';
import { NOW_SEC } from './code-token.fixture';

export const cardClaims = (overrides: Partial<CardTokenClaims> = {}): CardTokenClaims => ({
  iss: 'cn-33',
  crd: 'k1w2e3r4t5y6u7i8o9p0aZ',
  nbf: NOW_SEC,
  exp: NOW_SEC + CARD_TOKEN_DEFAULT_TTL_SEC,
  ...overrides,
});

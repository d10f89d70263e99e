import { MAX_RESIDENT_ID, PREVIEW_RANGE_FACTOR, rangeJobId, rangesFromStarts, rangeSizeFor } from './range-bounds.util';

describe('rangesFromStarts', () => {
  it('makes contiguous half-open ranges with the last one open-ended', () => {
    expect(rangesFromStarts(['a', 'c', 'e'], 5, 2)).toEqual([
      { rangeStart: 'a', rangeEnd: 'c', residents: 2 },
      { rangeStart: 'c', rangeEnd: 'e', residents: 2 },
      { rangeStart: 'e', rangeEnd: MAX_RESIDENT_ID, residents: 1 },
    ]);
    expect(rangesFromStarts([], 0, 2)).toEqual([]);
  });
  it('names jobs deterministically', () => {
    expect(rangeJobId('r1', 'a')).toBe('rescore:r1:a');
  });
});

describe('rangeSizeFor', () => {
  it('gives a preview larger ranges than a run that writes codes', () => {
    expect(rangeSizeFor('preview', 2000)).toBe(2000 * PREVIEW_RANGE_FACTOR);
    expect(rangeSizeFor('publish', 2000)).toBe(2000);
    expect(rangeSizeFor('import', 50)).toBe(50);
  });
});

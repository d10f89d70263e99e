import { suppressSmallCounts } from './suppress-small-counts.util';

describe('suppressSmallCounts', () => {
  it('hides yellow and red counts from 1 to the threshold − 1, keeping green, zero and larger counts', () => {
    expect(suppressSmallCounts({ green: 3, yellow: 9, red: 1 }, 10)).toEqual({ green: 3, yellow: null, red: null });
    expect(suppressSmallCounts({ green: 0, yellow: 10, red: 0 }, 10)).toEqual({ green: 0, yellow: 10, red: 0 });
    expect(suppressSmallCounts({ date: '2020-02-20', green: 1, yellow: 2, red: 0 }, 3)).toEqual({
      date: '2020-02-20',
      green: 1,
      yellow: null,
      red: 0,
    });
  });

  it('hides nothing with a threshold of 1', () => {
    expect(suppressSmallCounts({ green: 1, yellow: 1, red: 1 }, 1)).toEqual({ green: 1, yellow: 1, red: 1 });
  });
});

import { childrenBarOption, trendLineOption } from './chart-options.util';

const labels = { green: 'G', yellow: 'Y', red: 'R' };

describe('chart options', () => {
  it('stacks one bar per child region, one series per colour', () => {
    const option = childrenBarOption(
      [
        { region: '3301', counts: { green: 5, yellow: 2, red: 1 } },
        { region: '3302', counts: { green: 7, yellow: 0, red: 0 } },
      ],
      labels,
      (code) => `name-${code}`,
      'By region',
    ) as {
      aria: { label: { description: string } };
      xAxis: { data: string[] };
      series: { name: string; stack: string; data: number[] }[];
    };

    expect(option.xAxis.data).toEqual(['name-3301', 'name-3302']);
    expect(option.series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['G', 'residents', [5, 7]],
      ['Y', 'residents', [2, 0]],
      ['R', 'residents', [1, 0]],
    ]);
    expect(option.aria.label.description).toBe('By region: name-3301 G 5, Y 2, R 1; name-3302 G 7, Y 0, R 0');
  });

  it('draws the trend by day', () => {
    const option = trendLineOption(
      [
        { date: '2020-02-10', green: 1, yellow: 2, red: 3 },
        { date: '2020-02-11', green: 4, yellow: 5, red: 6 },
      ],
      labels,
      'Trend',
    ) as { aria: { label: { description: string } }; xAxis: { data: string[] }; series: { data: number[] }[] };

    expect(option.xAxis.data).toEqual(['02-10', '02-11']);
    expect(option.series.map((s) => s.data)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(option.aria.label.description).toBe('Trend: 2020-02-10 G 1, Y 2, R 3; 2020-02-11 G 4, Y 5, R 6');
  });
});

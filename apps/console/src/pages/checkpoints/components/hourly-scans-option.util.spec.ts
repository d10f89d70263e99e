import { hourlyScansOption } from './hourly-scans-option.util';

describe('hourlyScansOption', () => {
  const labels = {
    title: 'Scans per hour',
    admitted: 'Admitted',
    refused: 'Refused',
    hour: (iso: string) => iso.slice(11, 16),
  };

  it('stacks admitted and refused per hour and describes only the busy hours', () => {
    const option = hourlyScansOption(
      [
        { hour: '2026-12-01T10:00:00.000Z', admitted: 0, refused: 0 },
        { hour: '2026-12-01T11:00:00.000Z', admitted: 4, refused: 1 },
      ],
      labels,
    ) as { xAxis: { data: string[] }; series: { data: number[] }[]; aria: { label: { description: string } } };
    expect(option.xAxis.data).toEqual(['10:00', '11:00']);
    expect(option.series.map((s) => s.data)).toEqual([
      [0, 4],
      [0, 1],
    ]);
    expect(option.aria.label.description).toBe('Scans per hour: 11:00 Admitted 4, Refused 1');
  });
});

import { ColorDeltas, regionLevels, sumByDay, withPendingDays } from './color-delta.util';

describe('regionLevels', () => {
  it('rolls a district up into city, province and country', () => {
    expect(regionLevels('330106')).toEqual(['', '33', '3301', '330106']);
    expect(regionLevels('')).toEqual(['']);
  });
});

describe('ColorDeltas', () => {
  it('moves a resident between colours at every level and drops what cancels out', () => {
    const d = new ColorDeltas();
    d.move({ region: '330106', color: 'green' }, { region: '330106', color: 'red' });
    d.move({ region: '330102', color: 'red' }, { region: '330102', color: 'green' });
    expect(d.entries()).toEqual([
      { region: '330102', color: 'green', delta: 1 },
      { region: '330102', color: 'red', delta: -1 },
      { region: '330106', color: 'green', delta: -1 },
      { region: '330106', color: 'red', delta: 1 },
    ]);
  });
  it('counts a first evaluation and ignores an unchanged one', () => {
    const d = new ColorDeltas();
    d.move(null, { region: '3301', color: 'yellow' });
    d.move({ region: '3301', color: 'green' }, { region: '3301', color: 'green' });
    expect(d.entries()).toEqual([
      { region: '', color: 'yellow', delta: 1 },
      { region: '33', color: 'yellow', delta: 1 },
      { region: '3301', color: 'yellow', delta: 1 },
    ]);
  });
});

describe('sumByDay', () => {
  it('sums outbox rows per day (ascending) and region|colour, dropping zero sums', () => {
    expect(
      sumByDay([
        { region: '33', day: '2020-02-21', color: 'green', delta: 1 },
        { region: '33', day: '2020-02-20', color: 'green', delta: 2 },
        { region: '33', day: '2020-02-20', color: 'green', delta: -1 },
        { region: '', day: '2020-02-20', color: 'red', delta: 1 },
        { region: '', day: '2020-02-20', color: 'red', delta: -1 },
      ]),
    ).toEqual([
      ['2020-02-20', new Map([['33|green', 1]])],
      ['2020-02-21', new Map([['33|green', 1]])],
    ]);
  });
});

describe('withPendingDays', () => {
  it('adds a pending change to its day (carried from the day before) and to every later day', () => {
    const snapshots = [
      { day: '2020-02-18', color: 'green' as const, count: 10 },
      { day: '2020-02-21', color: 'green' as const, count: 12 },
      { day: '2020-02-21', color: 'red' as const, count: 1 },
    ];
    expect(withPendingDays(snapshots, [{ day: '2020-02-20', color: 'green', count: 3 }])).toEqual([
      { day: '2020-02-18', color: 'green', count: 10 },
      { day: '2020-02-21', color: 'green', count: 15 },
      { day: '2020-02-21', color: 'red', count: 1 },
      { day: '2020-02-20', color: 'green', count: 13 },
    ]);
  });

  it('starts from zero when nothing was snapshotted before', () => {
    expect(withPendingDays([], [{ day: '2020-02-20', color: 'yellow', count: 2 }])).toEqual([
      { day: '2020-02-20', color: 'yellow', count: 2 },
    ]);
  });
});

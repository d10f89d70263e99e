import { ColorDeltas, regionLevels } from './color-delta.util';

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

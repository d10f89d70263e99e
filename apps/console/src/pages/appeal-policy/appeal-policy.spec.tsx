import { DEFAULT_APPEAL_CATEGORIES } from '@healthcode/contracts';
import { screen, waitFor, within } from '@testing-library/react';

import { stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

jest.setTimeout(30_000);

const hotel = { 'zh-CN': '隔离酒店记录有误', en: 'The quarantine hotel record is wrong' };
const defaults = {
  regionPrefix: '',
  firstResponseHours: 24,
  decisionHours: 72,
  loweringNeedsApproval: true,
  categories: DEFAULT_APPEAL_CATEGORIES,
};
const region = {
  ...defaults,
  regionPrefix: '330106',
  categories: [DEFAULT_APPEAL_CATEGORIES[1], { key: 'quarantine-hotel', label: hotel, custom: true }],
};

describe('appeal policy page', () => {
  it("lists each region's categories and edits them: known ones by key, the region's own with both labels", async () => {
    const { calls } = stubFetch(({ method, body }) =>
      method === 'PUT' ? { body: { ...region, ...(body as object) } } : { body: { defaults, items: [region] } },
    );
    signInAs('region-admin', { regionScope: '3301' });
    const { user } = renderApp('/appeal-policy', { language: 'en' });

    const row = (await screen.findByRole('cell', { name: 'Xihu District (330106)' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('The case registry matched the wrong person; The quarantine hotel record is wrong');
    await user.click(within(row).getByRole('button', { name: /^Edit/ }));

    // The form takes the row: one known category ticked, the region's own in its fields.
    expect(await screen.findByLabelText('Key of own category 1')).toHaveValue('quarantine-hotel');
    expect(screen.getByRole('checkbox', { name: 'The case registry matched the wrong person' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Something else' })).not.toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Something else' }));
    await user.click(screen.getByRole('button', { name: 'Add an own category' }));
    await user.type(screen.getByLabelText('Key of own category 2'), 'Bad Key');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('2 to 24 lower-case letters, digits or "-", starting with a letter')).toBeVisible();
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);

    await user.clear(screen.getByLabelText('Key of own category 2'));
    await user.type(screen.getByLabelText('Key of own category 2'), 'travel-permit');
    await user.type(screen.getByLabelText('Chinese label of own category 2'), '通行证记录有误');
    await user.type(screen.getByLabelText('English label of own category 2'), 'The travel permit is wrong');
    await user.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({
      url: '/api/v1/admin/appeal-policies/330106',
      body: {
        firstResponseHours: 24,
        decisionHours: 72,
        loweringNeedsApproval: true,
        categories: [
          { key: 'wrong-case-match' },
          { key: 'other' },
          { key: 'quarantine-hotel', label: hotel },
          { key: 'travel-permit', label: { 'zh-CN': '通行证记录有误', en: 'The travel permit is wrong' } },
        ],
      },
    });
  });
});

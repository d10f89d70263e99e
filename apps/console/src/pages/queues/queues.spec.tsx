import { screen } from '@testing-library/react';

import { stubFetch } from '../../test/fetch-stub';
import { renderApp } from '../../test/render-app';
import { signInAs } from '../../test/staff-session.fixture';

describe('queues', () => {
  it('says that the API does not mount bull-board yet, for system admins only', async () => {
    stubFetch(() => ({ body: {} }));
    signInAs('system-admin', { regionScope: '' });
    const first = renderApp('/queues', { language: 'en' });
    expect(await screen.findByRole('heading', { name: 'The API does not mount bull-board yet' })).toBeInTheDocument();
    first.unmount();

    signInAs('auditor');
    renderApp('/queues', { language: 'en' });
    expect(await screen.findByText('Your role may not open this page.')).toBeInTheDocument();
  });
});

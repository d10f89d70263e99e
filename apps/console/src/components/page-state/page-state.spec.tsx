import { screen } from '@testing-library/react';

import { ApiRequestError, NetworkError } from '../../services/request-error';
import { renderWithProviders } from '../../test/render-app';
import { PageState } from '.';

describe('PageState', () => {
  it('shows the content when there is nothing else to say', () => {
    renderWithProviders(<PageState>content</PageState>);
    expect(screen.getByText('content')).toBeInTheDocument();
  });

  it('announces loading', () => {
    renderWithProviders(<PageState loading>content</PageState>);
    expect(screen.getByRole('status')).toHaveTextContent('正在加载');
    expect(screen.queryByText('content')).not.toBeInTheDocument();
  });

  it("shows the API's message and a retry button", async () => {
    const onRetry = jest.fn();
    const error = new ApiRequestError(
      { statusCode: 503, code: 'INTERNAL' as never, message: 'Statistics are being rebuilt' },
      true,
    );
    const { user } = renderWithProviders(<PageState error={error} onRetry={onRetry} />);

    expect(screen.getByRole('alert')).toHaveTextContent('Statistics are being rebuilt');
    await user.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('explains network failures in words', () => {
    renderWithProviders(<PageState error={new NetworkError('fetch failed')} />, { language: 'en' });
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the server');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows the empty description', () => {
    renderWithProviders(<PageState empty emptyDescription="Nobody here yet" />);
    expect(screen.getByText('Nobody here yet')).toBeInTheDocument();
  });
});

import { useTranslation } from 'react-i18next';

import { Screen } from '../../components/screen';
import { ErrorView, LoadingView } from '../../components/state-views';
import { useResource } from '../../hooks/use-resource';
import { switchPage } from '../../navigation/navigate';
import { resolveEntry } from './service';

/** Entry: never shown for long; it forwards to login, consent, sign-up or the code. */
export default function IndexPage() {
  const { t } = useTranslation();
  const [entry, retry] = useResource(async () => {
    const target = await resolveEntry();
    switchPage(target);
    return target;
  }, []);

  return (
    <Screen title={t('app.title')}>
      {entry.status === 'error' ? (
        <ErrorView error={entry.error} onRetry={retry} />
      ) : (
        <LoadingView message={t('entry.checking')} />
      )}
    </Screen>
  );
}

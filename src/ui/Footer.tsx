import info from 'virtual:dataset-info';
import { t } from '../i18n';

/** Attribution and licence of the data (CC BY-NC-SA 4.0 requires both). */
export function Footer() {
  return (
    <footer class="footer">
      <span>{t('attribution')}</span>
      {' · '}
      <a href={info.licence.url} target="_blank" rel="noopener noreferrer">{t('licence')}</a>
      {' · '}
      <a href={info.source.url} target="_blank" rel="noopener noreferrer">{t('source')}</a>
    </footer>
  );
}

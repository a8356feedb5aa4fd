/** An answer's currency badge as text (every surface's badge, the address bar's suggestions). */
import { productVersionName } from '../data/currency';
import type { Currency } from '../data/types';
import { t } from '../i18n';

/** "Changed since 2021 · Istio 1.19", "Superseded · Istio 1.27", "Still true in Istio 1.31", "Not re-checked since 2021". */
export function currencyLabel(currency: Pick<Currency, 'status' | 'since' | 'reviewed'>): string {
  switch (currency.status) {
    case 'changed':
      return currency.since ? t('currencyChanged', productVersionName(currency.since)) : t('currencyUnchecked');
    case 'superseded':
      return currency.since ? t('currencySuperseded', productVersionName(currency.since)) : t('currencyUnchecked');
    case 'current':
      return t('currencyCurrent', currency.reviewed.istio);
    case 'unchecked':
      return t('currencyUnchecked');
    case 'timeless':
      return t('currencyTimeless');
  }
}

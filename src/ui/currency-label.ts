/** An answer's currency badge as text (every surface's badge, the address bar's suggestions). */
import { productVersionName } from '../data/currency';
import type { Currency } from '../data/types';
import { t } from '../i18n';

/**
 * "Changed since 2021 · Istio 1.19", "Superseded · Istio 1.27", "Still true in Istio 1.31", "Not
 * re-checked since 2021". A current answer whose note corrects it ("Istio already supports
 * Dubbo") is never called "still true": "Corrected · checked in Istio 1.31".
 */
export function currencyLabel(currency: Pick<Currency, 'status' | 'since' | 'reviewed' | 'corrects'>): string {
  switch (currency.status) {
    case 'changed':
      return currency.since ? t('currencyChanged', productVersionName(currency.since)) : t('currencyUnchecked');
    case 'superseded':
      return currency.since ? t('currencySuperseded', productVersionName(currency.since)) : t('currencyUnchecked');
    case 'current':
      return t(currency.corrects ? 'currencyCorrected' : 'currencyCurrent', currency.reviewed.istio);
    case 'unchecked':
      return t('currencyUnchecked');
    case 'timeless':
      return t('currencyTimeless');
  }
}

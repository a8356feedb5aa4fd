/**
 * The settings page: sites (built-in on/off, added sites with their permission, paused sites),
 * hover behaviour, answer language, reset. Every change is saved at once and reaches open tabs
 * through storage, without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import dataset from 'virtual:dataset';
import { browser } from 'wxt/browser';
import { t } from '../../i18n';
import { addSite as addSiteTo, type AddSiteOutcome, FEW_SITES_LEFT, sitesLeft } from '../../settings/adding-sites';
import {
  type AnswerLanguageSetting,
  DEFAULT_SETTINGS,
  HOVER_DELAY,
  HOVER_MODIFIERS,
  type HoverModifier,
  type Settings,
} from '../../settings/settings';
import { loadSettings, updateSettings, watchSettings } from '../../settings/settings-item';
import { BUILT_IN_SITES, originPattern } from '../../settings/sites';

/** What the page says after "Add site". */
function addSiteMessage(outcome: AddSiteOutcome, input: string): string {
  switch (outcome.kind) {
    case 'added':
      return outcome.portDropped ? t('sitePortDropped', outcome.origin, outcome.portDropped) : t('siteAdded', outcome.origin);
    case 'refused':
      return outcome.reason === 'wildcard' ? t('siteWildcard', input) : t('siteInvalid', input);
    case 'exists':
      return t('siteExists', outcome.origin);
    case 'full':
      return t('sitesFull');
    case 'denied':
      return t('sitePermissionDenied', outcome.origin);
    case 'request-failed':
      return t('sitePermissionFailed', outcome.origin, outcome.error);
    case 'save-failed':
      return t('siteSaveFailed', outcome.origin, outcome.error);
  }
}

const LANGUAGE_OPTIONS: { value: AnswerLanguageSetting; label: () => string }[] = [
  { value: 'auto', label: () => t('langAuto') },
  { value: 'zh', label: () => t('langZhTitle') },
  { value: 'en', label: () => t('langEnTitle') },
  { value: 'both', label: () => t('langBothTitle') },
];

const MODIFIER_LABELS: Record<HoverModifier, () => string> = {
  none: () => t('modifierNone'),
  alt: () => 'Alt / ⌥',
  ctrl: () => 'Ctrl',
  shift: () => 'Shift',
  meta: () => '⌘ / Win',
};

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [newSite, setNewSite] = useState('');
  const [message, setMessage] = useState<string>();
  const [shortcut, setShortcut] = useState<string>();
  // The slider shows its value while dragging and saves on release (storage.sync limits writes).
  const [delayDraft, setDelayDraft] = useState<number>();

  useEffect(() => {
    void loadSettings().then(setSettings);
    void browser.commands.getAll().then((commands) => setShortcut(commands.find((command) => command.name === 'lookup-selection')?.shortcut || undefined));
    return watchSettings(setSettings);
  }, []);

  if (!settings) return null;
  // storage.sync refuses writes past its quotas (size, writes per minute): the page says so.
  const save = (change: (current: Settings) => Settings): Promise<boolean> =>
    updateSettings(change).then(
      (saved) => {
        setSettings(saved);
        return true;
      },
      (error: unknown) => {
        setMessage(t('saveFailed', error instanceof Error ? error.message : String(error)));
        return false;
      },
    );

  // addSite asks for the permission before it awaits anything: the request needs the user's click.
  const addSite = (event: Event) => {
    event.preventDefault();
    const input = newSite;
    void addSiteTo(input, settings, { permissions: browser.permissions, save: updateSettings }, { portsInPatterns: !import.meta.env.FIREFOX }).then((outcome) => {
      setMessage(addSiteMessage(outcome, input));
      if (outcome.kind === 'added') {
        setNewSite('');
        void loadSettings().then(setSettings);
      }
    });
  };

  const removeSite = (origin: string) => {
    void save((current) => ({ ...current, customSites: current.customSites.filter((site) => site !== origin) })).then((saved) => {
      if (saved) void browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    });
  };

  const roomLeft = sitesLeft(settings);

  return (
    <div class="options theme" data-scheme="auto">
      <header class="options-head">
        <img src="/icon/48.png" width="32" height="32" alt="" />
        <h1>{t('optionsTitle')}</h1>
      </header>

      <main>
        <section aria-labelledby="sites-heading">
          <h2 id="sites-heading">{t('sitesHeading')}</h2>
          <p class="hint">{t('sitesHint')}</p>
          <ul class="rows">
            {BUILT_IN_SITES.map((site) => (
              <li key={site.id} class="row">
                <label class="switch">
                  <input
                    type="checkbox"
                    data-site={site.id}
                    checked={settings.sites[site.id]}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      save((current) => ({ ...current, sites: { ...current.sites, [site.id]: on } }));
                    }}
                  />
                  <span>{site.label}</span>
                </label>
                {site.id === 'github.com' && <span class="hint">{t('githubHint')}</span>}
              </li>
            ))}
            {settings.customSites.map((origin) => (
              <li key={origin} class="row">
                <span class="site-name">{origin}</span>
                <button type="button" class="button secondary" onClick={() => removeSite(origin)} aria-label={t('removeSiteLabel', origin)}>
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
          <form class="add-site" onSubmit={addSite}>
            <label for="new-site">{t('addSiteLabel')}</label>
            <div class="inline">
              <input id="new-site" type="text" inputMode="url" placeholder="docs.example.com" value={newSite} onInput={(event) => setNewSite(event.currentTarget.value)} />
              <button type="submit" class="button">{t('addSite')}</button>
            </div>
          </form>
          {roomLeft < FEW_SITES_LEFT && <p class="hint" id="sites-room">{roomLeft === 0 ? t('sitesFull') : t('sitesRoomLeft', roomLeft)}</p>}
          {message && <p class="status" role="status">{message}</p>}
          {settings.pausedHosts.length > 0 && (
            <>
              <h3>{t('pausedSites')}</h3>
              <ul class="rows">
                {settings.pausedHosts.map((host) => (
                  <li key={host} class="row">
                    <span class="site-name">{host}</span>
                    <button type="button" class="button secondary" onClick={() => save((current) => ({ ...current, pausedHosts: current.pausedHosts.filter((item) => item !== host) }))}>
                      {t('resume')}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="hover-heading">
          <h2 id="hover-heading">{t('hoverHeading')}</h2>
          <label class="switch">
            <input
              type="checkbox"
              id="marks"
              checked={settings.hover.marks}
              onChange={(event) => {
                const marks = event.currentTarget.checked;
                save((current) => ({ ...current, hover: { ...current.hover, marks } }));
              }}
            />
            <span>{t('marksLabel')}</span>
          </label>
          <div class="field">
            <label for="delay">{t('delayLabel')}</label>
            <div class="inline">
              <input
                id="delay"
                type="range"
                min={HOVER_DELAY.min}
                max={HOVER_DELAY.max}
                step={50}
                value={delayDraft ?? settings.hover.delayMs}
                onInput={(event) => setDelayDraft(Number(event.currentTarget.value))}
                onChange={(event) => {
                  const delayMs = Number(event.currentTarget.value);
                  setDelayDraft(undefined);
                  save((current) => ({ ...current, hover: { ...current.hover, delayMs } }));
                }}
              />
              <output for="delay">{delayDraft ?? settings.hover.delayMs} ms</output>
            </div>
          </div>
          <div class="field">
            <label for="modifier">{t('modifierLabel')}</label>
            <select
              id="modifier"
              value={settings.hover.modifier}
              onChange={(event) => {
                const modifier = event.currentTarget.value as HoverModifier;
                save((current) => ({ ...current, hover: { ...current.hover, modifier } }));
              }}
            >
              {HOVER_MODIFIERS.map((modifier) => <option key={modifier} value={modifier}>{MODIFIER_LABELS[modifier]()}</option>)}
            </select>
          </div>
        </section>

        <section aria-labelledby="lang-heading">
          <h2 id="lang-heading">{t('answerLanguage')}</h2>
          <div class="radios" role="radiogroup" aria-labelledby="lang-heading">
            {LANGUAGE_OPTIONS.map((option) => (
              <label key={option.value}>
                <input type="radio" name="lang" value={option.value} checked={settings.answerLanguage === option.value} onChange={() => save((current) => ({ ...current, answerLanguage: option.value }))} />
                {option.label()}
              </label>
            ))}
          </div>
        </section>

        <section aria-labelledby="shortcut-heading">
          <h2 id="shortcut-heading">{t('shortcutHeading')}</h2>
          <p>{shortcut ? t('shortcutIs', shortcut) : t('shortcutUnset')}</p>
        </section>

        <section>
          <button type="button" class="button secondary" onClick={() => save(() => DEFAULT_SETTINGS)}>{t('resetDefaults')}</button>
        </section>
      </main>

      <footer class="options-foot">
        {dataset.info.attribution.en}{' '}
        <a href={dataset.info.licence.url} target="_blank" rel="noopener noreferrer">{dataset.info.licence.name}</a>
      </footer>
    </div>
  );
}

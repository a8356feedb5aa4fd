/** Small icons the surfaces share (decorative: their buttons carry the label). */

/** A window with a pane on its right: the side panel. */
export const SidePanelIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
    <path fill="currentColor" d="M2.75 2h10.5c.97 0 1.75.78 1.75 1.75v8.5c0 .97-.78 1.75-1.75 1.75H2.75C1.78 14 1 13.22 1 12.25v-8.5C1 2.78 1.78 2 2.75 2M2.5 3.75v8.5c0 .14.11.25.25.25H9.5v-9H2.75a.25.25 0 0 0-.25.25M11 12.5h2.25c.14 0 .25-.11.25-.25v-8.5a.25.25 0 0 0-.25-.25H11z" />
  </svg>
);

import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/search/search.css';
import '../../src/ui/signal/signal.css';
import '../../src/ui/sidepanel/sidepanel.css';
import { SidePanelApp } from '../../src/ui/sidepanel/SidePanelApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <SidePanelApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

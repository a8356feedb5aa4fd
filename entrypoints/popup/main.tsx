import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/search/search.css';
import '../../src/ui/signal/signal.css';
import { PopupApp } from '../../src/ui/popup/App';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <PopupApp params={new URLSearchParams(location.search)} />
  </SurfaceBoundary>,
  document.getElementById('app')!);

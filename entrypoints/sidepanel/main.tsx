import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import './style.css';
import { SidePanelApp } from '../../src/ui/sidepanel/SidePanelApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <SidePanelApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

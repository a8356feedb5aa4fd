import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import './style.css';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <OptionsApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/options/options.css';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <OptionsApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

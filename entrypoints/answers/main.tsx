import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import './style.css';
import { AnswersApp } from '../../src/ui/answers/AnswersApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <AnswersApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

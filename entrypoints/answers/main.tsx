import { render } from 'preact';
import { SurfaceBoundary } from '../../src/ui/SurfaceBoundary';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/search/search.css';
import '../../src/ui/answers/answers.css';
import { AnswersApp } from '../../src/ui/answers/AnswersApp';

document.documentElement.lang = navigator.language;
render(
  <SurfaceBoundary>
    <AnswersApp />
  </SurfaceBoundary>,
  document.getElementById('app')!);

import { render } from 'preact';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/search/search.css';
import '../../src/ui/answers/answers.css';
import { AnswersApp } from '../../src/ui/answers/AnswersApp';

document.documentElement.lang = navigator.language;
render(<AnswersApp />, document.getElementById('app')!);

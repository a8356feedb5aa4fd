import { render } from 'preact';
import '../../src/ui/styles/tokens.css';
import '../../src/ui/options/options.css';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

document.documentElement.lang = navigator.language;
render(<OptionsApp />, document.getElementById('app')!);
